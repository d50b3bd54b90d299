"""Shared fixtures for the end-to-end tests: a kernel manager for the course kernelspec built by Maven."""
import contextlib
import os
import pathlib
import subprocess
import sys

import pytest
from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpecManager

ROOT = pathlib.Path(__file__).resolve().parents[4]
KERNELSPEC_DIR = pathlib.Path(os.environ.get("COURSE_KERNELSPEC_DIR", ROOT / "course" / "target" / "kernelspec"))
KERNEL_NAME = os.environ.get("COURSE_KERNEL_NAME", "creative-ai-java")
RESULTS_DIR = ROOT / "course" / "target" / "measurements"
sys.path.insert(0, str(ROOT / "course" / "src" / "main" / "python"))  # publish (site, slides), launcher (bin/course)
pytest_plugins = ["suite"]  # the suite's order, its chapter runs made ahead, and where its time went


def kernel_manager(extra_env=None, spec_dir=KERNELSPEC_DIR):
    """A KernelManager for the freshly built kernelspec (not whatever the user has installed)."""
    specs = KernelSpecManager(kernel_dirs=[str(spec_dir)])
    km = KernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=specs)
    km.extra_env = dict(extra_env or {})
    return km


def start(km, timeout=60):
    env = dict(os.environ)
    env.update(km.extra_env)
    km.start_kernel(env=env)
    kc = km.client()
    # no heartbeat: the tests watch the process itself, and the heartbeat thread of a client stopped right after
    # starting can die on a ZMQ state error (seen once in fifty starts)
    kc.start_channels(hb=False)
    kc.wait_for_ready(timeout=timeout)
    return kc


@contextlib.contextmanager
def running_kernel(extra_env=None, spec_dir=KERNELSPEC_DIR):
    """A started kernel and its client, shut down when the block ends."""
    km = kernel_manager(extra_env, spec_dir)
    kc = start(km)
    try:
        yield km, kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def kernel():
    with running_kernel() as started:
        yield started


def java_feature(java_home):
    """The feature release (17, 21, 25) of the JDK at java_home, from its release file."""
    release = (pathlib.Path(java_home) / "release").read_text()
    version = next(line for line in release.splitlines() if line.startswith("JAVA_VERSION="))
    return int(version.split("=")[1].strip('"').split(".")[0])


def newer_jdks():
    """Java homes to test the kernel on besides the one that built it: COURSE_TEST_JDKS (paths joined by ':'), or
    the newest JDK of 21 or later under /usr/lib/jvm."""
    if os.environ.get("COURSE_TEST_JDKS"):
        return [pathlib.Path(home) for home in os.environ["COURSE_TEST_JDKS"].split(":") if home]
    found = []
    for home in pathlib.Path("/usr/lib/jvm").glob("*"):
        try:
            if not home.is_symlink() and (home / "bin" / "javac").exists() and java_feature(home) >= 21:
                found.append(home)
        except (OSError, StopIteration, ValueError):
            continue
    return sorted(found, key=java_feature)[-1:]


def kernelspec_on(java_home):
    """A kernelspec like the built one, but starting the kernel on another JDK; returns its directory."""
    import json
    built = json.loads((KERNELSPEC_DIR / KERNEL_NAME / "kernel.json").read_text())
    classpath = built["argv"][built["argv"].index("-cp") + 1]
    spec_dir = KERNELSPEC_DIR.parent / f"kernelspec-jdk{java_feature(java_home)}"
    subprocess.run([str(pathlib.Path(java_home) / "bin" / "java"), "-cp", classpath, "creativeai.kernel.KernelSpec",
                    str(spec_dir / KERNEL_NAME), classpath, str(ROOT), built["display_name"]],
                   check=True, capture_output=True)
    return spec_dir


def run(kc, code, timeout=60):
    """Executes code; returns (reply content, list of iopub messages for this request)."""
    msg_id = kc.execute(code)
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        outputs.append(msg)
    return reply["content"], outputs


def of_type(outputs, *types):
    return [m for m in outputs if m["msg_type"] in types]


def result_text(outputs):
    """The text/plain form of a cell's execute_result."""
    return of_type(outputs, "execute_result")[0]["content"]["data"]["text/plain"]


def record(name, data):
    """Keeps a measurement (JSON) under course/target/measurements for the closing note and benchmarks."""
    import json
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / f"{name}.json").write_text(json.dumps(data, indent=2))


def pytest_sessionfinish(session, exitstatus):
    if hasattr(session.config, "course_chapter_runs"):
        session.config.course_chapter_runs.stop()
    session.config.course_exit_status = int(exitstatus)


def pytest_unconfigure(config):
    """Ends the test process once pytest has reported. A ZMQ context left by a client thread that died (nbclient
    starts heartbeats too) once blocked interpreter exit for good, after every test had passed: CI would hang."""
    if hasattr(config, "course_exit_status"):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(config.course_exit_status)
