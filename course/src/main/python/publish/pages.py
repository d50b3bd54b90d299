"""The course as a static site: an index of the chapters (preview, what each makes, its time) and one page per
chapter with every output, plus each chapter's slide deck. Everything it loads is inside the site folder, so it
works offline and from any static host. The site is built in a fresh folder and swapped in at the end: a stopped
build leaves the previous site as it was."""
import os
import re
import shutil
import time

import jinja2
from nbconvert import HTMLExporter

from . import chapters as chapter_list
from .deck import deck_html, slide_count
from .executed import executed_copy, library_fingerprint, mode_name
from .paths import NOTEBOOKS, SITE, TEMPLATES, WEB_PACKAGES
from .static import without_live_widgets

ASSETS = "assets"
MATHJAX_FILES = ["tex-chtml-full.js", "output/chtml/fonts/woff-v2"]
REVEAL_FILES = ["dist/reveal.js", "dist/reveal.css", "dist/theme/white.css", "dist/theme/fonts", "plugin/notes/notes.js"]
TEXT_PREVIEW = re.compile(r"```text\n(.+?)```", re.DOTALL)


def page_name(chapter):
    return f"{chapter.stem}.html"


def deck_name(chapter):
    return f"{chapter.stem}.slides.html"


def copy_tree_parts(source, target, parts):
    for part in parts:
        origin = source / part
        if not origin.exists():
            raise SystemExit(f"{origin} is missing: run `npm ci --prefix course/web` (bin/course site does)")
        destination = target / part
        destination.parent.mkdir(parents=True, exist_ok=True)
        if origin.is_dir():
            shutil.copytree(origin, destination)
        else:
            shutil.copy2(origin, destination)


def write_assets(site):
    """MathJax and reveal.js from course/web's npm packages; the course's styles; the chapters' figures."""
    assets = site / ASSETS
    copy_tree_parts(WEB_PACKAGES / "mathjax" / "es5", assets / "mathjax", MATHJAX_FILES)
    copy_tree_parts(WEB_PACKAGES / "reveal.js", assets / "reveal.js", REVEAL_FILES)
    for style in (TEMPLATES / "static").glob("*.css"):
        shutil.copy2(style, assets / style.name)
    for folder in ("previews", "figures"):
        shutil.copytree(NOTEBOOKS / folder, site / folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))


def navigation(chapter, everyone):
    index = everyone.index(chapter)
    links = ['<a href="index.html">All chapters</a>']
    if index > 0:
        links.append(f'<a href="{page_name(everyone[index - 1])}" rel="prev">← {everyone[index - 1].number}</a>')
    if index + 1 < len(everyone):
        links.append(f'<a href="{page_name(everyone[index + 1])}" rel="next">{everyone[index + 1].number} →</a>')
    links.append(f'<a href="{deck_name(chapter)}">Slides</a>')
    links.append('<a href="https://github.com/creative-ai-java/creative-ai-java">Run it yourself</a>')
    return " · ".join(links)


def chapter_html(chapter, notebook, everyone):
    exporter = HTMLExporter(template_name="course-page", extra_template_basedirs=[str(TEMPLATES)], extra_template_paths=[str(TEMPLATES)])
    resources = {"course": {"assets": ASSETS, "nav": navigation(chapter, everyone)}}
    body, _ = exporter.from_notebook_node(without_live_widgets(notebook), resources=resources)
    return body


def index_html(entries, quick):
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True)
    return environment.get_template("course_index.html.j2").render(entries=entries, quick=quick, assets=ASSETS,
                                                            built=time.strftime("%Y-%m-%d"))


def index_entry(chapter, notebook):
    run = notebook.metadata.get("course_run", {})
    first = notebook.cells[0].source
    text_preview = TEXT_PREVIEW.search(first)
    return {
        "number": int(chapter.number), "title": chapter.title.split("·", 1)[-1].strip(), "page": page_name(chapter),
        "deck": deck_name(chapter), "makes": chapter_list.inline_markdown(chapter.makes), "full_time": chapter.full_time,
        "preview": chapter.preview, "text_preview": text_preview.group(1) if text_preview else None,
        "ran_minutes": round(run.get("seconds", 0) / 60, 1), "slides": slide_count(notebook),
    }


def build_site(quick, only=None, log=print):
    """Writes the site under site/. `only`: chapter numbers to include (all by default). Returns a summary."""
    everyone = [c for c in chapter_list.all_chapters() if only is None or int(c.number) in only]
    began = time.monotonic()
    fresh = SITE.with_name(SITE.name + ".partial")
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    write_assets(fresh)
    library = library_fingerprint()
    entries = []
    for chapter in everyone:
        notebook = executed_copy(chapter, quick, log, library)
        (fresh / page_name(chapter)).write_text(chapter_html(chapter, notebook, everyone), encoding="utf-8")
        (fresh / deck_name(chapter)).write_text(deck_html(notebook, ASSETS), encoding="utf-8")
        entries.append(index_entry(chapter, notebook))
    (fresh / "index.html").write_text(index_html(entries, quick), encoding="utf-8")
    old = SITE.with_name(SITE.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if SITE.exists():
        os.replace(SITE, old)
    os.replace(fresh, SITE)
    shutil.rmtree(old, ignore_errors=True)
    size = sum(f.stat().st_size for f in SITE.rglob("*") if f.is_file())
    summary = {"mode": mode_name(quick), "chapters": len(entries), "seconds": round(time.monotonic() - began, 1),
               "bytes": size, "slides": {e["page"]: e["slides"] for e in entries}}
    log(f"site: {len(entries)} chapters in {summary['seconds']:.0f} s, {size / 2**20:.1f} MB in {SITE}")
    return summary


def build_deck(chapter, quick, log=print):
    """Writes one chapter's deck into site/ (with the assets it needs); returns its path."""
    notebook = executed_copy(chapter, quick, log)
    SITE.mkdir(exist_ok=True)
    if not (SITE / ASSETS / "reveal.js").exists():
        shutil.rmtree(SITE / ASSETS, ignore_errors=True)
        for folder in ("previews", "figures"):
            shutil.rmtree(SITE / folder, ignore_errors=True)
        write_assets(SITE)
    target = SITE / deck_name(chapter)
    partial = target.with_suffix(".partial")
    partial.write_text(deck_html(notebook, ASSETS), encoding="utf-8")
    os.replace(partial, target)
    log(f"slides: {slide_count(notebook)} slides in {target}")
    return target

