"""The worked solutions in solutions/ solve the exercises: each notebook, with every solution applied, runs in
QUICK mode and every self-check says ✓ (test_notebooks.py shows each says ✗ as shipped).

A solution file is Markdown a student can read; its code blocks name the notebook cell they apply to by tag:
```java cell=exercise-2        the cell tagged exercise-2 becomes the block
```java cell=parameters change  the block is "old line(s)", a line "// becomes", "new line(s)": a change inside the cell
"""
import re

import nbformat
import pytest

from conftest import ROOT, record
from notebook_run import execute

BLOCK = re.compile(r"^```java cell=([\w-]+)( change)?\n(.*?)^```", re.MULTILINE | re.DOTALL)
NOTEBOOKS = [p for p in sorted((ROOT / "notebooks").glob("*.ipynb"))
             if any(t.startswith("check-") for c in nbformat.read(p, as_version=4).cells for t in c.metadata.get("tags", []))]


def solved(path):
    """The notebook with every block of solutions/<name>.md applied."""
    notebook = nbformat.read(path, as_version=4)
    text = (ROOT / "solutions" / f"{path.stem}.md").read_text(encoding="utf-8")
    for tag, change, code in BLOCK.findall(text):
        cells = [c for c in notebook.cells if tag in c.metadata.get("tags", [])]
        assert len(cells) == 1, f"{path.name}: {len(cells)} cells tagged {tag}"
        if change:
            old, new = (part.rstrip("\n") for part in code.split("// becomes\n"))
            assert old in cells[0].source, f"{path.name}, cell {tag}: the solution changes text the cell does not hold:\n{old}"
            cells[0].source = cells[0].source.replace(old, new)
        else:
            cells[0].source = code
    return notebook


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_worked_solutions_turn_every_self_check_to_a_tick(path):
    run = execute(solved(path), path)
    checks = run.checks()
    assert checks, f"{path.name} has no self-checks"
    unsolved = {n: text for n, text in checks.items() if "✓" not in text or "✗" in text}
    assert not unsolved, f"{path.name}: with the worked solutions these self-checks still fail: {unsolved}"
    record(f"solved-{path.stem}", {"seconds": run.seconds, "rss_mb": run.rss / 2**20, "checks": checks})
