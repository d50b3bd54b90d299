"""The chapters as the site lists them: file, title, what the student makes and the stated full-mode time (both
from the README's chapter table, so the two never disagree), and the preview image the chapter opens with."""
import html
import re
from dataclasses import dataclass

import nbformat

from .paths import NOTEBOOKS, ROOT

README_ROW = re.compile(r"^\| `(\d\d-[\w-]+)` \| (.+?) \| (.+?) \|$", re.MULTILINE)
PREVIEW = re.compile(r"!\[[^\]]*\]\((previews/[^)\s]+)\)")


@dataclass(frozen=True)
class Chapter:
    stem: str          # 04-gan
    title: str         # 4 · GANs: two networks that learn to draw digits by competing
    makes: str         # the README's "you make" cell, Markdown
    full_time: str     # the README's "full mode on 2 cores" cell
    preview: str | None  # previews/04-dcgan.png, relative to notebooks/

    @property
    def number(self):
        return self.stem[:2]

    @property
    def path(self):
        return NOTEBOOKS / f"{self.stem}.ipynb"


def readme_rows():
    """{stem: (what you make, full-mode time)} from the README's chapter table."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return {m.group(1): (m.group(2).strip(), m.group(3).strip()) for m in README_ROW.finditer(text)}


def all_chapters():
    rows = readme_rows()
    chapters = []
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        if path.stem not in rows:
            raise SystemExit(f"{path.name} has no row in the README's chapter table: add one (what it makes, its time)")
        first = nbformat.read(path, as_version=4).cells[0].source
        title = first.lstrip("# ").splitlines()[0].strip()
        preview = PREVIEW.search(first)
        chapters.append(Chapter(path.stem, title, *rows[path.stem], preview.group(1) if preview else None))
    return chapters


def chapter(number):
    """The chapter whose file starts with the two digits given (4, "04" or "04-gan")."""
    wanted = f"{int(str(number)[:2]):02d}"
    for found in all_chapters():
        if found.number == wanted:
            return found
    raise SystemExit(f"There is no chapter {number}: the chapters are {', '.join(c.number for c in all_chapters())}")


def inline_markdown(text):
    """The README cell's Markdown as HTML: `code` and *emphasis*; everything else escaped."""
    escaped = html.escape(text)
    escaped = re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped)
    return re.sub(r"\*([^*]+)\*", r"<em>\1</em>", escaped)
