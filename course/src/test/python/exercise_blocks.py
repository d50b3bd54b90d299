"""Code blocks that change a notebook's exercises: the worked solutions in solutions/ and the scripted wrong answers
in course/src/test/wrong-answers/, both Markdown a person can read. Each code block says which exercise it is for
and which notebook cell (by tag) it changes:
```java exercise=2 cell=exercise-2           the cell tagged exercise-2 becomes the block
```java exercise=3 cell=parameters change    the block is "old line(s)", a line "// becomes", "new line(s)"
A block marked run=2 (for a change that would spoil another exercise's check, such as another dataset) is
applied in a second run of its own group. chapter_runs.py decides which blocks can be appended to the shipped run
and which must run from the top."""
import copy
import re
import uuid
from collections import defaultdict

import nbformat

from conftest import ROOT

BLOCK = re.compile(r"^```java ([^\n]*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
SECTION = re.compile(r"^## ", re.MULTILINE)
SOLUTIONS = ROOT / "solutions"
WRONG_ANSWERS = ROOT / "course" / "src" / "test" / "wrong-answers"


def blocks(path, folder):
    """[(run, exercise, cell tag, is a change, code)] from <folder>/<notebook>.md."""
    return [block for _, block in answers(path, folder)]


def answers(path, folder):
    """[(answer, block)]: the blocks with the number of the "## " section each is in. In the wrong answers, a section is
    one wrong answer (it may change several cells), and each is tried and checked on its own."""
    text = (folder / f"{path.stem}.md").read_text(encoding="utf-8")
    found = []
    for match in BLOCK.finditer(text):
        info, code = match.groups()
        fields = dict(f.split("=", 1) for f in info.split() if "=" in f)
        section = len(SECTION.findall(text, 0, match.start()))
        found.append((section, (int(fields.get("run", 1)), int(fields["exercise"]), fields["cell"], "change" in info.split(), code)))
    return found


def exercises(path):
    """The numbers of the notebook's exercises: one per cell tagged check-N."""
    return {int(t.split("-")[1]) for c in nbformat.read(path, as_version=4).cells for t in c.metadata.get("tags", []) if t.startswith("check-")}


def tagged(notebook, tag, path):
    cells = [c for c in notebook.cells if tag in c.metadata.get("tags", [])]
    assert len(cells) == 1, f"{path.name}: {len(cells)} cells tagged {tag}"
    return cells[0]


def changed(cell, change, code, path, tag):
    """The cell's source with the block applied: replaced whole, or one passage changed."""
    if not change:
        return code
    old, new = (part.rstrip("\n") for part in code.split("// becomes\n"))
    assert old in cell.source, f"{path.name}, cell {tag}: the block changes text the cell does not hold:\n{old}"
    return cell.source.replace(old, new)


def solved(path, chosen):
    """The notebook with the given blocks applied in place."""
    notebook = nbformat.read(path, as_version=4)
    for _, _, tag, change, code in chosen:
        cell = tagged(notebook, tag, path)
        cell.source = changed(cell, change, code, path, tag)
    return notebook


def runs(path, folder=SOLUTIONS):
    """The blocks grouped by run: [(path, run, blocks)]."""
    groups = defaultdict(list)
    for block in blocks(path, folder):
        groups[block[0]].append(block)
    return [(path, n, chosen) for n, chosen in sorted(groups.items())]


def with_wrong_answers(notebook, path):
    """The notebook with every wrong answer appended after its last cell, tagged wrong-check-N (see appended), one
    wrong answer (a section of the file) after another. Each replaces the cells a solution would change, so whatever
    ran before, each copy of the check must say ✗."""
    by_answer = defaultdict(list)
    for section, block in answers(path, WRONG_ANSWERS):
        by_answer[section].append(block)
    for _, chosen in sorted(by_answer.items()):
        appended(notebook, path, chosen, "wrong-")
    return notebook


def with_solutions(notebook, path, chosen):
    """The notebook with the chosen worked solutions appended, tagged solved-check-N: each must say ✓."""
    return appended(notebook, path, chosen, "solved-")


def appended(notebook, path, chosen, prefix):
    """For each exercise of the chosen blocks, in order: its changed cells and then its self-check again, appended
    after the notebook's last cell with their tags prefixed. Returns the notebook."""
    by_exercise = defaultdict(list)
    for _, exercise, tag, change, code in chosen:
        by_exercise[exercise].append((tag, change, code))
    for exercise, changes in sorted(by_exercise.items()):
        check_tag = f"check-{exercise}"
        check = copy.deepcopy(tagged(notebook, check_tag, path))
        for tag, change, code in changes:
            if tag == check_tag:
                check.source = changed(check, change, code, path, tag)
            else:
                cell = copy.deepcopy(tagged(notebook, tag, path))
                cell.source = changed(cell, change, code, path, tag)
                cell.metadata["tags"], cell.id = [prefix + tag], uuid.uuid4().hex[:8]
                notebook.cells.append(cell)
        check.metadata["tags"], check.id = [prefix + check_tag], uuid.uuid4().hex[:8]
        notebook.cells.append(check)
    return notebook
