"""What a clone on Windows or macOS meets that Linux does not: line endings (Git for Windows converts them by default),
file names Windows refuses, and names that only differ in case (one file on macOS and Windows)."""
import re
import subprocess

import pytest

from chapter_runs import NOTEBOOKS
from conftest import ROOT
from suite import chapter_run

WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\.|$)", re.IGNORECASE)
WINDOWS_FORBIDDEN = re.compile(r'[<>:"\\|?*\x00-\x1f]|[. ]$')


def _files():
    return subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\0")[:-1]


def _attribute(attribute, name):
    out = subprocess.run(["git", "check-attr", attribute, "--", name], cwd=ROOT, capture_output=True, text=True, check=True)
    return out.stdout.rsplit(": ", 1)[-1].strip()


@pytest.mark.parametrize("name, eol", [("bin/course", "lf"), ("mvnw", "lf"), ("classroom/hub", "lf"),
                                       ("datasets/MANIFEST", "lf"), ("bin/course.cmd", "crlf"), ("mvnw.cmd", "crlf")])
def test_a_clone_on_windows_keeps_unix_scripts_unix_and_gives_batch_files_crlf(name, eol):
    assert _attribute("eol", name) == eol


def test_no_file_in_the_repository_is_stored_with_crlf():
    listed = subprocess.run(["git", "ls-files", "--eol"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert [line for line in listed.splitlines() if line.startswith(("i/crlf", "i/mixed"))] == []


def _bad_names(paths):
    return [path for path in paths for part in path.split("/") if WINDOWS_RESERVED.match(part) or WINDOWS_FORBIDDEN.search(part)]


def test_every_file_name_in_the_repository_is_valid_on_windows():
    assert WINDOWS_FORBIDDEN.search("a:b") and WINDOWS_RESERVED.match("aux.txt") and not _bad_names(["lib/src/Auxiliary.java"])
    assert _bad_names(_files()) == []


@pytest.mark.slow
@pytest.mark.chapter_runs
def test_every_file_name_the_chapters_write_is_valid_on_windows(chapter_runs):
    runs = [chapter_run(chapter_runs, stem) for stem in NOTEBOOKS]
    written = [str(path.relative_to(run.work)).replace("\\", "/") for run in runs for path in run.work.rglob("*")]
    assert len(written) > 20 and _bad_names(written) == []


def test_no_two_files_differ_only_in_case():
    seen = {}
    clashes = [(seen[name.lower()], name) for name in _files() if seen.setdefault(name.lower(), name) != name]
    assert clashes == []
