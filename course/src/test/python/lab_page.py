"""Driving a notebook in JupyterLab as a person does: wait for the kernel, Run > Run All Cells, wait until every
cell has run, then read what the page shows."""
import re
import time

RUN_ALL = "runmenu:run-all"  # Run > Run All Cells


def wait_for_kernel_idle(page, kernel="Java (Creative AI)", timeout=120):
    """Waits until the notebook is open with the course kernel started and idle."""
    page.wait_for_selector(".jp-Notebook", timeout=timeout * 1000)
    page.wait_for_function("""name => Array.from(document.querySelectorAll('.jp-KernelName')).some(e => e.textContent.trim() === name)
        && document.querySelector(".jp-Notebook-ExecutionIndicator[data-status='idle']") !== null""", arg=kernel,
                           timeout=timeout * 1000)


def run_all(page):
    page.locator(".jp-Notebook .jp-Cell").first.click()  # the notebook is the active panel the Run menu acts on
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(f".lm-Menu-item[data-command='{RUN_ALL}']").click()


def prompts(page):
    return page.eval_on_selector_all(".jp-CodeCell .jp-InputPrompt", "els => els.map(e => e.textContent.trim())")


def finished(page):
    """True when every code cell shows an execution count and the kernel is idle."""
    shown = prompts(page)
    return (bool(shown) and all(re.fullmatch(r"\[\d+\]:", p) for p in shown)
            and page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").count() > 0)


def wait_until_finished(pages, timeout):
    deadline = time.monotonic() + timeout
    waiting = list(pages)
    while waiting:
        waiting = [p for p in waiting if not finished(p)]
        if waiting and time.monotonic() > deadline:
            raise AssertionError(f"cells still running after {timeout} s: {[prompts(p) for p in waiting]}")
        time.sleep(1)


def error_outputs(page):
    """The text of every error or standard-error output the notebook shows."""
    return page.eval_on_selector_all("[data-mime-type='application/vnd.jupyter.stderr']", "els => els.map(e => e.textContent)")


def output_images(page):
    """naturalWidth of every image in the outputs (0: did not load)."""
    return page.eval_on_selector_all(".jp-OutputArea-output img", "els => els.map(i => i.naturalWidth)")
