"""The Jupyter project's own kernel test suite (jupyter_kernel_test) passes with every sample set: kernel_info,
stdout and stderr, execute_result, display_data, error, completion (names declared earlier in the same cell too),
is_complete (complete, incomplete, invalid), history (tail, range, search; with and without output; unique),
inspect (the cursor on a name, with or without its parenthesis), pager, clear_output. The suite is Debian's
python3-jupyter-kernel-test for /usr/bin/python3 (.ci/run installs it); the cases are in kernel_conformance.py."""
import os
import pathlib
import subprocess

import pytest

from conftest import KERNELSPEC_DIR, KERNEL_NAME

SYSTEM_PYTHON = "/usr/bin/python3"
HERE = pathlib.Path(__file__).parent


def suite_missing():
    found = subprocess.run([SYSTEM_PYTHON, "-c", "import jupyter_kernel_test"], capture_output=True)
    return None if found.returncode == 0 else "apt-get install python3-jupyter-kernel-test"


@pytest.mark.skipif(suite_missing() is not None and not os.environ.get("COURSE_REQUIRE_KERNEL_TEST"),
                    reason=str(suite_missing()))
@pytest.mark.timeout(300)
def test_the_jupyter_kernel_test_suite_passes_with_every_sample_set():
    env = dict(os.environ, COURSE_KERNELSPEC_DIR=str(KERNELSPEC_DIR), COURSE_KERNEL_NAME=KERNEL_NAME,
               PYTHONPATH=str(HERE))
    env.pop("VIRTUAL_ENV", None)
    result = subprocess.run([SYSTEM_PYTHON, "-m", "unittest", "-v", "kernel_conformance"], cwd=HERE, env=env,
                            capture_output=True, text=True, timeout=600)
    report = result.stderr
    assert result.returncode == 0, report[-6000:]
    ran = [line for line in report.splitlines() if line.endswith("... ok")]
    skipped = [line for line in report.splitlines() if "skipped" in line]
    assert not skipped, f"sample sets missing: {skipped}"
    assert len(ran) >= 16, report[-3000:]
