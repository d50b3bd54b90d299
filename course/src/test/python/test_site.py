"""The rendered course and its slide decks, built by the real command (QUICK mode, reusing each chapter's shipped
run from chapter_runs.py) and checked in Chromium as a reader sees them: every image loads, every
audio player holds sound, the math is typeset, nothing is fetched from outside the machine, and each deck
advances through all its slides."""
import copy
import functools
import http.server
import json
import os
import re
import subprocess
import sys
import threading
import time

import nbformat
import pytest

from browser import browser
from conftest import ROOT, record
from publish import chapters, deck, executed, paths
from suite import chapter_run

PYTHON_DIR = ROOT / "course" / "src" / "main" / "python"
CHAPTERS = chapters.all_chapters()


def build(*args):
    began = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "publish", *args], cwd=PYTHON_DIR, capture_output=True, text=True,
                          env={**os.environ, "COURSE_QUICK": "1"}, timeout=3600)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout, time.monotonic() - began


@pytest.fixture(scope="module")
def site(chapter_runs):
    """Builds the site from the chapters' shipped runs (their own cells only), then again: the second build finds
    every chapter's run current and executes nothing."""
    for chapter in CHAPTERS:
        shipped = chapter_run(chapter_runs, chapter.stem)
        notebook = copy.deepcopy(shipped.run.notebook)
        del notebook.cells[shipped.shipped_cells:]
        executed.store(chapter.stem, notebook, True, shipped.run.seconds, shipped.run.peak_rss,
                       source=nbformat.read(chapter.path, as_version=4))
    first, first_seconds = build("site")
    again, cached_seconds = build("site")
    assert again.count("reusing ") == len(CHAPTERS) and "running " not in again, again
    summary = json.loads(again.strip().splitlines()[-1])
    record("site", {"first_build_seconds": first_seconds, "first_build_reused": first.count("reusing "),
                    "cached_build_seconds": cached_seconds, "bytes": summary["bytes"], "slides": summary["slides"]})
    assert cached_seconds < 120, f"a build with every chapter current took {cached_seconds:.0f} s"
    return summary


@pytest.fixture(scope="module")
def served(site):
    """The site over HTTP on a free loopback port, as a static host serves it."""
    handler = functools.partial(QuietHandler, directory=str(paths.SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def has_math(chapter):
    return any(c.cell_type == "markdown" and "$" in c.source for c in nbformat.read(chapter.path, as_version=4).cells)


def audio_outputs(chapter):
    notebook = executed.current_copy(chapter, quick=True)
    return sum(o.get("data", {}).get("text/html", "").count("<audio") for c in notebook.cells if c.cell_type == "code"
               for o in c.outputs)


def test_slide_metadata_tells_each_chapter_in_15_to_25_slides():
    for chapter in CHAPTERS:
        notebook = nbformat.read(chapter.path, as_version=4)
        untyped = [i for i, c in enumerate(notebook.cells) if "slideshow" not in c.metadata]
        assert not untyped, f"{chapter.stem}: cells {untyped} have no slide type"
        assert deck.slide_type(notebook.cells[0]) == "slide", chapter.stem
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type == "markdown" and cell.source.startswith("## ") and not cell.source.startswith("## Parameters"):
                assert deck.slide_type(cell) == "slide", f"{chapter.stem}, cell {index}: a section heading starts a slide"
        assert 15 <= deck.slide_count(notebook) <= 25, f"{chapter.stem}: {deck.slide_count(notebook)} slides"


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.chapter_runs
def test_index_lists_every_chapter_with_its_preview(served):
    with browser() as new_page:
        page = new_page()
        page.goto(f"{served}/index.html")
        assert page.locator("article.course-chapter").count() == len(CHAPTERS)
        page.wait_for_load_state("load")
        page.load_lazy_images()  # the previews are lazy: the last chapters' are far below the window
        assert not page.broken_images() and not page.off_site and not page.failed, (page.broken_images(), page.off_site, page.failed)
        for chapter in CHAPTERS:
            assert page.locator(f'a[href="{chapter.stem}.html"]').count() >= 1, chapter.stem
        page.screenshot("site-index", full_page=True)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.chapter_runs
@pytest.mark.parametrize("chapter", CHAPTERS, ids=[c.stem for c in CHAPTERS])
def test_chapter_page_shows_its_outputs(served, chapter):
    with browser() as new_page:
        page = new_page()
        page.goto(f"{served}/{chapter.stem}.html")
        page.wait_for_load_state("load")
        assert not page.broken_images(), page.broken_images()
        assert page.locator(".jp-OutputArea-output").count() > 0
        players = audio_outputs(chapter)
        assert page.locator("audio").count() == players
        if players:
            durations = page.evaluate("""Promise.all(Array.from(document.querySelectorAll('audio')).map(a =>
                a.readyState >= 1 ? a.duration : new Promise(ok => a.addEventListener('loadedmetadata', () => ok(a.duration)))))""")
            assert all(d > 0.5 for d in durations), durations
        if has_math(chapter):
            page.wait_for_function("window.MathJax && MathJax.startup && MathJax.startup.promise")
            page.evaluate("MathJax.startup.promise")
            assert page.locator("mjx-container").count() > 0 and page.locator("mjx-merror").count() == 0
        assert not page.off_site and not page.failed and not page.errors, (page.off_site, page.failed, page.errors)
        page.screenshot(f"site-{chapter.stem}")


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.chapter_runs
@pytest.mark.parametrize("chapter", CHAPTERS, ids=[c.stem for c in CHAPTERS])
def test_slide_deck_advances_through_every_slide(served, chapter):
    expected = deck.slide_count(nbformat.read(chapter.path, as_version=4))
    with browser(viewport=(1280, 800)) as new_page:
        page = new_page()
        page.goto(f"{served}/{chapter.stem}.slides.html")
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        assert page.evaluate("Reveal.getTotalSlides()") == expected
        page.screenshot(f"slides-{chapter.stem}-first")
        seen = {page.evaluate("JSON.stringify([Reveal.getIndices().h, Reveal.getIndices().v])")}
        for _ in range(400):
            if page.evaluate("Reveal.isLastSlide() && !Reveal.availableFragments().next"):
                break
            page.evaluate("Reveal.next()")
            seen.add(page.evaluate("JSON.stringify([Reveal.getIndices().h, Reveal.getIndices().v])"))
        assert len(seen) == expected, f"visited {len(seen)} of {expected} slides"
        assert page.locator("aside.notes").count() > 0, "no speaker notes"
        assert not page.broken_images() and not page.off_site and not page.errors, (page.broken_images(), page.off_site, page.errors)
        page.screenshot(f"slides-{chapter.stem}-last")
