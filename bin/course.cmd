@echo off
rem Creative AI in Java on Windows (cmd or PowerShell): bin\course.cmd start, bin\course.cmd test, ...
rem The launcher itself is bin\course.py; this finds a Python 3 for it: the py launcher, else python on PATH
rem (where the Microsoft Store's placeholder may stand, which fails the test below). "call": pyenv-win's are .bat files.
setlocal
set PYTHON=
call py -3 -c "" >nul 2>nul
if not errorlevel 1 set PYTHON=py -3
if not defined PYTHON call python -c "import sys; sys.exit(sys.version_info[0] != 3)" >nul 2>nul
if not defined PYTHON if not errorlevel 1 set PYTHON=python
if not defined PYTHON goto no_python
call %PYTHON% "%~dp0course.py" %*
exit /b %ERRORLEVEL%

:no_python
echo course: Python 3 is not installed. The course uses it for JupyterLab: 1>&2
echo   winget install Python.Python.3.12   (or https://www.python.org/downloads/), then open a new terminal 1>&2
exit /b 1
