"""Each chapter's full-mode time is stated in three places: the README's chapter table (the source the site reads),
the chapter's own **Time:** line, and chapter 0's table of the course. They must say the same number of minutes."""
import re

import nbformat

from conftest import ROOT
from publish.chapters import readme_rows

MINUTES = re.compile(r"(\d+) minutes?")
TIME_LINE = re.compile(r"\*\*Time:\*\*(.*?)(?:\n\n|$)", re.DOTALL)
CHAPTER_ZERO_MINUTES = re.compile(r'IntColumn\.create\("minutes \(full mode\)",([\d,\s]+)\)')


def first_minutes(text):
    """The first "N minutes" in a text: the time of a full run when all it needs is there."""
    found = MINUTES.search(text)
    assert found, f"no time in minutes in: {text!r}"
    return int(found.group(1))


def readme_minutes():
    return {stem: first_minutes(time) for stem, (_, time) in readme_rows().items() if not stem.startswith("00")}


def test_every_chapter_states_the_time_the_readme_gives():
    for stem, minutes in readme_minutes().items():
        opening = nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4).cells[0].source
        line = TIME_LINE.search(opening)
        assert line, f"{stem}: the first cell has no **Time:** line"
        assert first_minutes(line.group(1)) == minutes, f"{stem}: its Time line says {line.group(1).strip()!r}, the README {minutes} minutes"


def test_chapter_zero_lists_the_readmes_times():
    cells = nbformat.read(ROOT / "notebooks" / "00-getting-started.ipynb", as_version=4).cells
    listed = [m for c in cells if c.cell_type == "code" for m in CHAPTER_ZERO_MINUTES.findall(c.source)]
    assert len(listed) == 1, "chapter 0 has one table of the chapters' times"
    assert [int(n) for n in listed[0].split(",")] == list(readme_minutes().values())

