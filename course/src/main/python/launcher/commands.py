"""The launcher's commands, the same on every system; `main` is what bin/course and bin\\course.cmd run."""
import os
import sys

from . import system as os_choices
from .checks import Missing
from .steps import Course

USAGE = """Creative AI in Java: set up the course and open it, or run its tests.

  course start [jupyter lab options]   check Java and Python, build, install the kernel, open JupyterLab
  course setup                         the same, without opening JupyterLab
  course test [--fast] [--reuse-runs]  set up, then run every test (unit, kernel protocol, notebooks, browser);
                                       --fast: the unit, protocol and wire tests only (no chapters, no browser,
                                       no training to a quality bar);
                                       --reuse-runs: keep chapter runs whose inputs have not changed
  course site [NN ...]                 run the chapters (or reuse current runs) and write the course site to site/
  course slides NN                     write chapter NN's slide deck to site/NN-*.slides.html
  course hub                           serve the course to a class with JupyterHub (Linux; classroom/README.md)

Run it as bin/course on Linux and macOS, as bin\\course.cmd on Windows.
Environment: COURSE_PYTHON=current uses the Python environment already active (Binder) instead of the course's
own .venv; MAVEN_ARGS adds options to every Maven call (e.g. -Pcuda for the GPU kernel)."""


def start(course, options):
    course.setup()
    course.say("Opening JupyterLab on the course notebooks (Ctrl-C here stops it)")
    notebooks = course.root / "notebooks"
    command = [course.python, "-m", "jupyter", "lab", f"--notebook-dir={notebooks}",
               *os_choices.lab_options(course.system), *options]
    os_choices.run_instead(command, {**os.environ, "COURSE_HOME": str(course.root)}, notebooks, course.system)


def setup(course, options):
    course.setup()
    course.say("Ready. Open the course with: " + ("bin\\course.cmd start" if course.system == os_choices.WINDOWS
                                                   else "bin/course start"))


FAST = "not slow and not browser"  # pytest markers; JUnit's slow tests are tagged "slow" too


def test(course, options):
    """The whole suite; --fast leaves out what runs chapters or a browser, --reuse-runs keeps current chapter runs."""
    course.check()
    course.python_environment()
    course.test_tools()
    course.web_packages()
    pytest_options = os.environ.get("PYTEST_ADDOPTS", "")
    if "--fast" in options:
        pytest_options += f' -m "{FAST}"'
    if "--reuse-runs" in options:
        pytest_options += " --reuse-runs"
    maven_options = [option for option in options if option not in ("--fast", "--reuse-runs")]
    if "--fast" in options:
        maven_options.insert(0, "-DexcludedGroups=slow")  # JUnit tests that train a model to a quality bar
    os.environ["PYTEST_ADDOPTS"] = pytest_options.strip()
    return course.maven("verify", f"-Dpython={course.python}", *maven_options)


def publish(course, options):
    """site or slides: `python -m publish`, which runs the chapters in full mode unless COURSE_QUICK=1."""
    course.setup()
    course.web_packages()
    code = course.root / "course" / "src" / "main" / "python"
    os_choices.run_instead([course.python, "-m", "publish", *options], dict(os.environ), code, course.system)


def hub(course, options):
    if course.system != os_choices.LINUX:
        raise Missing("The classroom server runs on Linux only: it starts each student's server as their own "
                      "account, with Linux's memory and processor limits (classroom/README.md).")
    course.setup()
    course.web_packages()
    os_choices.run_instead([str(course.root / "classroom" / "hub"), *options], dict(os.environ), course.root,
                           course.system)


COMMANDS = {"start": start, "setup": setup, "test": test, "hub": hub,
            "site": lambda course, options: publish(course, ["site", *options]),
            "slides": lambda course, options: publish(course, ["slides", *options])}


def main(arguments, root):
    name, options = (arguments[0], arguments[1:]) if arguments else ("start", [])
    if name not in COMMANDS:
        print(USAGE, file=sys.stderr if name not in ("help", "-h", "--help") else sys.stdout)
        return 0 if name in ("help", "-h", "--help") else 2
    course = Course(root, current_python=os.environ.get("COURSE_PYTHON") == "current")
    try:
        return COMMANDS[name](course, options) or 0
    except Missing as missing:
        text = f"course: {missing}"
        print(f"\033[1;31m{text}\033[0m" if course.color and sys.stderr.isatty() else text, file=sys.stderr)
        return 1
