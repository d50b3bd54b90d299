"""The worked solutions in solutions/ solve the exercises: with them applied, each notebook runs in QUICK mode
and every self-check says ✓. test_notebooks.py shows each says ✗ as shipped, and ✗ again after each scripted
wrong answer of course/src/test/wrong-answers/ (an off-by-one, a sign error, a permuted example, a constant
changed without running the chapter again). exercise_blocks.py says how the blocks are written and applied."""
import pytest

from conftest import ROOT, record
from exercise_blocks import SOLUTIONS, WRONG_ANSWERS, blocks, exercises, runs, solved
from notebook_run import execute

NOTEBOOKS = [p for p in sorted((ROOT / "notebooks").glob("*.ipynb")) if exercises(p)]
CASES = [case for path in NOTEBOOKS for case in runs(path)]


def test_every_exercise_has_a_worked_solution_and_a_scripted_wrong_answer():
    for path in NOTEBOOKS:
        for folder in (SOLUTIONS, WRONG_ANSWERS):
            covered = {block[1] for block in blocks(path, folder)}
            assert exercises(path) == covered, f"{path.name}: self-checks {sorted(exercises(path))}, {folder.name} for {sorted(covered)}"


@pytest.mark.parametrize("path,run,chosen", CASES, ids=[f"{p.name}-run{n}" for p, n, _ in CASES])
def test_worked_solutions_turn_their_self_checks_to_a_tick(path, run, chosen):
    result = execute(solved(path, chosen), path)
    targeted = {block[1] for block in chosen}
    shown = {n: text for n, text in result.checks().items() if n in targeted}
    record(f"solved-{path.stem}-{run}", {"seconds": result.seconds, "peak_rss_mb": result.peak_rss / 2**20, "checks": shown})
    unsolved = {n: text for n, text in shown.items() if "✓" not in text or "✗" in text}
    assert shown.keys() == targeted and not unsolved, f"{path.name}: with the worked solutions these self-checks still fail: {unsolved}"
