"""A class on this machine, for the classroom tests and the load script: student accounts with passwords, the
course's hub (`classroom/hub`, as `bin/course hub` starts it) on free loopback ports with a state folder of its own,
a student's password login as a browser does it, and each student's peak memory while the class works.
Needs root, as the hub does."""
import os
import pathlib
import pwd
import secrets
import signal
import socket
import subprocess
import threading
import time

import psutil
import requests

import limits

ROOT = pathlib.Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_accounts(names):
    """Fresh Unix accounts with home folders (any old one of the same name is removed first); their passwords."""
    passwords = {}
    for name in names:
        subprocess.run(["userdel", "-r", name], capture_output=True)
        subprocess.run(["useradd", "-m", "-s", "/bin/bash", name], check=True)
        passwords[name] = secrets.token_urlsafe(12)
        subprocess.run(["chpasswd"], input=f"{name}:{passwords[name]}", text=True, check=True)
    return passwords


def remove_accounts(names):
    """Ends the accounts' processes, then removes the accounts, their homes and their control groups."""
    for name in names:
        subprocess.run(["pkill", "-KILL", "-u", name], capture_output=True)
    time.sleep(1)
    for name in names:
        subprocess.run(["userdel", "-r", name], capture_output=True)
        for group in limits.groups(name):
            if group.is_dir():
                group.rmdir()


class Hub:
    """`classroom/hub` serving the given accounts at http://127.0.0.1:<free port>; settings are COURSE_HUB_* names
    without the prefix (MEMORY_GB="3", IDLE_MINUTES="0.5"). Its log is state/hub.log."""

    def __init__(self, names, state, **settings):
        self.state = pathlib.Path(state)
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "COURSE_HUB_URL": self.base, "COURSE_HUB_API_PORT": str(free_port()),
               "COURSE_HUB_PROXY_PORT": str(free_port()), "COURSE_HUB_STATE": str(self.state),
               "COURSE_HUB_USERS": ",".join(names), **{f"COURSE_HUB_{k}": str(v) for k, v in settings.items()}}
        self._log = open(self.state / "hub.log", "w")
        began = time.monotonic()
        self.process = subprocess.Popen([str(ROOT / "classroom" / "hub")], env=env, stdout=self._log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        while not self._answers():
            if self.process.poll() is not None or time.monotonic() - began > 180:
                self.stop()
                raise RuntimeError(f"the hub did not start: see {self.state / 'hub.log'}")
            time.sleep(0.5)
        self.start_seconds = time.monotonic() - began

    def _answers(self):
        try:
            return requests.get(f"{self.base}/hub/login", timeout=2).status_code == 200
        except requests.RequestException:
            return False

    def log_in(self, name, password, timeout=600):
        """A browser's login: the form, the hub's spawn page until the student's JupyterLab is up, the OAuth round
        trip that gives the session the server's cookie. Returns the logged-in session."""
        session = requests.Session()
        session.get(f"{self.base}/hub/login", timeout=30)
        session.post(f"{self.base}/hub/login?next=", timeout=60,
                     data={"username": name, "password": password, "_xsrf": session.cookies.get("_xsrf", "")}
                     ).raise_for_status()
        lab = f"{self.base}/user/{name}/lab"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:  # until the server is up the hub answers with its "pending" page
            page = session.get(lab, timeout=60)
            if page.status_code == 200 and page.url == lab:
                return session
            time.sleep(1)
        raise TimeoutError(f"{name}'s server did not start in {timeout} s")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self._log.close()


def processes_of(name):
    uid = pwd.getpwnam(name).pw_uid
    return [p for p in psutil.process_iter(["uids", "cmdline"]) if p.info["uids"] and p.info["uids"].real == uid]


class UsageByUser:
    """Each account's peak memory (the resident memory of all its processes together) and the processor time its
    processes used, sampled twice a second."""

    def __init__(self, names):
        self.uids = {pwd.getpwnam(n).pw_uid: n for n in names}
        self.peak = dict.fromkeys(names, 0)
        self.cpu = {}  # (account, pid) -> seconds of processor time at the last sample
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self.done.wait(0.5):
            now = dict.fromkeys(self.peak, 0)
            for process in psutil.process_iter(["uids", "memory_info", "cpu_times"]):
                try:
                    name = self.uids.get(process.info["uids"].real)
                    if name:
                        now[name] += process.info["memory_info"].rss
                        times = process.info["cpu_times"]
                        self.cpu[name, process.pid] = times.user + times.system
                except (psutil.Error, TypeError, AttributeError):
                    continue
            for name, rss in now.items():
                self.peak[name] = max(self.peak[name], rss)

    def stop(self):
        """The peak memory of each account, in bytes, and its processor time, in seconds."""
        self.done.set()
        self.thread.join()
        cpu = dict.fromkeys(self.peak, 0.0)
        for (name, _), seconds in self.cpu.items():
            cpu[name] += seconds
        return self.peak, cpu


def group_high_water(name):
    """The most memory the student's control group has charged, page cache included (cgroup v1 keeps the mark;
    v2 only since Linux 5.19, as memory.peak), in bytes; None without one."""
    memory = limits.groups(name)[0]
    for mark in (memory / "memory.max_usage_in_bytes", memory / "memory.peak"):
        if mark.exists():
            return int(mark.read_text())
    return None
