"""Running a notebook headless through the course kernel, and reading what its cells showed (chapter_runs.py
decides which runs the tests need)."""
import json
import os
import re
import time
from dataclasses import dataclass

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from conftest import kernel_manager
from publish.executed import PeakMemory

CHECK_TAG = re.compile(r"check-(\d+)")


class RunFailed(Exception):
    """A cell raised while a notebook ran: the message names the notebook, the cell and the error."""


@dataclass
class Run:
    notebook: nbformat.NotebookNode
    seconds: float
    peak_rss: int  # the most resident memory the kernel held while the notebook ran

    def outputs(self):
        return [o for cell in self.notebook.cells if cell.cell_type == "code" for o in cell.outputs]

    def checks(self, prefix=""):
        """{exercise number: what its self-check cell printed}; with prefix "wrong-", the checks run again after
        a scripted wrong answer (exercise_blocks.with_wrong_answers), the last of each exercise's."""
        return {n: text for n, text in self.every_check(prefix)}

    def every_check(self, prefix=""):
        """[(exercise number, what the check printed)] for every cell tagged <prefix>check-N, in notebook order: an
        exercise with two scripted wrong answers has its check twice."""
        found = []
        for cell in self.notebook.cells:
            for tag in cell.metadata.get("tags", []):
                if (m := CHECK_TAG.fullmatch(tag.removeprefix(prefix))) and tag.startswith(prefix):
                    found.append((int(m.group(1)), " ".join(shown_text(o) for o in cell.outputs) + error_text(cell)))
        return found


def shown_text(output):
    """Everything an output shows as text: its stream text and each of its data values."""
    values = output.get("data", {}).values()
    return output.get("text", "") + " ".join(v if isinstance(v, str) else json.dumps(v) for v in values)


def error_text(cell):
    """The error a cell showed, as the notebook shows it (the kernel's formatted lines, colours removed)."""
    lines = [line for o in cell.outputs if o.output_type == "error" for line in o.traceback]
    return re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(lines))


RUN_LIMIT_S = 900  # a whole chapter in QUICK mode, wrong answers and solutions included (the longest takes about 3 min)


def execute(notebook, path, env=None, limit_s=RUN_LIMIT_S):
    """Runs every cell in QUICK mode; RunFailed at the first cell that raises, naming it, or when the run as a whole
    takes longer than limit_s (a cell waiting past the limit is stopped there)."""
    env = {"COURSE_QUICK": "1", **(env or {})}
    km = kernel_manager(env)
    client = NotebookClient(notebook, km=km, timeout=limit_s, startup_timeout=60,
                            resources={"metadata": {"path": str(path.parent)}})
    began = time.monotonic()
    try:
        with client.setup_kernel(env={**os.environ, **env}):
            peak = PeakMemory(km.provisioner.process.pid)
            try:
                for index, cell in enumerate(notebook.cells):
                    client.timeout = max(1, int(limit_s - (time.monotonic() - began)))
                    try:
                        client.execute_cell(cell, index)
                    except CellExecutionError:
                        raise RunFailed(f"{path.name}, cell {index}:\n{cell.source}\n\n{error_text(cell)}") from None
                    except TimeoutError:
                        raise RunFailed(f"{path.name}, cell {index}: the run went past its limit of {limit_s} s "
                                        f"in this cell:\n{cell.source}") from None
                client.set_widgets_metadata()  # the widgets' last state, kept with the notebook as JupyterLab keeps it
            finally:
                rss = peak.stop()
    finally:
        if km.has_kernel:
            km.shutdown_kernel(now=True)
    return Run(notebook, time.monotonic() - began, rss)
