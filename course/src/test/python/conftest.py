"""Shared fixtures for the end-to-end tests: a kernel manager for the course kernelspec built by Maven."""
import contextlib
import os
import pathlib
import sys

import pytest
from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpecManager

ROOT = pathlib.Path(__file__).resolve().parents[4]
KERNELSPEC_DIR = pathlib.Path(os.environ.get("COURSE_KERNELSPEC_DIR", ROOT / "course" / "target" / "kernelspec"))
KERNEL_NAME = os.environ.get("COURSE_KERNEL_NAME", "creative-ai-java")
RESULTS_DIR = ROOT / "course" / "target" / "measurements"


def kernel_manager(extra_env=None):
    """A KernelManager for the freshly built kernelspec (not whatever the user has installed)."""
    specs = KernelSpecManager(kernel_dirs=[str(KERNELSPEC_DIR)])
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
def running_kernel(extra_env=None):
    """A started kernel and its client, shut down when the block ends."""
    km = kernel_manager(extra_env)
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
    session.config.course_exit_status = int(exitstatus)


def pytest_unconfigure(config):
    """Ends the test process once pytest has reported. A ZMQ context left by a client thread that died (nbclient
    starts heartbeats too) once blocked interpreter exit for good, after every test had passed: CI would hang."""
    if hasattr(config, "course_exit_status"):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(config.course_exit_status)
