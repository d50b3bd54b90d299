"""The steps of setting the course up, each done only when something changed: the Python environment with JupyterLab,
JupyterLab's defaults, the Maven build, the kernelspec, and the web packages the site, the slides and the hub need."""
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from . import system as os_choices
from .checks import Missing, check_java, check_python


class Course:
    """The course checked out at `root`, set up for this system; `current_python` uses the Python environment that runs
    the launcher (Binder's image, COURSE_PYTHON=current) instead of the course's own .venv."""

    def __init__(self, root, system=None, current_python=False, out=sys.stdout):
        self.root = Path(root)
        self.system = system or os_choices.current()
        self.current_python = current_python
        self.venv = self.root / ".venv"
        self.out = out
        self.color = os_choices.uses_color(self.system, out)

    # --- what the student sees

    def say(self, text):
        print(f"\033[1m==> {text}\033[0m" if self.color else f"==> {text}", file=self.out, flush=True)

    @property
    def python(self):
        """The Python of the course's environment: where JupyterLab, nbclient and pytest are installed."""
        return sys.executable if self.current_python else str(os_choices.venv_python(self.venv, self.system))

    @property
    def prefix(self):
        return Path(sys.prefix) if self.current_python else self.venv

    # --- the steps

    def check(self):
        check_python(sys.version_info, self.system)
        too_long = os_choices.path_too_long(self.root, self.system)
        if too_long:
            raise Missing(too_long)
        _, notes = check_java(self.system)
        for note in notes:
            print(note, file=self.out)

    def python_environment(self):
        """The course's .venv with binder/requirements.txt; an environment already active (Binder) has them."""
        if self.current_python:
            return
        if not Path(self.python).is_file():
            self.say("Creating the Python environment for Jupyter in .venv")
            made = subprocess.run([sys.executable, "-m", "venv", str(self.venv)], capture_output=True, text=True)
            if made.returncode != 0 or not Path(self.python).is_file():
                shutil.rmtree(self.venv, ignore_errors=True)
                raise Missing("Python cannot create a virtual environment (the venv module or pip is missing):\n  "
                              + os_choices.how_to_install("venv", self.system) + "\n" + made.stderr.strip())
        self.requirements("binder/requirements.txt", "JupyterLab and the test tools", self.venv / ".requirements")

    def test_tools(self):
        stamp = (self.root / ".cache" if self.current_python else self.venv) / ".test-requirements"
        self.requirements("course/src/test/python/requirements.txt", "the browser-test tools", stamp)

    def requirements(self, name, what, stamp):
        """pip-installs a requirements file unless the stamp says this very list is installed already."""
        wanted = (self.root / name).read_text().rstrip("\n")
        if stamp.is_file() and stamp.read_text().rstrip("\n") == wanted:
            return
        self.say(f"Installing {what} ({name})")
        installed = subprocess.run([self.python, "-m", "pip", "install", "--disable-pip-version-check", "-q",
                                    "-r", str(self.root / name)])
        if installed.returncode != 0:
            raise Missing(f"pip could not install {name} (see its message above; offline? behind a proxy?)")
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(wanted)

    def lab_defaults(self):
        write_lab_defaults(os_choices.lab_settings(self.prefix))

    def maven(self, *arguments):
        command = [os_choices.maven_command(self.root, self.system), "-B", "--no-transfer-progress",
                   *shlex.split(os.environ.get("MAVEN_ARGS", ""), posix=self.system != os_choices.WINDOWS), *arguments]
        return subprocess.run(command, cwd=self.root).returncode

    def build(self):
        self.say(f"Building the course library and kernel (the first build downloads about 200 MB from Maven Central)")
        if self.maven("-q", "-DskipTests", "-DskipITs", "package") != 0:
            raise Missing("The Maven build failed (see above).")

    def install_kernel(self):
        for spec in sorted((self.root / "course" / "target" / "kernelspec").iterdir()):
            self.say(f"Installing the Jupyter kernel '{spec.name}' for this user")
            installed = subprocess.run([self.python, "-m", "jupyter", "kernelspec", "install", "--user", "--replace",
                                        "--name", spec.name, str(spec)], capture_output=True, text=True)
            if installed.returncode != 0:
                raise Missing("Jupyter could not install the kernel:\n" + installed.stderr.strip())
            where = (installed.stdout + installed.stderr).strip().rpartition(" in ")[2]
            print(f"    in {where}", file=self.out)  # Windows: %APPDATA%\jupyter\kernels, macOS: ~/Library/Jupyter/kernels

    def setup(self):
        self.check()
        self.python_environment()
        self.lab_defaults()
        self.build()
        self.install_kernel()

    def web_packages(self):
        """MathJax, reveal.js and JupyterHub's proxy from npm, into course/web/node_modules."""
        npm = shutil.which("npm")  # npm.cmd on Windows
        if not npm:
            raise Missing("npm is not installed. The site, the slides and the hub need Node.js and npm:\n  "
                          + os_choices.how_to_install("npm", self.system))
        web = self.root / "course" / "web"
        installed = web / "node_modules" / ".package-lock.json"
        if installed.is_file() and installed.stat().st_mtime >= (web / "package-lock.json").stat().st_mtime:
            return
        self.say("Installing MathJax, reveal.js and configurable-http-proxy from npm (course/web)")
        if subprocess.run([npm, "ci", "--prefix", str(web), "--no-audit", "--no-fund", "--loglevel=error"]).returncode:
            raise Missing("npm could not install course/web/package-lock.json")


def write_lab_defaults(settings_file):
    """JupyterLab without its news prompt (students often work offline or on a shared server), and saving a notebook
    keeps its widgets' state, so a reopened chapter shows its sliders' last state. Other settings are kept."""
    settings = json.loads(settings_file.read_text()) if settings_file.is_file() else {}
    wanted = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
              "@jupyter-widgets/jupyterlab-manager:plugin": {"saveState": True}}
    changed = False
    for plugin, values in wanted.items():
        current = settings.setdefault(plugin, {})
        if any(current.get(key) != value for key, value in values.items()):
            current.update(values)
            changed = True
    if changed:
        settings_file.parent.mkdir(parents=True, exist_ok=True)
        settings_file.write_text(json.dumps(settings, indent=2))
