"""What must be installed before the course can set itself up, Java 17+ with its compiler and Python 3.9+, checked
with a message that says what to install on this system when something is missing."""
import os
import re
import shutil
import subprocess

from . import system as os_choices


class Missing(Exception):
    """Something the course needs is not installed or too old; the message says what to do."""


def java_feature_version(settings):
    """The feature version (8, 17, 21) in the output of `java -XshowSettings:properties -version`, or None."""
    found = re.search(r"^\s*java\.specification\.version = (?:1\.)?(\d+)", settings, re.MULTILINE)
    return int(found.group(1)) if found else None


def check_java(system, env=os.environ, run=subprocess.run):
    """The Java the course builds with (JAVA_HOME's, else PATH's); returns its feature version and notes to print."""
    def on_path(name):
        return shutil.which(name, path=env.get("PATH", os.defpath))

    java = os_choices.java_tool("java", env.get("JAVA_HOME"), system, on_path)
    if not java:
        raise Missing("Java is not installed. The course needs a JDK, version 17 or newer:\n  "
                      + os_choices.how_to_install("java", system))
    settings = run([java, "-XshowSettings:properties", "-version"], capture_output=True, text=True)
    output = settings.stdout + settings.stderr
    version = java_feature_version(output)
    if version is None:
        said = output.strip().splitlines()
        raise Missing(f"{java} does not work as Java ({said[0] if said else 'it printed nothing'}). The course needs a "
                      "JDK, version 17 or newer:\n  " + os_choices.how_to_install("java", system))
    if version < 17:
        raise Missing(f"Java {version} is too old ({java}): the course needs Java 17 or newer.\n  "
                      + os_choices.how_to_install("java", system)
                      + "\n  Then put it first on PATH, or set JAVA_HOME to it.")
    if not os_choices.java_tool("javac", env.get("JAVA_HOME"), system, on_path):
        raise Missing(f"Java {version} here is a runtime only (no javac), and the course compiles Java code. "
                      "Install a JDK:\n  " + os_choices.how_to_install("java", system))
    notes = []
    if version >= 20:
        notes.append(f"note: on Java {version} an interrupt stops sleeping or waiting cells at once, but a busy loop "
                     "runs until it ends\n      (Java 17-19 can stop any cell). Set JAVA_HOME to a JDK 17 for the "
                     "full interrupt.")
    return version, notes


def check_python(version_info, system):
    """The Python that runs the launcher and makes the course's environment must be 3.9 or newer."""
    if tuple(version_info[:2]) < (3, 9):
        found = ".".join(str(part) for part in version_info[:3])
        raise Missing(f"Python 3.9 or newer is needed, found {found}:\n  " + os_choices.how_to_install("python", system))
