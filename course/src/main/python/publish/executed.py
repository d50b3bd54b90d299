"""Executed copies of the chapters, kept under .cache/executed/{full,quick}/ and reused while they are current.

A copy is current when the chapter's cells (their types and sources; metadata such as slide types does not
count) and the library that ran them (the sources of lib/ and kernel/, the POMs and the data manifest) are what
they were when it ran. Then a rebuild after a typo in one chapter retrains nothing else."""
import hashlib
import json
import os
import threading
import time

import nbformat
import psutil
from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from .paths import EXECUTED, KERNEL_NAME, KERNELSPEC_DIR, ROOT

LIBRARY_SOURCES = ["lib/src/main", "kernel/src/main", "pom.xml", "lib/pom.xml", "kernel/pom.xml", "datasets/MANIFEST"]


def quick_mode():
    return os.environ.get("COURSE_QUICK", "").lower() in ("1", "true")


def mode_name(quick):
    return "quick" if quick else "full"


def library_fingerprint():
    """SHA-256 over the files that decide what a chapter computes, by path and content."""
    digest = hashlib.sha256()
    for name in LIBRARY_SOURCES:
        top = ROOT / name
        files = sorted(p for p in top.rglob("*") if p.is_file()) if top.is_dir() else [top]
        for file in files:
            digest.update(str(file.relative_to(ROOT)).encode())
            digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def cells_fingerprint(notebook):
    cells = [[cell.cell_type, cell.source] for cell in notebook.cells]
    return hashlib.sha256(json.dumps(cells, ensure_ascii=False).encode()).hexdigest()


def run_key(notebook, quick, library=None):
    return f"{mode_name(quick)}:{cells_fingerprint(notebook)}:{library or library_fingerprint()}"


def cached_path(stem, quick):
    return EXECUTED / mode_name(quick) / f"{stem}.ipynb"


def store(stem, executed, quick, seconds, peak_rss, source=None):
    """Keeps an executed chapter, with how long it ran and its peak memory, written to a temporary file and then
    renamed so that a stopped build never leaves half a notebook. `source` (the notebook as committed) sets the key;
    by default the executed notebook's own cells."""
    executed.metadata["course_run"] = {"key": run_key(source or executed, quick), "seconds": round(seconds, 1),
                                       "peak_rss_mb": round(peak_rss / 2**20), "ran_at": time.strftime("%Y-%m-%d %H:%M")}
    target = cached_path(stem, quick)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    nbformat.write(executed, partial)
    os.replace(partial, target)
    return target


def current_copy(chapter, quick, library=None):
    """The cached executed copy if it is current, with the committed notebook's metadata laid over its cells;
    else None."""
    source = nbformat.read(chapter.path, as_version=4)
    path = cached_path(chapter.stem, quick)
    if not path.exists():
        return None
    executed = nbformat.read(path, as_version=4)
    if executed.metadata.get("course_run", {}).get("key") != run_key(source, quick, library):
        return None
    for mine, ran in zip(source.cells, executed.cells):
        ran.metadata = mine.metadata
    executed.metadata.update({k: v for k, v in source.metadata.items() if k != "course_run"})
    return executed


class PeakMemory:
    """The most resident memory a process held while it ran, sampled five times a second on a thread."""

    def __init__(self, pid, every=0.2):
        self.process, self.every, self.peak = psutil.Process(pid), every, 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self._sample_once()
        self.thread.start()

    def _sample_once(self):
        try:
            self.peak = max(self.peak, self.process.memory_info().rss)
        except psutil.Error:
            pass

    def _sample(self):
        while not self.done.wait(self.every):
            self._sample_once()

    def stop(self):
        self._sample_once()
        self.done.set()
        self.thread.join()
        return self.peak


class ChapterFailed(Exception):
    """A chapter's cell raised while the chapter was being executed for publishing."""


def execute(chapter, quick, log=print):
    """Runs the chapter top to bottom through the course kernel built by Maven; stores and returns the copy."""
    notebook = nbformat.read(chapter.path, as_version=4)
    env = {**os.environ, "COURSE_QUICK": "1" if quick else "0"}
    km = KernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(KERNELSPEC_DIR)]))
    client = NotebookClient(notebook, km=km, timeout=None, startup_timeout=120,
                            resources={"metadata": {"path": str(chapter.path.parent)}})
    log(f"running {chapter.stem} in {mode_name(quick)} mode (stated: {chapter.full_time if not quick else 'about a minute'})")
    began = time.monotonic()
    try:
        with client.setup_kernel(env=env):
            peak = PeakMemory(km.provisioner.process.pid)
            try:
                for index, cell in enumerate(notebook.cells):
                    try:
                        client.execute_cell(cell, index)
                    except CellExecutionError as error:
                        raise ChapterFailed(f"{chapter.stem}, cell {index} failed:\n{cell.source}\n\n{error}") from None
                client.set_widgets_metadata()  # the widgets' last state, kept with the notebook
            finally:
                rss = peak.stop()
    finally:
        if km.has_kernel:  # nbclient leaves a kernel it was given running
            km.shutdown_kernel(now=True)
    seconds = time.monotonic() - began
    log(f"  {chapter.stem}: {seconds:.0f} s, peak {rss / 2**20:.0f} MB")
    store(chapter.stem, notebook, quick, seconds, rss)  # running changed outputs only: its cells are the key
    return notebook


def executed_copy(chapter, quick, log=print, library=None):
    """The chapter with all its outputs: the cached copy when current, else a fresh run."""
    found = current_copy(chapter, quick, library)
    if found is not None:
        log(f"reusing {chapter.stem} ({mode_name(quick)} mode, ran {found.metadata['course_run']['ran_at']})")
        return found
    return execute(chapter, quick, log)
