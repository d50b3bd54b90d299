"""Every notebook in notebooks/ runs top to bottom through the real kernel in QUICK mode, with no error,
shows what its metadata promises (course.expects: MIME types, or text that some output must hold), and every
exercise's self-check says ✗ as shipped: nothing is solved before the student acts. The same run then tries
each scripted wrong answer (course/src/test/wrong-answers/) and its self-check must say ✗ again
(test_exercises.py shows the worked solutions turn each into ✓). What the chapters saved verifies against its
provenance record, and a chapter run again with LOAD_MODEL = true works on it. chapter_runs.py makes each run once."""
import json
import re
import shutil
import subprocess

import pytest

from chapter_runs import NOTEBOOKS, kinds
from conftest import ROOT, record
from notebook_run import shown_text
from suite import chapter_run

STEMS = list(NOTEBOOKS)


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


WIDEST_LINE = 110  # printed characters an output area shows unbroken in a 1280-pixel window with the file browser open


def too_wide(outputs, work):
    """Printed lines longer than WIDEST_LINE (JupyterLab breaks them mid-word and mid-number). The run's own folder is
    counted as a student's short one."""
    lines = [line.replace(str(work), "~/creative-ai-java") for o in outputs if o.output_type == "stream" for line in o.text.splitlines()]
    return [line for line in lines if len(line) > WIDEST_LINE]


@pytest.fixture
def shipped(request, chapter_runs):
    """The chapter's run as shipped, with its wrong answers and in-kernel worked solutions appended."""
    return chapter_run(chapter_runs, request.param)


@pytest.mark.slow
@pytest.mark.parametrize("shipped", STEMS, indirect=True)
def test_notebook_runs_in_quick_mode(shipped):
    run, name = shipped.run, shipped.stem
    outputs = run.outputs()
    errors = [o for o in outputs if o.output_type == "error"]
    assert not errors, errors
    assert not promised(run.notebook, outputs), f"{name} did not show {promised(run.notebook, outputs)}"
    assert not widgets_without_state(run.notebook, outputs), "the notebook must keep its widgets' last state"
    assert run.peak_rss < 2 * 2**30, f"{name} used {run.peak_rss / 2**20:.0f} MB at its peak"
    assert not too_wide(outputs, shipped.work), f"{name}: printed lines wider than {WIDEST_LINE} characters: {too_wide(outputs, shipped.work)}"
    solved_already = {n: text for n, text in run.checks().items() if "✗" not in text or "✓" in text}
    assert not solved_already, f"{name}: these self-checks do not say ✗ before the student acts: {solved_already}"
    fooled = [(n, text) for n, text in run.every_check("wrong-") if "✗" not in text or "✓" in text]
    assert not fooled, f"{name}: self-checks that a scripted wrong answer passes: {fooled}"
    assert run.checks("wrong-").keys() == run.checks().keys(), f"{name}: every exercise has a wrong answer tried"
    record(f"notebook-{name}", {"seconds": run.seconds, "peak_rss_mb": run.peak_rss / 2**20, "checks": run.checks(),
                                "after wrong answers": run.checks("wrong-"), "reused": shipped.reused})


# What chapters 2, 3, 8 and 9 save in QUICK mode, each with a provenance record; the image chapters save each round's
# sample grid beside its checkpoint, with a record too.
SAVED = {"02-lstm-text": ["outputs/quick/02-sonnet.txt"], "03-melodies": ["outputs/quick/03-melody.mid", "outputs/quick/03-melody.wav"],
         "08-rl-composer": ["outputs/quick/08-melody.wav"], "09-originality": ["outputs/quick/09-nearest.png"]}
IMAGE_CHAPTERS = ["04-gan", "05-vae", "10-diffusion"]


def verify_provenance(*paths):
    """Runs the course's command-line check; returns its exit code and what it printed."""
    kernel = json.loads((ROOT / "course" / "target" / "kernelspec" / "creative-ai-java" / "kernel.json").read_text())
    done = subprocess.run([kernel["argv"][0], "-cp", str(ROOT / "course" / "target" / "classpath-creative-ai-java" / "*"),
                           "creativeai.originality.VerifyProvenance", *map(str, paths)], capture_output=True, text=True, timeout=120)
    return done.returncode, done.stdout + done.stderr


@pytest.fixture
def saved_works(chapter_runs):
    """What the chapters' shipped runs saved with a provenance record: their outputs and sample grids."""
    files = [chapter_run(chapter_runs, stem).work / name for stem, names in SAVED.items() for name in names]
    grids = [grid for stem in IMAGE_CHAPTERS for grid in chapter_run(chapter_runs, stem).saved("checkpoints/quick/*-round-*.png")]
    return files, grids


@pytest.mark.slow
@pytest.mark.chapter_runs(*SAVED, *IMAGE_CHAPTERS)
def test_every_saved_work_matches_its_provenance_record(saved_works, tmp_path):
    """Every file the chapters saved verifies, and the check fails for a file changed after it was saved."""
    files, grids = saved_works
    missing = [str(f) for f in files if not f.exists()]
    assert not missing and len(grids) >= 4, f"not saved: {missing}, {len(grids)} sample grids"
    code, out = verify_provenance(*files, *grids)
    assert code == 0 and f"{len(files) + len(grids)} works checked, 0 not matching" in out, out
    record("provenance", {"files": len(files) + len(grids), "output": out.splitlines()[-1]})

    poem = tmp_path / "02-sonnet.txt"
    shutil.copy(files[0], poem)
    shutil.copy(files[0].with_name("02-sonnet.txt.provenance.json"), tmp_path / "02-sonnet.txt.provenance.json")
    assert verify_provenance(poem)[0] == 0
    poem.write_text(poem.read_text(encoding="utf-8").replace("e", "a", 1), encoding="utf-8")
    code, out = verify_provenance(poem)
    assert code == 1 and "content changed" in out, out


RESUMABLE = [stem for stem in STEMS if "reloaded" in kinds(stem)]


@pytest.fixture
def reloaded(request, chapter_runs):
    """The chapter run again with LOAD_MODEL = true, on a copy of what its shipped run saved."""
    return chapter_run(chapter_runs, request.param, "reloaded")


@pytest.mark.slow
@pytest.mark.parametrize("reloaded", RESUMABLE, indirect=True)
def test_a_chapter_run_again_with_load_model_uses_what_it_saved(reloaded):
    """A student who comes back sets LOAD_MODEL = true and runs the chapter again: every cell runs on the models the
    shipped run saved, with no error, within the memory budget. (What only training shows, a progress bar or a
    speed, is not promised here.)"""
    run = reloaded.run
    errors = [o for o in run.outputs() if o.output_type == "error"]
    assert not errors, errors
    assert run.peak_rss < 2 * 2**30, f"{reloaded.stem} used {run.peak_rss / 2**20:.0f} MB at its peak"
    record(f"reloaded-{reloaded.stem}", {"seconds": run.seconds, "peak_rss_mb": run.peak_rss / 2**20})
