"""The course's launcher: one implementation of `bin/course` (Linux, macOS) and `bin\\course.cmd` (Windows), in Python's
standard library only, since Python 3.9 and Java 17 are all a student installs first. `system` holds every choice that
depends on the operating system, `checks` what must be installed, `steps` the setup steps, `commands` the commands."""
