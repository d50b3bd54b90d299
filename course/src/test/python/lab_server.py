"""JupyterLab for the browser tests: the course's own, on a free loopback port with a random token, finding the
freshly built course kernel (not whatever is installed for the user), with notebooks shown whole instead of
only the cells on screen, so that a test sees every output."""
import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import KERNEL_NAME, KERNELSPEC_DIR

ALL_CELLS = {"@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
             "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False}}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_settings(folder):
    for name, values in ALL_CELLS.items():
        extension, plugin = name.rsplit("/", 1)
        target = folder / extension / plugin
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values))


def wait_for_http(url, server, log_file, what, timeout=60):
    """Waits until the server answers at url; fails with its log if it exits or stays silent."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"{what} did not start:\n" + log_file.read_text())
            time.sleep(0.5)


def stop(server, timeout=30):
    """Asks the server (started in a session of its own) to end, then kills its whole group if it does not."""
    server.terminate()
    try:
        server.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, 9)


@contextlib.contextmanager
def jupyterlab(workdir, env=None):
    """Starts JupyterLab on `workdir`; yields its base URL with the token (…/?token=…)."""
    jupyter = workdir / ".jupyter-test"
    shutil.copytree(KERNELSPEC_DIR / KERNEL_NAME, jupyter / "kernels" / KERNEL_NAME)
    write_settings(jupyter / "settings")
    port, token = free_port(), secrets.token_hex(16)
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
               f"--ServerApp.token={token}", f"--ServerApp.root_dir={workdir}", "--ServerApp.open_browser=False"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    full_env = {**os.environ, "JUPYTER_PATH": str(jupyter), "JUPYTERLAB_SETTINGS_DIR": str(jupyter / "settings"),
                "JUPYTERLAB_WORKSPACES_DIR": str(jupyter / "workspaces"),
                **(env or {})}
    log = open(workdir / "jupyterlab.log", "w")
    server = subprocess.Popen(command, env=full_env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for_http(f"{base}/api/status?token={token}", server, workdir / "jupyterlab.log", "JupyterLab")
        yield base, token
    finally:
        stop(server)
        log.close()
