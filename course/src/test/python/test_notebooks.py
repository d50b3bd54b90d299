"""Every notebook in notebooks/ runs top to bottom through the real kernel in QUICK mode, with no error,
and shows what its metadata promises (course.expects: MIME types, or text that some output must hold)."""
import json
import os
import re
import time

import nbformat
import psutil
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from conftest import ROOT, kernel_manager, record

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def shown_text(output):
    """Everything an output shows as text: its stream text and each of its data values."""
    values = output.get("data", {}).values()
    return output.get("text", "") + " ".join(v if isinstance(v, str) else json.dumps(v) for v in values)


def error_text(cell):
    """The error a cell showed, as the notebook shows it (the kernel's formatted lines, colours removed)."""
    lines = [line for o in cell.outputs if o.output_type == "error" for line in o.traceback]
    return re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(lines))


def promised(notebook, outputs):
    """The expectations in the notebook's metadata that no output meets."""
    missing = []
    for expected in notebook.metadata.get("course", {}).get("expects", []):
        if re.fullmatch(r"[a-z]+/[\w.+-]+", expected):  # a MIME type
            found = any(expected in o.get("data", {}) for o in outputs)
        else:
            found = any(expected in shown_text(o) for o in outputs)
        if not found:
            missing.append(expected)
    return missing


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_in_quick_mode(path):
    notebook = nbformat.read(path, as_version=4)
    km = kernel_manager({"COURSE_QUICK": "1"})
    client = NotebookClient(notebook, km=km, timeout=600, startup_timeout=60,
                            resources={"metadata": {"path": str(path.parent)}})
    began = time.monotonic()
    try:
        with client.setup_kernel(env={**os.environ, "COURSE_QUICK": "1"}):
            process = psutil.Process(km.provisioner.process.pid)
            for index, cell in enumerate(notebook.cells):
                try:
                    client.execute_cell(cell, index)
                except CellExecutionError:
                    pytest.fail(f"{path.name}, cell {index}:\n{cell.source}\n\n{error_text(cell)}", pytrace=False)
            rss = process.memory_info().rss
    finally:
        if km.has_kernel:
            km.shutdown_kernel(now=True)
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    errors = [o for o in outputs if o.output_type == "error"]
    assert not errors, errors
    assert not promised(notebook, outputs), f"{path.name} did not show {promised(notebook, outputs)}"
    assert rss < 2 * 2**30, f"{path.name} used {rss / 2**20:.0f} MB"
    record(f"notebook-{path.stem}", {"seconds": time.monotonic() - began, "rss_mb": rss / 2**20})
