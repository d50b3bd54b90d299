"""Notebooks written for IJava run unchanged: the compatibility notebook exercises every magic and notebook function
of IJava's documentation (and %%time), each cell failing if its item does not work."""
import re
import shutil

import nbformat

from conftest import ROOT, record
from notebook_run import execute, shown_text

NOTEBOOK = ROOT / "course" / "src" / "test" / "notebooks" / "ijava-compatibility.ipynb"


def test_the_ijava_compatibility_notebook_runs_unchanged(tmp_path):
    path = tmp_path / NOTEBOOK.name
    shutil.copy(NOTEBOOK, path)  # it writes its scratch files next to itself
    run = execute(nbformat.read(path, as_version=4), path)
    text = "\n".join(shown_text(o) for o in run.outputs())
    source = "\n".join(c.source for c in run.notebook.cells if c.cell_type == "code")
    promised = set(re.findall(r'\bcheck\(.*, "([^"]+)"', source))  # each check's message, up to its first quote
    passed = re.findall(r"^ok: (.*)$", text, re.MULTILINE)
    missing = [item for item in promised if not any(line.startswith(item) for line in passed)]
    assert len(promised) >= 15 and not missing, missing
    assert re.search(r"Wall time: \d+ (µs|ms|s)", text), "%%time printed its time"
    assert "499999500000" in text, "%%time showed the cell's value"
    assert "printf=7" in text
    record("ijava-compatibility", {"checks_passed": len(passed), "seconds": run.seconds})
