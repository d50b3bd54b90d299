"""The worked solutions in solutions/ solve the exercises: with them applied, each notebook runs in QUICK mode
and every self-check says ✓ (test_notebooks.py shows each says ✗ as shipped).

A solution file is Markdown a student can read. Each of its code blocks says which exercise it solves and which
notebook cell (by tag) it changes:
```java exercise=2 cell=exercise-2           the cell tagged exercise-2 becomes the block
```java exercise=3 cell=parameters change    the block is "old line(s)", a line "// becomes", "new line(s)"
Blocks of one file are applied together; a block marked run=2 (for a change that would spoil another
exercise's check, such as another dataset) is applied in a second run of its own group.
"""
import re
from collections import defaultdict

import nbformat
import pytest

from conftest import ROOT, record
from notebook_run import execute

BLOCK = re.compile(r"^```java ([^\n]*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
NOTEBOOKS = [p for p in sorted((ROOT / "notebooks").glob("*.ipynb"))
             if any(t.startswith("check-") for c in nbformat.read(p, as_version=4).cells for t in c.metadata.get("tags", []))]


def solution_blocks(path):
    """[(run, exercise, cell tag, is a change, code)] from solutions/<notebook>.md."""
    text = (ROOT / "solutions" / f"{path.stem}.md").read_text(encoding="utf-8")
    blocks = []
    for info, code in BLOCK.findall(text):
        fields = dict(f.split("=", 1) for f in info.split() if "=" in f)
        blocks.append((int(fields.get("run", 1)), int(fields["exercise"]), fields["cell"], "change" in info.split(), code))
    return blocks


def solved(path, blocks):
    """The notebook with the given solution blocks applied."""
    notebook = nbformat.read(path, as_version=4)
    for _, _, tag, change, code in blocks:
        cells = [c for c in notebook.cells if tag in c.metadata.get("tags", [])]
        assert len(cells) == 1, f"{path.name}: {len(cells)} cells tagged {tag}"
        if change:
            old, new = (part.rstrip("\n") for part in code.split("// becomes\n"))
            assert old in cells[0].source, f"{path.name}, cell {tag}: the solution changes text the cell does not hold:\n{old}"
            cells[0].source = cells[0].source.replace(old, new)
        else:
            cells[0].source = code
    return notebook


def runs(path):
    groups = defaultdict(list)
    for block in solution_blocks(path):
        groups[block[0]].append(block)
    return [(path, n, blocks) for n, blocks in sorted(groups.items())]


CASES = [case for path in NOTEBOOKS for case in runs(path)]


def test_every_exercise_has_a_worked_solution():
    for path in NOTEBOOKS:
        checks = {int(t.split("-")[1]) for c in nbformat.read(path, as_version=4).cells for t in c.metadata.get("tags", []) if t.startswith("check-")}
        solved_ones = {block[1] for block in solution_blocks(path)}
        assert checks == solved_ones, f"{path.name}: self-checks {sorted(checks)}, solutions for {sorted(solved_ones)}"


@pytest.mark.parametrize("path,run,blocks", CASES, ids=[f"{p.name}-run{n}" for p, n, _ in CASES])
def test_worked_solutions_turn_their_self_checks_to_a_tick(path, run, blocks):
    result = execute(solved(path, blocks), path)
    checks = result.checks()
    exercises = {block[1] for block in blocks}
    unsolved = {n: text for n, text in checks.items() if n in exercises and ("✓" not in text or "✗" in text)}
    assert not unsolved, f"{path.name}: with the worked solutions these self-checks still fail: {unsolved}"
    record(f"solved-{path.stem}-{run}", {"seconds": result.seconds, "peak_rss_mb": result.peak_rss / 2**20,
                                         "checks": {n: t for n, t in checks.items() if n in exercises}})
