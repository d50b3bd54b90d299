"""The GitHub Actions workflows cannot run here, so each is checked as far as this machine can: valid against the
workflow schema (npm's @action-validator/cli, installed with course/web), and the pull-request workflow's chapter
jobs together select every chapter in notebooks/."""
import re
import shutil
import subprocess

import pytest
import yaml

from chapter_runs import NOTEBOOKS
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
VALIDATOR = ROOT / "course" / "web" / "node_modules" / ".bin" / "action-validator"


def validate(path):
    assert VALIDATOR.exists(), "the validator comes with course/web's packages (bin/course test installs them)"
    return subprocess.run([shutil.which("node") or "node", str(VALIDATOR), str(path)], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_every_workflow_is_valid(workflow):
    done = validate(workflow)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_validator_refuses_a_workflow_with_a_misspelt_key(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text((ROOT / ".github" / "workflows" / "tests.yml").read_text().replace("runs-on:", "runs_on:", 1))
    done = validate(broken)
    assert done.returncode != 0 and "runs_on" in done.stdout + done.stderr


def test_the_chapter_jobs_select_every_chapter_once():
    jobs = yaml.safe_load((ROOT / ".github" / "workflows" / "tests.yml").read_text())["jobs"]
    selected = []
    for name, job in jobs.items():
        if name.startswith("chapters-"):
            options = next(step["env"]["PYTEST_ADDOPTS"] for step in job["steps"] if "PYTEST_ADDOPTS" in step.get("env", {}))
            selected += re.findall(r"\b(\d\d)-", options)
    numbers = [stem[:2] for stem in NOTEBOOKS]
    assert all(selected.count(n) == 1 for n in numbers), (numbers, selected)
