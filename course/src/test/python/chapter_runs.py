"""Every run of a chapter the tests need, each made once per test run and shared by the tests that check it.

A chapter runs in up to three ways: as shipped, with the worked solutions that can run in the same kernel (then
its summary cells again) and its scripted wrong answers appended after its last cell ("shipped"); with a worked
solution that must run from the top because it changes the Parameters cell or another dataset ("solved-N", one per
group); and again with LOAD_MODEL = true on what the shipped run saved ("reloaded"). Each run has a folder of its own,
course/target/chapter-runs/<chapter>.<kind>.<key>/, whose work/ holds the checkpoints and outputs it saved (the
kernel's COURSE_WORK): no run sees what another saved unless it declared that it needs it. A chapter that loads an
earlier chapter's model (a SavedModel of another chapter) starts with a copy of that chapter's shipped work folder.

The key is a digest of all the run depends on: the cells it executes (the chapter's, with the solution and
wrong-answer blocks applied or appended), the library and kernel sources and the POMs, the data manifest (as the
site's cache of executed chapters counts them), the kernelspec and the JDK, how notebook_run.py runs a notebook,
and the keys of the runs it starts from. A run is made fresh in every test run; with --reuse-runs (or
COURSE_REUSE_RUNS=1) a folder whose key matches and whose run succeeded is used again, so that a change to one
chapter reruns that chapter alone."""
import contextlib
import copy
import hashlib
import json
import os
import pathlib
import re
import shutil
import threading
import time
import uuid
from dataclasses import dataclass

import nbformat

from conftest import KERNEL_NAME, KERNELSPEC_DIR, ROOT
from exercise_blocks import SOLUTIONS, WRONG_ANSWERS, blocks, solved, with_solutions, with_wrong_answers
from notebook_run import Run, RunFailed, execute
from publish.executed import library_fingerprint

# COURSE_CHAPTER_RUNS puts the runs elsewhere, so that two test processes on one checkout do not share a folder
RUNS = pathlib.Path(os.environ.get("COURSE_CHAPTER_RUNS") or ROOT / "course" / "target" / "chapter-runs")
NOTEBOOKS = {p.stem: p for p in sorted((ROOT / "notebooks").glob("*.ipynb"))}
SAVED_MODEL = re.compile(r'SavedModel<[^>]*>\s+([A-Z_]+)\s*=\s*new SavedModel<>\("chapter (\d+)"')
LOADS_MODEL = "boolean LOAD_MODEL = false;"
STARTS_FROM = "it starts from"


def kernel_fingerprint():
    """The kernelspec (JVM, flags, classpath folder) and the release file of the JDK it starts."""
    spec = (KERNELSPEC_DIR / KERNEL_NAME / "kernel.json").read_text()
    java = json.loads(spec)["argv"][0]
    release = pathlib.Path(java).parent.parent / "release"
    return hashlib.sha256((spec + (release.read_text() if release.exists() else java)).encode()).hexdigest()


def chapter_of_saved_models():
    """{SavedModel constant: the notebook stem of the chapter that saves it}, from SavedModel.java."""
    source = (ROOT / "lib/src/main/java/creativeai/chapters/SavedModel.java").read_text(encoding="utf-8")
    stems = {stem[:2]: stem for stem in NOTEBOOKS}
    return {name: stems[f"{int(chapter):02d}"] for name, chapter in SAVED_MODEL.findall(source)}


def earlier_chapters(stem):
    """The chapters whose saved models this chapter loads when they are there (SavedModel.X in its cells)."""
    text = NOTEBOOKS[stem].read_text(encoding="utf-8")
    owners = chapter_of_saved_models()
    return sorted({owners[name] for name in re.findall(r"SavedModel\.([A-Z_]+)", text) if name in owners} - {stem})


def solution_groups(path):
    """The worked solutions split in two: the blocks that can be appended to the shipped run (each exercise whose
    blocks change only its exercise and check cells, in run 1), and {run number: blocks} that must run from the
    top (a changed Parameters cell, another dataset)."""
    if not (SOLUTIONS / f"{path.stem}.md").exists():
        return [], {}
    by_exercise = {}
    for block in blocks(path, SOLUTIONS):
        by_exercise.setdefault(block[1], []).append(block)
    appended, apart = [], {}
    for exercise, chosen in sorted(by_exercise.items()):
        own_cells = {f"exercise-{exercise}", f"check-{exercise}"}
        if all(b[0] == 1 and b[2] in own_cells for b in chosen):
            appended += chosen
        else:
            for block in chosen:
                apart.setdefault(block[0], []).append(block)
    return appended, apart


def kinds(stem):
    """The runs of a chapter the tests check: shipped, solved-N for each group that runs apart, reloaded."""
    path = NOTEBOOKS[stem]
    found = ["shipped"] + [f"solved-{n}" for n in sorted(solution_groups(path)[1])]
    if LOADS_MODEL in path.read_text(encoding="utf-8"):
        found.append("reloaded")
    return found


@dataclass
class ChapterRun:
    """One executed run: the notebook with its outputs, where its checkpoints and outputs are, and its cost."""
    stem: str
    kind: str
    folder: object
    run: Run
    reused: bool = False
    shipped_cells: int = 0

    @property
    def work(self):
        return self.folder / "work"

    def saved(self, pattern):
        """Files this run saved (QUICK mode's folders) matching a glob pattern, e.g. 'outputs/quick/*.mid'."""
        return sorted(self.work.glob(pattern))


class ChapterRuns:
    """The test run's chapter runs: made on first request (or ahead of it, on a thread of their own), then handed to
    every test that asks again; a run that failed fails every test that needs it with the same reason."""

    def __init__(self, reuse=False):
        self.reuse = reuse
        self.done = {}
        self.failed = {}
        self._common = None
        self._keys = {}
        self._guard = threading.Lock()
        self._making = {}  # (stem, kind): a lock held while that run is made, so that it is made once
        self._stopped = threading.Event()

    def common_key(self):
        if self._common is None:
            runner = (ROOT / "course" / "src" / "test" / "python" / "notebook_run.py").read_bytes()
            self._common = hashlib.sha256(library_fingerprint().encode() + kernel_fingerprint().encode() + runner).hexdigest()
        return self._common

    def key(self, stem, kind):
        """The run's key, computed once: a run's key goes into the keys of the runs that start from it."""
        if (stem, kind) not in self._keys:
            cells = [[cell.cell_type, cell.source] for cell in self._notebook(stem, kind)[0].cells]
            digest = hashlib.sha256((self.common_key() + kind + json.dumps(cells, ensure_ascii=False)).encode())
            for stem_before, kind_before in self.starts_from(stem, kind):
                digest.update(self.key(stem_before, kind_before).encode())
            self._keys[stem, kind] = digest.hexdigest()[:16]
        return self._keys[stem, kind]

    @staticmethod
    def starts_from(stem, kind):
        """The runs whose work folders this run starts with."""
        earlier = [(other, "shipped") for other in earlier_chapters(stem)]
        return earlier + [(stem, "shipped")] if kind == "reloaded" else earlier

    def get(self, stem, kind="shipped"):
        """The run, made now if this test run has not made it yet (or waited for, if another thread is making it);
        RunFailed if it, or one it starts from, failed."""
        name = (stem, kind)
        with self._guard:
            making = self._making.setdefault(name, threading.Lock())
        with making:
            if name in self.failed:
                raise RunFailed(self.failed[name])
            if name not in self.done:
                try:
                    self.done[name] = self._make(stem, kind)
                except Exception as failure:  # a cell that raised, or a kernel that would not start
                    self.failed[name] = str(failure) if isinstance(failure, RunFailed) else f"{type(failure).__name__}: {failure}"
                    raise RunFailed(self.failed[name]) from None
        return self.done[name]

    def ahead(self, names):
        """Makes the given runs one after another on a thread of their own while the tests that need none run: on
        two cores, a chapter's kernel and the other tests' waits (a browser, the network, kernels starting) overlap.
        A test that needs a run still being made waits for it; a failure is kept for the tests that need the run."""
        def make_each():
            for name in names:
                if self._stopped.is_set():
                    return
                with contextlib.suppress(RunFailed):
                    self.get(*name)
        threading.Thread(target=make_each, name="chapter runs ahead", daemon=True).start()

    def stop(self):
        """No more runs ahead (the one being made finishes)."""
        self._stopped.set()

    def _make(self, stem, kind):
        before = []
        for other in self.starts_from(stem, kind):
            try:
                before.append(self.get(*other))
            except RunFailed as failure:
                raise RunFailed(f"{STARTS_FROM} {other[0]} ({other[1]}), which failed: {failure}") from None
        folder = RUNS / f"{stem}.{kind}.{self.key(stem, kind)}"
        if self.reuse and (folder / "run.json").exists():
            return self._reused(stem, kind, folder)
        shutil.rmtree(folder, ignore_errors=True)
        (folder / "work").mkdir(parents=True)
        for run in before:
            shutil.copytree(run.work, folder / "work", dirs_exist_ok=True)
        notebook, shipped = self._notebook(stem, kind)
        run = execute(notebook, NOTEBOOKS[stem], {"COURSE_WORK": str(folder / "work")})
        nbformat.write(run.notebook, folder / "executed.ipynb")
        (folder / "run.json").write_text(json.dumps({  # written last: a folder without it holds no finished run
            "seconds": run.seconds, "peak_rss": run.peak_rss, "shipped_cells": shipped,
            "ran_at": time.strftime("%Y-%m-%d %H:%M:%S")}))
        return ChapterRun(stem, kind, folder, run, shipped_cells=shipped)

    @staticmethod
    def _reused(stem, kind, folder):
        """The finished run a folder holds from an earlier test run (--reuse-runs)."""
        meta = json.loads((folder / "run.json").read_text())
        notebook = nbformat.read(folder / "executed.ipynb", as_version=4)
        return ChapterRun(stem, kind, folder, Run(notebook, meta["seconds"], meta["peak_rss"]), reused=True,
                          shipped_cells=meta["shipped_cells"])

    @staticmethod
    def _notebook(stem, kind):
        """The notebook this kind of run executes, and how many of its cells are the chapter as shipped."""
        path = NOTEBOOKS[stem]
        appended, apart = solution_groups(path)
        if kind.startswith("solved-"):
            notebook = solved(path, apart[int(kind.split("-")[1])])
            return notebook, len(notebook.cells)
        notebook = nbformat.read(path, as_version=4)
        shipped = len(notebook.cells)
        if kind == "reloaded":
            parameters = next(c for c in notebook.cells if LOADS_MODEL in c.source)
            parameters.source = parameters.source.replace(LOADS_MODEL, "boolean LOAD_MODEL = true;")
            return notebook, shipped
        with_solutions(notebook, path, appended)  # first: a wrong answer may change a constant on purpose
        if appended:
            with_tail_again(notebook, shipped)
        if (WRONG_ANSWERS / f"{stem}.md").exists():
            with_wrong_answers(notebook, path)
        return notebook, shipped

    def summary(self):
        """Lines for the end of the test run: each run's time (or that it was reused) and each failure once."""
        lines = [f"{s} ({k}): {r.run.seconds:.0f} s, peak {r.run.peak_rss / 2**20:.0f} MB" + (" (reused)" if r.reused else "")
                 for (s, k), r in sorted(self.done.items(), key=lambda item: -item[1].run.seconds)]
        failed = [f"{s} ({k}): " + (reason.split(", which failed")[0] + ", which failed"
                                     if reason.startswith(STARTS_FROM) else reason)
                  for (s, k), reason in sorted(self.failed.items())]
        return lines, failed


def with_tail_again(notebook, shipped):
    """Appends the chapter's code cells after its last self-check (its summary), tagged solved-tail: with the worked
    solutions in place they must still run, as they did when each solved chapter ran from the top."""
    last_check = max(i for i, cell in enumerate(notebook.cells[:shipped])
                     if any(t.startswith("check-") for t in cell.metadata.get("tags", [])))
    for cell in notebook.cells[last_check + 1:shipped]:
        if cell.cell_type == "code":
            again = copy.deepcopy(cell)
            again.metadata["tags"], again.id = ["solved-tail"], uuid.uuid4().hex[:8]
            notebook.cells.append(again)
