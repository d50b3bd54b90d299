@echo off
rem Creative AI in Java on Windows (cmd or PowerShell): bin\course.cmd start, bin\course.cmd test, ...
rem The launcher itself is bin\course.py; this finds a Python 3 for it: the py launcher, else python on PATH.
setlocal
py -3 -c "import sys" >nul 2>nul && (py -3 "%~dp0course.py" %* & exit /b)
python -c "import sys; sys.exit(sys.version_info[0] != 3)" >nul 2>nul && (python "%~dp0course.py" %* & exit /b)
echo course: Python 3 is not installed. The course uses it for JupyterLab: 1>&2
echo   winget install Python.Python.3.12   (or https://www.python.org/downloads/), then open a new terminal 1>&2
exit /b 1
