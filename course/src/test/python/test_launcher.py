"""The launcher (bin/course, bin\\course.cmd) as unit tests: every choice that depends on the system is asked for
Windows, macOS and Linux on this one machine, then the Unix entry point is run as a student runs it."""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
from types import SimpleNamespace

import pytest

from conftest import ROOT
from launcher import system as os_choices
from launcher.checks import Missing, check_java, java_feature_version
from launcher.steps import write_lab_defaults

WINDOWS, MACOS, LINUX = os_choices.WINDOWS, os_choices.MACOS, os_choices.LINUX


@pytest.mark.parametrize("system, python", [(WINDOWS, "Scripts/python.exe"), (MACOS, "bin/python"),
                                            (LINUX, "bin/python")])
def test_the_venv_python_is_where_each_system_puts_it(system, python):
    assert os_choices.venv_python(pathlib.Path("/c/.venv"), system) == pathlib.Path("/c/.venv") / python


@pytest.mark.parametrize("system, wrapper", [(WINDOWS, "mvnw.cmd"), (MACOS, "mvnw"), (LINUX, "mvnw")])
def test_maven_is_the_one_on_path_else_the_systems_wrapper_which_the_course_ships(system, wrapper):
    assert os_choices.maven_command(ROOT, system, which=lambda name: None) == str(ROOT / wrapper)
    assert (ROOT / wrapper).is_file()
    assert os_choices.maven_command(ROOT, system, which=lambda name: f"/opt/{name}") == "/opt/mvn"


def test_the_unix_entry_point_and_wrapper_can_be_run():
    assert os.access(ROOT / "mvnw", os.X_OK) and os.access(ROOT / "bin" / "course", os.X_OK)


@pytest.mark.parametrize("system, java", [(WINDOWS, "java.exe"), (MACOS, "java"), (LINUX, "java")])
def test_java_is_java_homes_when_it_has_one_else_the_one_on_path(tmp_path, system, java):
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / java).write_text("")
    assert os_choices.java_tool("java", str(tmp_path), system, which=lambda n: "/usr/bin/" + n) == str(tmp_path / "bin" / java)
    assert os_choices.java_tool("java", str(tmp_path / "none"), system, which=lambda n: "/usr/bin/" + n) == "/usr/bin/java"
    assert os_choices.java_tool("java", None, system, which=lambda n: None) is None


@pytest.mark.parametrize("system", [WINDOWS, MACOS, LINUX])
def test_jupyterlabs_settings_go_into_the_environment_on_every_system(system, tmp_path):
    settings = os_choices.lab_settings(tmp_path)
    assert settings == tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def test_this_machines_jupyterlab_reads_its_settings_where_the_launcher_writes_them():
    venv = subprocess.run([sys.executable, "-c", "from jupyterlab.commands import get_app_dir; print(get_app_dir())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    assert os_choices.lab_settings(sys.prefix).parent == pathlib.Path(venv) / "settings"


def test_lab_defaults_are_added_to_the_students_own_settings_and_written_once(tmp_path):
    settings = tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"},
                                    "@jupyter-widgets/jupyterlab-manager:plugin": {"saveState": False}}))
    write_lab_defaults(settings)
    written = json.loads(settings.read_text())
    assert written["@jupyterlab/apputils-extension:themes"] == {"theme": "JupyterLab Dark"}
    assert written["@jupyter-widgets/jupyterlab-manager:plugin"] == {"saveState": True}
    assert written["@jupyterlab/apputils-extension:notification"]["checkForUpdates"] is False
    before = settings.stat().st_mtime_ns
    os.utime(settings, ns=(before - 10**9, before - 10**9))
    write_lab_defaults(settings)
    assert settings.stat().st_mtime_ns == before - 10**9, "nothing changed, yet the settings were written again"


@pytest.mark.parametrize("system, root, options", [(LINUX, True, ["--allow-root"]), (LINUX, False, []),
                                                   (MACOS, True, ["--allow-root"]), (WINDOWS, None, [])])
def test_jupyterlab_is_allowed_to_run_as_root_on_unix_only(system, root, options):
    assert os_choices.lab_options(system, is_root=root) == options


def test_on_windows_the_launcher_waits_for_jupyterlab_and_exits_with_its_code(tmp_path):
    with pytest.raises(SystemExit) as ended:
        os_choices.run_instead([sys.executable, "-c", "import os, sys; sys.exit(len(os.listdir()) + 3)"],
                               dict(os.environ), tmp_path, WINDOWS)
    assert ended.value.code == 3  # ran in the folder it was given (empty), and its exit code came back


def test_on_unix_jupyterlab_takes_the_launchers_place(tmp_path):
    script = (f"import sys; sys.path.insert(0, {str(ROOT / 'course/src/main/python')!r}); from launcher import system; "
              f"system.run_instead([sys.executable, '-c', 'import os; print(os.getpid(), os.getcwd())'], {{}}, "
              f"{str(tmp_path)!r}, 'Linux')")
    launcher = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    pid, folder = launcher.communicate(timeout=60)[0].split()
    assert int(pid) == launcher.pid and folder == str(tmp_path)


@pytest.mark.parametrize("settings, version", [
    ("    java.specification.version = 17\n", 17), ("    java.specification.version = 1.8\n", 8),
    ("    java.specification.vendor = Oracle\n    java.specification.version = 25\n", 25), ("nonsense", None)])
def test_the_java_version_is_read_from_javas_settings(settings, version):
    assert java_feature_version(settings) == version


def _fake_jdk(home, version, system=LINUX, javac=True):
    """A JAVA_HOME with empty java and javac files, and a `run` that answers as that Java would; PATH is empty."""
    (home / "bin").mkdir(parents=True)
    for tool in ["java"] + (["javac"] if javac else []):
        (home / "bin" / os_choices.executable(tool, system)).write_text("")
    settings = SimpleNamespace(stdout="", stderr=f"Property settings:\n    java.specification.version = {version}\n")
    return {"JAVA_HOME": str(home), "PATH": ""}, (lambda *args, **kwargs: settings)


@pytest.mark.parametrize("system, hint", [(WINDOWS, "winget install EclipseAdoptium.Temurin.17.JDK"),
                                          (MACOS, "brew install openjdk@17"), (LINUX, "apt-get install openjdk-17-jdk")])
def test_an_old_java_is_refused_with_how_to_install_a_new_one_on_this_system(tmp_path, system, hint):
    env, run = _fake_jdk(tmp_path, "11", system)
    with pytest.raises(Missing, match="Java 11 is too old") as refused:
        check_java(system, env=env, run=run)
    assert hint in str(refused.value)


def test_macos_java_stub_without_a_jdk_is_refused_with_how_to_install_one(tmp_path):
    env, _ = _fake_jdk(tmp_path, "17", MACOS)
    stub = SimpleNamespace(stdout="", stderr="The operation couldn’t be completed. Unable to locate a Java Runtime.\n")
    with pytest.raises(Missing, match="Unable to locate a Java Runtime") as refused:
        check_java(MACOS, env=env, run=lambda *args, **kwargs: stub)
    assert "brew install openjdk@17" in str(refused.value)


def test_a_runtime_without_javac_is_refused_and_java_21_gets_the_interrupt_note(tmp_path):
    env, run = _fake_jdk(tmp_path / "jre", "21", javac=False)
    with pytest.raises(Missing, match="runtime only"):
        check_java(LINUX, env=env, run=run)
    env, run = _fake_jdk(tmp_path / "jdk", "21")
    version, notes = check_java(LINUX, env=env, run=run)
    assert version == 21 and "busy loop" in notes[0]


def _launch(*arguments, env=None):
    return subprocess.run([str(ROOT / "bin" / "course"), *arguments], capture_output=True, text=True, timeout=120,
                          env=env or dict(os.environ))


def test_an_unknown_command_prints_the_commands_and_fails():
    done = _launch("bogus")
    assert done.returncode == 2 and "course test" in done.stderr and "bin\\course.cmd" in done.stderr
    assert _launch("help").returncode == 0


def test_without_java_setup_says_what_to_install_and_changes_nothing(tmp_path):
    python_only = tmp_path / "bin"
    python_only.mkdir()
    (python_only / "python3").symlink_to(sys.executable)
    env = {"PATH": str(python_only), "HOME": str(tmp_path), "COURSE_PYTHON": "current"}
    done = _launch("setup", env=env)
    assert done.returncode == 1 and "Java is not installed" in done.stderr and "openjdk-17-jdk" in done.stderr
    assert "Building" not in done.stdout and list(tmp_path.iterdir()) == [python_only]


WINE = shutil.which("wine")
needs_wine = pytest.mark.skipif(not WINE and os.environ.get("COURSE_REQUIRE_WINE") != "1",
                                reason="no wine here to run Windows' cmd.exe (COURSE_REQUIRE_WINE=1 makes this a failure)")
FAKE_PYTHON = {  # batch files standing in for Python: they answer the version probe, then print what they were given
    "py": '@echo off\r\nif "%1"=="-3" if "%2"=="-c" exit /b 0\r\necho py was given: %*\r\n',
    "python": '@echo off\r\nif "%1"=="-c" exit /b 0\r\necho python was given: %*\r\n',
    "store-placeholder": '@echo off\r\necho Python was not found; run without arguments to install from the Microsoft Store 1>&2\r\n'
                         'exit /b 9009\r\n'}


@pytest.fixture(scope="module")
def wine_prefix(tmp_path_factory):
    """One Windows for these tests (wine makes its C: drive at first use, in about 5 s)."""
    return tmp_path_factory.mktemp("wine")


@needs_wine
@pytest.mark.parametrize("on_path, answer", [
    (["py", "python"], 'py was given: -3 "Z:{course}\\bin\\course.py" start --port 9'),
    (["python"], 'python was given: "Z:{course}\\bin\\course.py" start --port 9'),
    (["store-placeholder"], None), ([], None)])
def test_the_windows_entry_point_in_cmd_exe_finds_python_and_runs_the_launcher(tmp_path, wine_prefix, on_path, answer):
    """bin\\course.cmd in Windows' command interpreter (wine's cmd.exe): it prefers the py launcher, falls back to python,
    passes the arguments on, and without a working Python (none, or the Microsoft Store's placeholder) says what to
    install. (Exit codes are not checked here: wine's cmd loses the code of a batch file run with `call`.)"""
    course, fakes = tmp_path / "course", tmp_path / "fakes"
    (course / "bin").mkdir(parents=True)
    fakes.mkdir()
    shutil.copy(ROOT / "bin" / "course.cmd", course / "bin")
    for name in on_path:
        (fakes / f"{name.replace('store-placeholder', 'python')}.cmd").write_text(FAKE_PYTHON[name], newline="")
    env = {**os.environ, "WINEPREFIX": str(wine_prefix), "WINEDEBUG": "-all",
           "WINEPATH": "Z:" + str(fakes).replace("/", "\\")}
    script = "Z:" + str(course / "bin" / "course.cmd").replace("/", "\\")
    done = subprocess.run([WINE, "cmd", "/c", f"{script} start --port 9"], env=env, capture_output=True, text=True,
                          timeout=300)
    if answer:
        assert answer.format(course=str(course).replace("/", "\\")) in done.stdout, done.stdout + done.stderr
    else:
        assert done.returncode == 1 and "winget install Python.Python.3.12" in done.stderr, done.stdout + done.stderr


def test_the_dev_container_installs_binders_packages_and_runs_the_students_setup():
    """The dev container cannot be built here (no container registry); what it runs is what this machine's CI runs:
    Debian 12 packages, then bin/course setup. Its package list is Binder's, read from binder/apt.txt at build time."""
    folder = ROOT / ".devcontainer"
    config = json.loads((folder / "devcontainer.json").read_text())
    assert config["postCreateCommand"] == "bin/course setup" and 8888 in config["forwardPorts"]
    assert config["build"] == {"dockerfile": "Dockerfile", "context": ".."}
    python = config["customizations"]["vscode"]["settings"]["python.defaultInterpreterPath"]
    assert python == "${containerWorkspaceFolder}/" + os_choices.venv_python(".venv", LINUX).as_posix()
    dockerfile = (folder / "Dockerfile").read_text()
    base = re.search(r"^FROM \S+:(\w+)$", dockerfile, re.MULTILINE).group(1)
    assert "COPY binder/apt.txt" in dockerfile and "$(grep -v '^#' /tmp/binder-apt.txt) python3-venv npm" in dockerfile
    release = pathlib.Path("/etc/os-release")
    if release.is_file() and f"VERSION_CODENAME={base}" in release.read_text():
        packages = [line for line in (ROOT / "binder" / "apt.txt").read_text().split() if not line.startswith("#")]
        for package in packages + ["python3-venv", "npm"]:
            shown = subprocess.run(["apt-cache", "show", package], capture_output=True, text=True)
            assert shown.returncode == 0 and shown.stdout, f"Debian {base} has no package {package}"


@pytest.mark.parametrize("root, long_paths, refused", [
    ("C:\\Users\\Ada Lovelace\\Documents\\GitHub\\creative-ai-java", False, False),
    ("C:\\Users\\Ada Lovelace\\OneDrive - University of London\\Documents\\Courses\\2026\\Machine learning\\creative-ai-java",
     False, True),
    ("C:\\Users\\Ada Lovelace\\OneDrive - University of London\\Documents\\Courses\\2026\\Machine learning\\creative-ai-java",
     True, False)])
def test_on_windows_a_folder_too_deep_for_jupyterlabs_files_is_refused_unless_long_paths_are_on(root, long_paths, refused):
    reason = os_choices.path_too_long(root, WINDOWS, long_paths=long_paths)
    assert (reason is not None) == refused
    if refused:
        assert "LongPathsEnabled" in reason and "C:\\course" in reason
    assert os_choices.path_too_long("/home/ada/" + "deep/" * 60, LINUX) is None


def test_no_file_setup_writes_is_deeper_than_the_launcher_assumes_for_windows():
    """Measured on this machine's .venv and caches; on Windows, site-packages is .venv\\Lib\\site-packages."""
    import sysconfig
    def deepest(folder):
        return max((len(os.path.relpath(os.path.join(d, f), folder)) for d, _, files in os.walk(folder) for f in files),
                   default=0)
    packages = deepest(sysconfig.get_paths()["purelib"]) + len(".venv\\Lib\\site-packages\\")
    others = [len(name) + 1 + deepest(ROOT / name) for name in (".cache", "course/web/node_modules", "course/target")]
    assert max(packages, *others) <= os_choices.DEEPEST_FILE, (packages, others)


class _RecordingCourse:
    """A course whose steps do nothing and whose Maven call records its arguments and the pytest options it gets."""
    python = "python"

    def __getattr__(self, step):
        return lambda *arguments: None

    def maven(self, *arguments):
        self.called = arguments, os.environ.get("PYTEST_ADDOPTS")
        return 0


@pytest.mark.parametrize("options, maven, pytest_options", [
    ([], (), ""),
    (["--fast"], ("-DexcludedGroups=slow",), '-m "not slow and not browser"'),
    (["--reuse-runs", "-o"], ("-o",), "--reuse-runs"),
])
def test_course_test_passes_its_tiers_to_pytest_and_everything_else_to_maven(monkeypatch, options, maven, pytest_options):
    from launcher import commands
    monkeypatch.delenv("PYTEST_ADDOPTS", raising=False)
    course = _RecordingCourse()
    assert commands.test(course, options) == 0
    assert course.called == (("verify", "-Dpython=python", *maven), pytest_options)
