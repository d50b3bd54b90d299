"""A chapter as a reveal.js slide deck. The chapter's cells carry the slide types (slideshow.slide_type: slide,
subslide, fragment, skip, notes, or '-' to continue the slide before). A long Markdown cell on a slide shows its
heading, first sentence, formulas and figures; its full text becomes the speaker notes (press S in the deck)."""
import copy
import re

import nbformat
from nbconvert import SlidesExporter

from .paths import TEMPLATES
from .static import without_live_widgets

SHOWN_WHOLE = 350  # a Markdown cell up to this many characters is shown as written
DISPLAY_MATH = re.compile(r"\$\$.+?\$\$", re.DOTALL)
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]+\)")
FIRST_SENTENCE = re.compile(r"^(.+?[.!?:])(\s|$)", re.DOTALL)


def slide_type(cell):
    return cell.metadata.get("slideshow", {}).get("slide_type", "-")


def slide_count(notebook):
    """Screens in the deck: every slide and sub-slide."""
    return sum(1 for cell in notebook.cells if slide_type(cell) in ("slide", "subslide"))


def condensed(markdown):
    """What a slide shows of a long Markdown cell: headings, the first sentence of prose, formulas and figures."""
    shown, prose_taken = [], False
    for block in re.split(r"\n\s*\n", markdown.strip()):
        if block.startswith("#"):
            shown.append(block)
        elif DISPLAY_MATH.search(block) or IMAGE.search(block):
            shown.extend(DISPLAY_MATH.findall(block) + IMAGE.findall(block))
        elif not prose_taken and not block.startswith(("```", "|", "<")):
            first = FIRST_SENTENCE.match(block)
            shown.append(first.group(1) if first else block)
            prose_taken = True
    return "\n\n".join(shown)


def with_speaker_notes(notebook):
    """A copy of the notebook whose long Markdown cells are condensed, each followed by its full text as notes."""
    deck = copy.deepcopy(notebook)
    cells = []
    for cell in deck.cells:
        cells.append(cell)
        if cell.cell_type == "markdown" and slide_type(cell) not in ("skip", "notes") and len(cell.source) > SHOWN_WHOLE:
            notes = nbformat.v4.new_markdown_cell(cell.source, metadata={"slideshow": {"slide_type": "notes"}})
            cell.source = condensed(cell.source)
            cells.append(notes)
    deck.cells = cells
    return deck


def deck_html(notebook, assets):
    """The deck as one HTML file, loading reveal.js, MathJax and the styles from `assets` (a relative URL)."""
    exporter = SlidesExporter(template_name="course-slides", extra_template_basedirs=[str(TEMPLATES)], extra_template_paths=[str(TEMPLATES)],
                              reveal_url_prefix=f"{assets}/reveal.js", reveal_theme="white")
    body, _ = exporter.from_notebook_node(with_speaker_notes(without_live_widgets(notebook)), resources={"course": {"assets": assets}})
    return body
