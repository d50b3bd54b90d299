"""A kernel inside a student's memory-capped control group (the classroom server's, made by classroom/limits.py)
stops a cell that takes the group near its cap, with a message that says why, instead of being killed by the
operating system; it runs the next cell, and another student's kernel runs on meanwhile. A kernel that the system
kills all the same (the group went over in one step) is replaced, and the new kernel's first cell says why. Needs
root and writable control groups (v1 here; the v2 files are checked in test_limits.py and the kernel's
MemoryGuardTest); required where COURSE_REQUIRE_HUB is set."""
import json
import os
import pathlib
import subprocess
import sys
import time

import pytest

from conftest import KERNELSPEC_DIR, KERNEL_NAME, ROOT, of_type, result_text, run, running_kernel

sys.path.insert(0, str(ROOT / "classroom"))
import limits  # noqa: E402

# the kernel uses about 120 MB after its first cell; it stops cells 256 MB below the cap, at 444 MB
CAP_BYTES = 700 * 2**20


def cgroups_missing():
    if os.geteuid() != 0:
        return "needs root"
    return None if limits.version() else "no writable control groups"


needs_cgroups = pytest.mark.skipif(cgroups_missing() is not None and not os.environ.get("COURSE_REQUIRE_HUB"),
                                   reason=str(cgroups_missing()))


def capped_kernelspec(tmp_path, procs_files):
    """The built kernelspec, its kernel started inside the capped group (as the classroom's spawner does)."""
    spec = json.loads((KERNELSPEC_DIR / KERNEL_NAME / "kernel.json").read_text())
    join = " && ".join(f'echo $$ > {p}' for p in procs_files)
    spec["argv"] = ["/bin/sh", "-c", f'{join} && exec "$0" "$@"'] + spec["argv"]
    target = tmp_path / "spec" / KERNEL_NAME
    target.mkdir(parents=True)
    (target / "kernel.json").write_text(json.dumps(spec))
    return tmp_path / "spec"


# 200 MB a second, as a model that grows layer by layer: the kernel checks twenty times a second
FILL_HEAP = """
void hoard() throws InterruptedException {
    List<byte[]> kept = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) { kept.add(new byte[10_000_000]); Thread.sleep(50); }
}
hoard();
"""


# another process of the student's that takes 650 MB at once: with the kernel's 120 MB, over the cap
HOG = "import time; held = bytes(1) * (650 * 2**20); time.sleep(120)"


@pytest.fixture
def capped_group():
    procs = limits.prepare("memory-test", CAP_BYTES, 2)
    try:
        yield procs
    finally:
        for group in limits.groups("memory-test"):
            subprocess.run(["rmdir", str(group)], capture_output=True)


@needs_cgroups
@pytest.mark.root
def test_a_cell_nearing_the_cap_stops_with_the_reason_and_others_run_on(tmp_path, capped_group):
    with running_kernel(spec_dir=capped_kernelspec(tmp_path, capped_group)) as (_, capped), \
            running_kernel() as (_, other):
        run(capped, "1")
        started = time.monotonic()
        reply, out = run(capped, FILL_HEAP, timeout=120)
        assert reply["status"] == "error", "the cell filled the heap without being stopped"
        assert "memory cap" in reply["evalue"] and "GB" in reply["evalue"], reply["evalue"]
        assert time.monotonic() - started < 60
        _, out = run(other, "6 * 7")
        assert result_text(out) == "42"
        _, out = run(capped, "6 * 7")
        assert result_text(out) == "42", "the capped kernel did not run the next cell"


def stderr_text(outputs):
    return "".join(m["content"]["text"] for m in of_type(outputs, "stream") if m["content"]["name"] == "stderr")


@needs_cgroups
@pytest.mark.root
def test_a_kernel_killed_for_memory_says_why_after_its_restart(tmp_path, capped_group):
    """The system picks the kernel (made its first choice here, as the largest process would be) when another of
    the student's processes takes the group over its cap in one step, faster than any check."""
    with running_kernel(spec_dir=capped_kernelspec(tmp_path, capped_group)) as (km, capped), \
            running_kernel() as (_, other):
        run(capped, "1")
        pathlib.Path(f"/proc/{km.provisioner.process.pid}/oom_score_adj").write_text("1000")
        hog = subprocess.Popen(["/usr/bin/python3", "-c", HOG], preexec_fn=lambda: limits.join(capped_group))
        try:
            deadline = time.monotonic() + 60
            while km.is_alive() and time.monotonic() < deadline:
                time.sleep(0.2)
        finally:
            hog.kill()
            hog.wait()
        assert not km.is_alive(), "the system did not end the kernel"
        _, out = run(other, "6 * 7")
        assert result_text(out) == "42", "another student's kernel stopped"
        km.restart_kernel(now=True)  # as the Jupyter server does when a kernel dies: the same connection file
        capped.stop_channels()
        restarted = km.client()
        restarted.start_channels(hb=False)
        try:
            restarted.wait_for_ready(timeout=60)
            _, out = run(restarted, "6 * 7")
            assert result_text(out) == "42"
            note = stderr_text(out)
            assert "ended by the system" in note and "0.7 GB memory cap" in note, note
            _, out = run(restarted, "6 * 7")
            assert stderr_text(out) == "", "the note is shown once"
        finally:
            restarted.stop_channels()
