"""Every notebook in notebooks/ runs top to bottom through the real kernel in QUICK mode, with no error,
shows what its metadata promises (course.expects: MIME types, or text that some output must hold), and every
exercise's self-check says ✗ as shipped: nothing is solved before the student acts (test_exercises.py shows
the worked solutions turn each into ✓)."""
import re

import nbformat
import pytest

from conftest import ROOT, record
from notebook_run import execute, shown_text

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


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
    run = execute(nbformat.read(path, as_version=4), path)
    outputs = run.outputs()
    errors = [o for o in outputs if o.output_type == "error"]
    assert not errors, errors
    assert not promised(run.notebook, outputs), f"{path.name} did not show {promised(run.notebook, outputs)}"
    assert run.rss < 2 * 2**30, f"{path.name} used {run.rss / 2**20:.0f} MB"
    solved_already = {n: text for n, text in run.checks().items() if "✗" not in text or "✓" in text}
    assert not solved_already, f"{path.name}: these self-checks do not say ✗ before the student acts: {solved_already}"
    record(f"notebook-{path.stem}", {"seconds": run.seconds, "rss_mb": run.rss / 2**20, "checks": run.checks()})
