"""The classroom server for real: `classroom/hub` (JupyterHub, as `bin/course hub` starts it) serves three
student accounts; each logs in from Chromium, gets their own JupyterLab on chapter 0 and runs it while the others
do. Checked: each student's kernel runs as them, inside their memory- and CPU-capped group, in their own folder;
what one student makes appears in no one else's folder, and one student cannot open another's server. Measured:
time from login to a ready kernel, and each student's peak memory.

Needs root (student accounts, servers run as them) and Debian's jupyterhub; skipped without them unless
COURSE_REQUIRE_HUB is set (.ci/run sets it after installing jupyterhub)."""
import json
import os
import pathlib
import pwd
import secrets
import shutil
import subprocess
import sys
import threading
import time

import psutil
import pytest
import yaml

from browser import browser
from conftest import ROOT, record
from lab_page import error_outputs, output_images, run_all, wait_for_kernel_idle, wait_until_finished
from lab_server import free_port, stop, wait_for_http

STUDENTS = [f"cai-student{n}" for n in (1, 2, 3)]
HUB = ROOT / "classroom" / "hub"


def hub_missing():
    if os.geteuid() != 0:
        return "the classroom server needs root"
    if subprocess.run(["/usr/bin/python3", "-c", "import jupyterhub"], capture_output=True).returncode != 0:
        return "jupyterhub is not installed (apt-get install jupyterhub)"
    return None


needs_hub = pytest.mark.skipif(hub_missing() is not None and not os.environ.get("COURSE_REQUIRE_HUB"),
                               reason=str(hub_missing()))


@pytest.fixture(scope="module")
def students():
    passwords = {}
    for name in STUDENTS:
        subprocess.run(["userdel", "-r", name], capture_output=True)
        subprocess.run(["useradd", "-m", "-s", "/bin/bash", name], check=True)
        passwords[name] = secrets.token_urlsafe(12)
        subprocess.run(["chpasswd"], input=f"{name}:{passwords[name]}", text=True, check=True)
    yield passwords
    for name in STUDENTS:
        subprocess.run(["pkill", "-u", name], capture_output=True)
        time.sleep(0.5)
        subprocess.run(["userdel", "-r", name], capture_output=True)


@pytest.fixture(scope="module")
def hub(students, tmp_path_factory):
    assert hub_missing() is None, hub_missing()
    state = tmp_path_factory.mktemp("hub-state")
    port = free_port()
    env = {**os.environ, "COURSE_HUB_URL": f"http://127.0.0.1:{port}", "COURSE_HUB_API_PORT": str(free_port()),
           "COURSE_HUB_PROXY_PORT": str(free_port()), "COURSE_HUB_STATE": str(state),
           "COURSE_HUB_USERS": ",".join(STUDENTS), "COURSE_HUB_MEMORY_GB": "3", "COURSE_HUB_CPUS": "1"}
    log = open(state / "hub.log", "w")
    began = time.monotonic()
    server = subprocess.Popen([str(HUB)], env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    wait_for_http(f"{base}/hub/login", server, state / "hub.log", "the hub", timeout=120)
    yield base, time.monotonic() - began, state
    stop(server)
    log.close()


class MemoryByUser:
    """Each account's peak resident memory (all its processes together), sampled twice a second."""

    def __init__(self, names):
        self.uids = {pwd.getpwnam(n).pw_uid: n for n in names}
        self.peak = {n: 0 for n in names}
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self.done.wait(0.5):
            now = dict.fromkeys(self.peak, 0)
            for process in psutil.process_iter(["uids", "memory_info"]):
                try:
                    name = self.uids.get(process.info["uids"].real)
                    if name:
                        now[name] += process.info["memory_info"].rss
                except (psutil.Error, TypeError, AttributeError):
                    continue
            for name, rss in now.items():
                self.peak[name] = max(self.peak[name], rss)

    def stop(self):
        self.done.set()
        self.thread.join()
        return self.peak


def log_in(page, base, name, password):
    page.goto(f"{base}/hub/login")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", password)
    page.click("input[type=submit], button[type=submit]")


def kernel_processes(name):
    uid = pwd.getpwnam(name).pw_uid
    return [p for p in psutil.process_iter(["uids", "cmdline"])
            if p.info["uids"] and p.info["uids"].real == uid and "creativeai.kernel.Main" in " ".join(p.info["cmdline"] or [])]


def group_of(pid):
    return pathlib.Path(f"/proc/{pid}/cgroup").read_text()


@needs_hub
def test_three_students_run_chapter_0_at_once(hub, students):
    base, hub_start, state = hub
    memory = MemoryByUser(STUDENTS)
    with browser(viewport=(1400, 1000)) as new_page:
        pages, ready = {}, {}
        began = time.monotonic()
        for name in STUDENTS:
            pages[name] = new_page()
            log_in(pages[name], base, name, students[name])
        for name, page in pages.items():
            wait_for_kernel_idle(page, timeout=240)
            ready[name] = time.monotonic() - began
        for page in pages.values():
            run_all(page)
        wait_until_finished(pages.values(), timeout=900)
        ran = time.monotonic() - began - max(ready.values())
        peaks = memory.stop()
        for name, page in pages.items():
            page.screenshot(f"hub-{name}")
            assert error_outputs(page) == [], (name, error_outputs(page))
            widths = output_images(page)
            assert widths and all(w > 0 for w in widths), (name, widths)
            assert page.locator(".jp-OutputArea-output audio").count() >= 1

        # each kernel: the student's own account, folder and capped group
        for name in STUDENTS:
            kernels = kernel_processes(name)
            assert len(kernels) == 1, (name, kernels)
            environ = kernels[0].environ()
            home = pathlib.Path(pwd.getpwnam(name).pw_dir) / "creative-ai-java"
            assert environ["COURSE_HOME"] == str(home)
            assert f"creative-ai-{name}" in group_of(kernels[0].pid)
            assert (home.stat().st_mode & 0o077) == 0 and home.stat().st_uid == pwd.getpwnam(name).pw_uid

        # what one student makes stays theirs: a file saved through student 1's JupyterLab
        first, second = STUDENTS[0], STUDENTS[1]
        status = pages[first].evaluate("""async user => {
            const xsrf = document.cookie.split('; ').find(c => c.startsWith('_xsrf='));
            const r = await fetch(`/user/${user}/api/contents/mine.txt`, {method: 'PUT', headers: {'Content-Type': 'application/json',
                'X-XSRFToken': xsrf ? xsrf.split('=')[1] : ''}, body: JSON.stringify({type: 'file', format: 'text', content: 'student 1'})});
            return r.status; }""", first)
        assert status in (200, 201), status
        homes = {n: pathlib.Path(pwd.getpwnam(n).pw_dir) / "creative-ai-java" for n in STUDENTS}
        assert (homes[first] / "notebooks" / "mine.txt").read_text() == "student 1"
        assert not any((homes[n] / "notebooks" / "mine.txt").exists() for n in STUDENTS[1:])
        peek = subprocess.run(["su", second, "-c", f"ls {homes[first]}"], capture_output=True, text=True)
        assert peek.returncode != 0 and "Permission denied" in peek.stderr, peek
        response = pages[second].goto(f"{base}/user/{first}/api/contents/mine.txt")
        assert response.status in (403, 404) or f"/user/{second}/" in pages[second].url, (response.status, pages[second].url)
        assert "student 1" not in pages[second].content()

    record("classroom", {"hub_start_seconds": hub_start, "login_to_ready_kernel_seconds": ready,
                         "run_all_seconds_all_three": ran,
                         "peak_rss_mb_per_student": {n: round(p / 2**20) for n, p in peaks.items()}})
    assert all(p < 3 * 2**30 for p in peaks.values()), peaks


def test_zero_to_jupyterhub_values_ask_for_what_a_kernel_uses():
    values = yaml.safe_load((ROOT / "classroom" / "z2jh-values.yaml").read_text())
    single = values["singleuser"]
    kernel = json.loads((ROOT / "course" / "target" / "kernelspec" / "creative-ai-java" / "kernel.json").read_text())
    most = sum(int(a.split("=")[1].rstrip("m")) for a in kernel["argv"]
               if a.startswith("-Dorg.bytedeco.javacpp.maxphysicalbytes="))  # heap + off-heap: the process limit
    limit_mb = int(single["memory"]["limit"].rstrip("G")) * 1024
    assert limit_mb >= most + 512, (limit_mb, most)  # the kernel's whole budget plus JupyterLab itself
    command = single["lifecycleHooks"]["postStart"]["exec"]["command"]
    assert command[1] == "/srv/course/classroom/student_folder.py" and (ROOT / "classroom" / "student_folder.py").exists()
    assert single["image"]["name"] and single["storage"]["capacity"]


@pytest.mark.skipif(os.geteuid() != 0, reason="makes a throwaway user account")
def test_start_hook_makes_a_working_folder_for_a_user_with_an_empty_home(tmp_path):
    """The Z2JH start hook, run as a fresh account against this course: the folder, the links, the kernelspec
    with the student's settings, and a kernel that starts from it and reads the course data."""
    name = "cai-hook-test"
    subprocess.run(["userdel", "-r", name], capture_output=True)
    subprocess.run(["useradd", "-m", name], check=True)
    try:
        home = pathlib.Path(pwd.getpwnam(name).pw_dir)
        done = subprocess.run(["su", name, "-c", f"python3 {ROOT}/classroom/student_folder.py {ROOT} ~/creative-ai-java"],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        folder = home / "creative-ai-java"
        assert (folder / "notebooks" / "00-getting-started.ipynb").is_file() and (folder / "datasets").is_symlink()
        spec = json.loads((home / ".local/share/jupyter/kernels/creative-ai-java/kernel.json").read_text())
        assert spec["env"]["COURSE_HOME"] == str(folder)
        # the kernel's Java, as that user, with the spec's settings: loads ND4J from the shared natives
        java = spec["argv"][0]
        classpath = spec["argv"][spec["argv"].index("-cp") + 1]
        env = " ".join(f"{k}='{v}'" for k, v in spec["env"].items())
        ran = subprocess.run(["su", name, "-c", f"cd ~ && env {env} {java} -cp '{classpath}' creativeai.backend.Backend"],
                             capture_output=True, text=True, timeout=120)
        assert ran.returncode == 0 and "backend: CPU" in ran.stdout, ran.stdout + ran.stderr
        unpacked = sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(folder / ".cache") for f in files
                       if not os.path.islink(os.path.join(d, f)))  # os.walk does not follow the links into the shared cache
        assert unpacked < 2**20, f"the student's cache unpacked {unpacked} bytes: the shared natives were not used"
    finally:
        subprocess.run(["userdel", "-r", name], capture_output=True)


def test_image_setup_script_runs_with_an_empty_home(tmp_path):
    """binder/postBuild, which repo2docker runs to build the Binder and Zero to JupyterHub image, on a copy of the
    course with an empty HOME and the Python environment already active (as in the image)."""
    copy, home = tmp_path / "course", tmp_path / "home"
    home.mkdir()
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    venv_bin = str(pathlib.Path(sys.executable).parent)
    env = {**os.environ, "HOME": str(home), "PATH": f"{venv_bin}:{os.environ['PATH']}",
           "COURSE_DATA": str(ROOT / ".cache" / "datasets")}  # the data a first setup fetched: no second download
    env.pop("JUPYTER_PATH", None)
    done = subprocess.run(["binder/postBuild"], cwd=copy, env=env, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    spec = json.loads((home / ".local/share/jupyter/kernels/creative-ai-java/kernel.json").read_text())
    assert spec["env"]["COURSE_HOME"] == str(copy) and str(copy) in " ".join(spec["argv"])
    assert "backend: CPU" in done.stdout
    unpacked = list((copy / ".cache" / "javacpp").glob("*/org/bytedeco/**/*.so*"))
    assert unpacked, "the natives were not unpacked into the course's cache"
