"""JupyterLab as a student meets it, in Chromium: chapter 0 opens with the course kernel, Run All Cells runs every
cell with no error shown, every image in its outputs loads and its sound players are there."""
import shutil
import time

import pytest

from browser import browser
from conftest import ROOT, record
from lab_page import error_outputs, output_images, run_all, wait_for_kernel_idle, wait_until_finished
from lab_server import jupyterlab

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHAPTER = "00-getting-started.ipynb"


@pytest.mark.timeout(660)  # chapter 0 may take 600 s in JupyterLab
def test_chapter_0_runs_in_jupyterlab(tmp_path):
    shutil.copy(ROOT / "notebooks" / CHAPTER, tmp_path / CHAPTER)  # the student's copy: the test never saves over ours
    with jupyterlab(tmp_path, env={"COURSE_QUICK": "1"}) as (base, token), browser(viewport=(1400, 1000)) as new_page:
        page = new_page()
        began = time.monotonic()
        page.goto(f"{base}/lab/tree/{CHAPTER}?token={token}")
        try:
            wait_for_kernel_idle(page)
        finally:
            page.screenshot("jupyterlab-chapter-0-opened")
        opened = time.monotonic() - began
        run_all(page)
        wait_until_finished([page], timeout=600)
        ran = time.monotonic() - began - opened
        page.screenshot("jupyterlab-chapter-0", full_page=False)
        assert error_outputs(page) == []
        widths = output_images(page)
        assert widths and all(w > 0 for w in widths), widths
        assert page.locator(".jp-OutputArea-output audio").count() >= 1
        # JupyterLab's debugger panel throws this for every kernel without a debugger; it shows the student nothing
        assert not [e for e in page.errors if "No active debugger session" not in e], page.errors
        record("jupyterlab-chapter-0", {"open_seconds": opened, "run_all_seconds": ran, "images": len(widths)})
