"""Creative AI in Java's launcher, the same on every system: bin/course (Linux, macOS) and bin\course.cmd (Windows)
run this file, and `python bin/course.py ...` works anywhere. The commands live in course/src/main/python/launcher.
Written so that any Python parses it, to say clearly when the one found is too old."""
import os
import sys

if sys.version_info < (3, 9):
    sys.stderr.write("course: Python 3.9 or newer is needed, found %s (%s).\n"
                     "  Install it from https://www.python.org/downloads/ (Windows: winget install Python.Python.3.12,"
                     " macOS: brew install python)\n" % (sys.version.split()[0], sys.executable))
    sys.exit(1)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "course", "src", "main", "python"))

from launcher.commands import main  # noqa: E402 (after the version check and the path)

sys.exit(main(sys.argv[1:], ROOT))
