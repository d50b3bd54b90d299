"""The worked solutions in solutions/ solve the exercises: with them applied, every self-check says ✓.
test_notebooks.py shows each says ✗ as shipped, and ✗ again after each scripted wrong answer of
course/src/test/wrong-answers/ (an off-by-one, a sign error, a permuted example, a constant changed without
running the chapter again). exercise_blocks.py says how the blocks are written; chapter_runs.py which solutions are
appended to the chapter's shipped run and which run the chapter from the top."""
import pytest

from chapter_runs import NOTEBOOKS, solution_groups
from conftest import record
from exercise_blocks import SOLUTIONS, WRONG_ANSWERS, blocks, exercises
from suite import chapter_run

WITH_EXERCISES = [path for path in NOTEBOOKS.values() if exercises(path)]


def cases(path):
    """(chapter, run kind, worked solutions it tries): those appended to the shipped run, then each run apart."""
    appended, apart = solution_groups(path)
    found = [(path.stem, "shipped", appended)] if appended else []
    return found + [(path.stem, f"solved-{n}", group) for n, group in sorted(apart.items())]


CASES = [case for path in WITH_EXERCISES for case in cases(path)]


def test_every_exercise_has_a_worked_solution_and_a_scripted_wrong_answer():
    for path in WITH_EXERCISES:
        for folder in (SOLUTIONS, WRONG_ANSWERS):
            covered = {block[1] for block in blocks(path, folder)}
            assert exercises(path) == covered, f"{path.name}: self-checks {sorted(exercises(path))}, {folder.name} for {sorted(covered)}"


def test_every_worked_solution_is_tried_once():
    for path in WITH_EXERCISES:
        tried = sorted(block for stem, _, chosen in CASES if stem == path.stem for block in chosen)
        assert tried == sorted(blocks(path, SOLUTIONS)), path.name


@pytest.fixture
def solved_run(request, chapter_runs):
    stem, kind, chosen = request.param
    return chapter_run(chapter_runs, stem, kind), {block[1] for block in chosen}


@pytest.mark.slow
@pytest.mark.parametrize("solved_run", CASES, ids=[f"{stem}-{kind}" for stem, kind, _ in CASES], indirect=True)
def test_worked_solutions_turn_their_self_checks_to_a_tick(solved_run):
    """Solutions appended to the shipped run show their check again, tagged solved-check-N; those that change the
    Parameters cell or the dataset run the chapter from the top with the solution in place."""
    chapter, targeted = solved_run
    checks = chapter.run.checks("solved-" if chapter.kind == "shipped" else "")
    shown = {n: text for n, text in checks.items() if n in targeted}
    record(f"solved-{chapter.stem}-{chapter.kind}", {"seconds": chapter.run.seconds, "checks": shown})
    unsolved = {n: text for n, text in shown.items() if "✓" not in text or "✗" in text}
    assert shown.keys() == targeted and not unsolved, f"{chapter.stem}: with the worked solutions these self-checks still fail: {unsolved}"
