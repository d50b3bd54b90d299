"""Every notebook in notebooks/ runs top to bottom through the real kernel in QUICK mode, with no error,
shows what its metadata promises (course.expects: MIME types, or text that some output must hold), and every
exercise's self-check says ✗ as shipped: nothing is solved before the student acts. The same run then tries
each scripted wrong answer (course/src/test/wrong-answers/) and its self-check must say ✗ again
(test_exercises.py shows the worked solutions turn each into ✓)."""
import json
import re
import shutil
import subprocess

import nbformat
import pytest

from conftest import ROOT, record
from exercise_blocks import WRONG_ANSWERS, with_wrong_answers
from notebook_run import execute, shown_text
from publish import executed

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def widgets_without_state(notebook, outputs):
    """Widget views in the outputs whose model's state the notebook did not keep (the site shows their last state)."""
    kept = notebook.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    views = [o.data["application/vnd.jupyter.widget-view+json"]["model_id"] for o in outputs
             if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    return [v for v in views if v not in kept]


def promised(notebook, outputs):
    """The expectations in the notebook's metadata that no output meets."""
    missing = []
    for expected in notebook.metadata.get("course", {}).get("expects", []):
        if re.fullmatch(r"[a-z]+/[\w.+-]+", expected):  # a MIME type
            found = any(expected in o.get("data", {}) for o in outputs)
        else:
            found = any(expected in shown_text(o) for o in outputs)
        if not found:
            missing.append(expected)
    return missing


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_in_quick_mode(path):
    notebook = nbformat.read(path, as_version=4)
    shipped = len(notebook.cells)
    if (WRONG_ANSWERS / f"{path.stem}.md").exists():
        with_wrong_answers(notebook, path)
    run = execute(notebook, path)
    outputs = run.outputs()
    errors = [o for o in outputs if o.output_type == "error"]
    assert not errors, errors
    assert not promised(run.notebook, outputs), f"{path.name} did not show {promised(run.notebook, outputs)}"
    assert not widgets_without_state(run.notebook, outputs), "the notebook must keep its widgets' last state"
    assert run.peak_rss < 2 * 2**30, f"{path.name} used {run.peak_rss / 2**20:.0f} MB at its peak"
    solved_already = {n: text for n, text in run.checks().items() if "✗" not in text or "✓" in text}
    assert not solved_already, f"{path.name}: these self-checks do not say ✗ before the student acts: {solved_already}"
    fooled = {n: text for n, text in run.checks("wrong-").items() if "✗" not in text or "✓" in text}
    assert not fooled, f"{path.name}: self-checks that a scripted wrong answer passes: {fooled}"
    record(f"notebook-{path.stem}", {"seconds": run.seconds, "peak_rss_mb": run.peak_rss / 2**20, "checks": run.checks(),
                                     "after wrong answers": run.checks("wrong-")})
    # the site's QUICK build (test_site.py) reuses this run, without the wrong answers, instead of running the chapter again
    del run.notebook.cells[shipped:]
    executed.store(path.stem, run.notebook, True, run.seconds, run.peak_rss, source=nbformat.read(path, as_version=4))


# What chapters 2-5, 9 and 10 save in QUICK mode, each with a provenance record (the image models' sample grids too,
# beside their checkpoints).
SAVED = ["outputs/quick/02-sonnet.txt", "outputs/quick/03-melody.mid", "outputs/quick/03-melody.wav", "outputs/quick/09-nearest.png"]
CHECKPOINTS = ROOT / "checkpoints" / "quick"


def verify_provenance(*paths):
    """Runs the course's command-line check; returns its exit code and what it printed."""
    kernel = json.loads((ROOT / "course" / "target" / "kernelspec" / "creative-ai-java" / "kernel.json").read_text())
    done = subprocess.run([kernel["argv"][0], "-cp", str(ROOT / "course" / "target" / "classpath-creative-ai-java" / "*"),
                           "creativeai.originality.VerifyProvenance", *map(str, paths)], capture_output=True, text=True, timeout=120)
    return done.returncode, done.stdout + done.stderr


def test_every_saved_work_matches_its_provenance_record(tmp_path):
    """Runs after the notebooks above (pytest keeps the file's order): every file they saved verifies, and the
    check fails for a file changed after it was saved."""
    grids = sorted(CHECKPOINTS.glob("*-round-*.png"))
    files = [ROOT / f for f in SAVED] + grids
    missing = [str(f) for f in files if not f.exists()]
    assert not missing and len(grids) >= 4, f"run the notebooks first: missing {missing}, {len(grids)} sample grids"
    code, out = verify_provenance(*files)
    assert code == 0 and f"{len(files)} works checked, 0 not matching" in out, out
    record("provenance", {"files": len(files), "output": out.splitlines()[-1]})

    poem = tmp_path / "02-sonnet.txt"
    shutil.copy(ROOT / SAVED[0], poem)
    shutil.copy(ROOT / (SAVED[0] + ".provenance.json"), tmp_path / "02-sonnet.txt.provenance.json")
    assert verify_provenance(poem)[0] == 0
    poem.write_text(poem.read_text(encoding="utf-8").replace("e", "a", 1), encoding="utf-8")
    code, out = verify_provenance(poem)
    assert code == 1 and "content changed" in out, out


RESUMABLE = [p for p in NOTEBOOKS if "boolean LOAD_MODEL = false;" in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("path", RESUMABLE, ids=[p.name for p in RESUMABLE])
def test_a_chapter_run_again_with_load_model_uses_what_it_saved(path):
    """A student who comes back sets LOAD_MODEL = true and runs the chapter again: every cell runs on the models the
    QUICK runs above saved (pytest keeps the file's order), with no error, within the memory budget. (What only
    training shows, a progress bar or a speed, is not promised here.)"""
    notebook = nbformat.read(path, as_version=4)
    parameters = next(c for c in notebook.cells if "boolean LOAD_MODEL = false;" in c.source)
    parameters.source = parameters.source.replace("boolean LOAD_MODEL = false;", "boolean LOAD_MODEL = true;")
    run = execute(notebook, path)
    errors = [o for o in run.outputs() if o.output_type == "error"]
    assert not errors, errors
    assert run.peak_rss < 2 * 2**30, f"{path.name} used {run.peak_rss / 2**20:.0f} MB at its peak"
    record(f"reloaded-{path.stem}", {"seconds": run.seconds, "peak_rss_mb": run.peak_rss / 2**20})
