"""How the suite runs: in any order (--order), with the chapter runs its tests need made once, ahead of them on a
thread of their own (chapter_runs.py), and with where the time went at its end. A plugin of conftest.py."""
import os
import random

import pytest


def pytest_addoption(parser):
    parser.addoption("--reuse-runs", action="store_true", default=bool(os.environ.get("COURSE_REUSE_RUNS")),
                     help="use chapter runs kept under course/target/chapter-runs/ whose key still matches "
                          "(COURSE_REUSE_RUNS=1 too); by default every chapter runs afresh")
    parser.addoption("--order", default="file", metavar="file|reverse|shuffle[:SEED]",
                     help="the order the tests run in: as the files list them (those that need chapter runs last), "
                          "reversed, or shuffled (the seed is printed)")
    parser.addoption("--no-runs-ahead", action="store_true",
                     help="make each chapter run when a test first needs it, not ahead on a thread of its own")


def needed_runs(item):
    """The chapter runs a test needs: its parameter of the fixtures shipped, reloaded or solved_run, or its
    chapter_runs mark (with chapters: their shipped runs; without: every chapter's)."""
    from chapter_runs import NOTEBOOKS
    params = item.callspec.params if hasattr(item, "callspec") else {}
    if "shipped" in params:
        return [(params["shipped"], "shipped")]
    if "reloaded" in params:
        return [(params["reloaded"], "reloaded")]
    if "solved_run" in params:
        return [tuple(params["solved_run"][:2])]
    mark = item.get_closest_marker("chapter_runs")
    return [(stem, "shipped") for stem in (mark.args or NOTEBOOKS)] if mark else []


def pytest_configure(config):
    """Reads --order; a shuffle without a seed gets one, which the header prints so that the order can be repeated."""
    order = config.getoption("--order")
    if order == "shuffle":
        order = f"shuffle:{random.randrange(10**6)}"
    if order not in ("file", "reverse") and not (order.startswith("shuffle:") and order[8:].isdigit()):
        raise pytest.UsageError(f"--order {order}: file, reverse, shuffle or shuffle:SEED")
    config.course_order = order


def pytest_report_header(config):
    order = config.course_order
    if order == "file":
        return "test order: file (the tests that need chapter runs last, while the runs are made ahead)"
    return f"test order: {order}" + (f" (--order {order} repeats it)" if order.startswith("shuffle") else "")


def pytest_collection_modifyitems(config, items):
    """--order reverse or shuffle[:SEED]: the suite must pass in any order, since no test relies on another. The files
    are reordered and the tests within each file, so that a file's fixtures (a kernel, the built site) are made once."""
    order = config.course_order
    if order == "file":
        items.sort(key=lambda item: bool(needed_runs(item)))  # stable: each part keeps the files' order
        return
    files = {}
    for item in items:
        files.setdefault(item.path, []).append(item)
    groups = list(files.values())
    if order == "reverse":
        groups = [group[::-1] for group in groups[::-1]]
    else:
        shuffler = random.Random(int(order.split(":")[1]))
        shuffler.shuffle(groups)
        for group in groups:
            shuffler.shuffle(group)
    items[:] = [item for group in groups for item in group]


def pytest_collection_finish(session):
    """Starts making the chapter runs the chosen tests need, in the order they will be asked for."""
    from chapter_runs import ChapterRuns
    config = session.config
    config.course_chapter_runs = ChapterRuns(reuse=config.getoption("--reuse-runs"))
    needed = list(dict.fromkeys(name for item in session.items for name in needed_runs(item)))
    if needed and not config.getoption("--no-runs-ahead") and not config.option.collectonly:
        config.course_chapter_runs.ahead(needed)


@pytest.fixture(scope="session")
def chapter_runs(request):
    """The test run's chapter runs (chapter_runs.ChapterRuns): ask with chapter_run(chapter_runs, stem, kind)."""
    return request.config.course_chapter_runs


def chapter_run(runs, stem, kind="shipped"):
    """A chapter's run of the given kind; fails the asking test with the run's reason if that run failed."""
    from notebook_run import RunFailed
    try:
        return runs.get(stem, kind)
    except RunFailed as failure:
        pytest.fail(f"chapter run {stem} ({kind}) failed: {failure}", pytrace=False)


def pytest_terminal_summary(terminalreporter, config):
    """Where the time went: each chapter run, longest first, and each failed run once, with its cell and error."""
    runs = getattr(config, "course_chapter_runs", None)
    if runs is None:
        return
    made, failed = runs.summary()
    if not made and not failed:
        return
    terminalreporter.section("chapter runs")
    for line in made:
        terminalreporter.line(line)
    for line in failed:
        terminalreporter.line(f"FAILED {line}", red=True)
