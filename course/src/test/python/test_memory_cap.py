"""A kernel inside a student's memory-capped control group (the classroom server's, made by classroom/limits.py)
stops a cell that takes the group near its cap, with a message that says why, instead of being killed by the
operating system; it runs the next cell, and another student's kernel runs on meanwhile. Needs root and writable
control groups (v1 here; the v2 files are checked in test_limits.py); required where COURSE_REQUIRE_HUB is set."""
import json
import os
import subprocess
import sys
import time

import pytest

from conftest import KERNELSPEC_DIR, KERNEL_NAME, ROOT, result_text, run, running_kernel

sys.path.insert(0, str(ROOT / "classroom"))
import limits  # noqa: E402

CAP_BYTES = 600 * 2**20  # the kernel starts at about 130 MB; its heap alone may grow to 640 MB


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


FILL_HEAP = """
List<byte[]> hoard = new ArrayList<>();
for (int i = 0; i < 2_000; i++) hoard.add(new byte[10_000_000]);
"""


@needs_cgroups
def test_a_cell_nearing_the_cap_stops_with_the_reason_and_others_run_on(tmp_path):
    procs = limits.prepare("memory-test", CAP_BYTES, 2)
    try:
        with running_kernel(spec_dir=capped_kernelspec(tmp_path, procs)) as (_, capped), \
                running_kernel() as (_, other):
            run(capped, "1")
            started = time.monotonic()
            reply, out = run(capped, FILL_HEAP, timeout=120)
            assert reply["status"] == "error", "the cell filled the heap without being stopped"
            assert "memory cap" in reply["evalue"] and "GB" in reply["evalue"], reply["evalue"]
            assert time.monotonic() - started < 60
            _, out = run(other, "6 * 7")
            assert result_text(out) == "42"
            _, out = run(capped, "hoard = null; 6 * 7")
            assert result_text(out) == "42", "the capped kernel did not run the next cell"
    finally:
        for procs_file in procs:
            subprocess.run(["rmdir", str(procs_file.parent)], capture_output=True)
