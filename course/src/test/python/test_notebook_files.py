"""The chapters as stored: exactly as JupyterLab writes a notebook back (nbformat's layout: sorted keys, one-space
indent), with no outputs and no execution counts, so that a student who opens one and closes it is not asked to save
a change they did not make, and a diff shows only what an author changed."""
import json

import nbformat
import pytest

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_as_jupyterlab_writes_it(path):
    text = path.read_text(encoding="utf-8")
    assert text == nbformat.writes(nbformat.reads(text, as_version=4)) + "\n", \
        f"{path.name}: store it as JupyterLab does: nbformat.write(nbformat.read(path, 4), path) and a final newline"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_without_outputs(path):
    code = [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    assert [c["id"] for c in code if c["outputs"] or c["execution_count"] is not None] == []
