"""Everything the launcher does differently on Windows, macOS and Linux, in one place. Each choice takes the system's
name as `platform.system()` gives it ("Windows", "Darwin", "Linux"), so a test on one machine checks every system."""
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

WINDOWS, MACOS, LINUX = "Windows", "Darwin", "Linux"


def current():
    return platform.system()


def executable(name, system):
    """A program's file name: Windows adds .exe."""
    return name + ".exe" if system == WINDOWS else name


def venv_python(venv, system):
    """Where a virtual environment keeps its Python: Scripts\\python.exe on Windows, bin/python elsewhere."""
    return Path(venv) / ("Scripts" if system == WINDOWS else "bin") / executable("python", system)


def java_tool(name, java_home, system, which=shutil.which):
    """The JDK's `java` or `javac`: JAVA_HOME's when it has one, else the one on PATH, else None."""
    if java_home:
        tool = Path(java_home) / "bin" / executable(name, system)
        if tool.is_file():
            return str(tool)
    return which(name)


def maven_command(root, system, which=shutil.which):
    """Maven on PATH (on Windows `which` finds mvn.cmd), else the wrapper the course ships: mvnw.cmd on Windows."""
    return which("mvn") or str(Path(root) / ("mvnw.cmd" if system == WINDOWS else "mvnw"))


def lab_settings(prefix):
    """The settings JupyterLab reads over its defaults, in a Python environment: the same path on every system."""
    return Path(prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def lab_options(system, is_root=None):
    """JupyterLab refuses to run as root unless told: containers often run as root (Windows has no root)."""
    if system == WINDOWS:
        return []
    if is_root is None:
        is_root = os.geteuid() == 0
    return ["--allow-root"] if is_root else []


def run_instead(command, env, cwd, system):
    """Hands the terminal to `command` (JupyterLab, the hub) for good. Unix replaces this process, so Ctrl-C and the
    exit code go straight to it; Windows cannot, so the launcher waits for it and exits with its code."""
    if system != WINDOWS:
        os.chdir(cwd)
        os.execve(command[0], command, env)
    try:
        sys.exit(subprocess.run(command, env=env, cwd=cwd).returncode)
    except KeyboardInterrupt:
        sys.exit(130)


# The deepest file that setup writes below the course folder on Windows: one of JupyterLab's assets, in
# .venv\Lib\site-packages, 161 characters (test_launcher measures it). Windows stops at 260 characters in a path
# unless long paths are turned on.
DEEPEST_FILE = 165
WINDOWS_PATH_LIMIT = 259


def long_paths_enabled():
    """Whether Windows lets programs use paths over 260 characters (a registry setting, off by default)."""
    import winreg
    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r"SYSTEM\CurrentControlSet\Control\FileSystem") as key:
            return winreg.QueryValueEx(key, "LongPathsEnabled")[0] == 1
    except OSError:
        return False


def path_too_long(root, system, long_paths=None):
    """Why the course cannot be set up in `root` on this system, or None: on Windows without long paths, pip fails
    midway through JupyterLab's files in a folder whose path is too long."""
    if system != WINDOWS or len(str(root)) + 1 + DEEPEST_FILE <= WINDOWS_PATH_LIMIT:
        return None
    if long_paths if long_paths is not None else long_paths_enabled():
        return None
    return (f"The course's folder ({root}, {len(str(root))} characters) is too deep for Windows: JupyterLab's files "
            f"would pass Windows' {WINDOWS_PATH_LIMIT + 1}-character limit on paths. Move the course to a shorter "
            "folder such as C:\\course, or turn long paths on (as administrator, in PowerShell:\n  New-ItemProperty "
            "-Path HKLM:\\SYSTEM\\CurrentControlSet\\Control\\FileSystem -Name LongPathsEnabled -Value 1 "
            "-PropertyType DWORD -Force)")


def uses_color(system, stream=sys.stdout):
    """Bold and red headings in a terminal: Unix terminals and Windows Terminal understand them, the old console not."""
    if not stream.isatty():
        return False
    return system != WINDOWS or "WT_SESSION" in os.environ


HOW_TO_INSTALL = {
    "java": {
        WINDOWS: "winget install EclipseAdoptium.Temurin.17.JDK   (or the installer from https://adoptium.net), "
                 "then open a new terminal",
        MACOS: "brew install openjdk@17, then: export JAVA_HOME=\"$(brew --prefix openjdk@17)\"   "
               "(or the installer from https://adoptium.net)",
        LINUX: "Debian/Ubuntu: sudo apt-get install openjdk-17-jdk    Fedora: sudo dnf install java-17-openjdk-devel",
    },
    "python": {
        WINDOWS: "winget install Python.Python.3.12   (or https://www.python.org/downloads/), then open a new terminal",
        MACOS: "brew install python   (or https://www.python.org/downloads/)",
        LINUX: "Debian/Ubuntu: sudo apt-get install python3 python3-venv    Fedora: sudo dnf install python3",
    },
    "venv": {
        WINDOWS: "repair Python with its installer, with pip ticked",
        MACOS: "brew reinstall python",
        LINUX: "Debian/Ubuntu: sudo apt-get install python3-venv",
    },
    "npm": {
        WINDOWS: "winget install OpenJS.NodeJS.LTS, then open a new terminal",
        MACOS: "brew install node",
        LINUX: "Debian/Ubuntu: sudo apt-get install npm    Fedora: sudo dnf install npm",
    },
}


def how_to_install(tool, system):
    """One line saying how to install `tool` on this system (for another Unix, Linux's line)."""
    return HOW_TO_INSTALL[tool].get(system, HOW_TO_INSTALL[tool][LINUX])
