"""The classroom server for real: `classroom/hub` (JupyterHub, as `bin/course hub` starts it) serves three
student accounts; each logs in from Chromium, gets their own JupyterLab on chapter 0 and runs it while the others
do. Checked: each student's kernel runs as them, inside their memory- and CPU-capped group, in their own folder;
what one student makes appears in no one else's folder, and one student cannot open another's server. Measured:
time from login to a ready kernel, each student's peak memory and processor time. Also: an idle kernel, then its
idle server, are shut down; the load script (classroom/load.py) runs a class of two.

Needs root (student accounts, servers run as them) and Debian's jupyterhub; skipped without them unless
COURSE_REQUIRE_HUB is set (.ci/run sets it after installing jupyterhub)."""
import json
import os
import pathlib
import pwd
import shutil
import subprocess
import sys
import time

import pytest
import yaml

from browser import browser
from conftest import ROOT, record
from lab_page import error_outputs, output_images, run_all, wait_for_kernel_idle, wait_until_finished

sys.path.insert(0, str(ROOT / "classroom"))
from simulated_class import Hub, UsageByUser, make_accounts, processes_of, remove_accounts  # noqa: E402

STUDENTS = [f"cai-student{n}" for n in (1, 2, 3)]


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
    passwords = make_accounts(STUDENTS)
    yield passwords
    remove_accounts(STUDENTS)


@pytest.fixture(scope="module")
def hub(students, tmp_path_factory):
    assert hub_missing() is None, hub_missing()
    started = Hub(STUDENTS, tmp_path_factory.mktemp("hub-state"), MEMORY_GB=3, CPUS=1)
    yield started
    started.stop()


def log_in(page, base, name, password):
    page.goto(f"{base}/hub/login")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", password)
    page.click("input[type=submit], button[type=submit]")


def kernel_processes(name):
    return [p for p in processes_of(name) if "creativeai.kernel.Main" in " ".join(p.info["cmdline"] or [])]


def group_of(pid):
    return pathlib.Path(f"/proc/{pid}/cgroup").read_text()


@needs_hub
@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.root
@pytest.mark.timeout(1200)  # three students' kernels start in 240 s and finish chapter 0 in 900 s at most
def test_three_students_run_chapter_0_at_once(hub, students):
    base = hub.base
    usage = UsageByUser(STUDENTS)
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
        peaks, cpu = usage.stop()
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
            listening = {c.laddr.port for p in processes_of(name) for c in p.net_connections("tcp") if c.status == "LISTEN"}
            assert 20000 + pwd.getpwnam(name).pw_uid % 10000 in listening, listening  # the student's own port
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

    record("classroom", {"hub_start_seconds": hub.start_seconds, "login_to_ready_kernel_seconds": ready,
                         "run_all_seconds_all_three": ran,
                         "peak_rss_mb_per_student": {n: round(p / 2**20) for n, p in peaks.items()},
                         "cpu_seconds_per_student": {n: round(c, 1) for n, c in cpu.items()}})
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


@pytest.mark.root
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


@pytest.mark.slow
@pytest.mark.timeout(300)
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


@needs_hub
@pytest.mark.slow
@pytest.mark.root
@pytest.mark.timeout(600)
def test_an_idle_kernel_then_its_idle_server_are_shut_down_and_the_files_stay(tmp_path):
    """COURSE_HUB_IDLE_MINUTES at a quarter of a minute: a student starts a kernel and leaves it; the kernel is shut
    down, then the server with nothing left to do stops, and the student's folder is still there."""
    name = "cai-idle1"
    passwords = make_accounts([name])
    hub = Hub([name], tmp_path, MEMORY_GB=3, CPUS=1, IDLE_MINUTES=0.25)
    try:
        session = hub.log_in(name, passwords[name])
        api = f"{hub.base}/user/{name}/api/kernels"
        headers = {"X-XSRFToken": session.cookies.get("_xsrf", path=f"/user/{name}/") or session.cookies.get("_xsrf", "")}
        session.post(api, json={"name": "creative-ai-java"}, headers=headers, timeout=60).raise_for_status()
        assert len(session.get(api, timeout=30).json()) == 1
        began = time.monotonic()
        while session.get(api, timeout=30).json() and time.monotonic() - began < 90:
            time.sleep(1)
        culled = time.monotonic() - began
        assert session.get(api, timeout=30).json() == [], "the idle kernel is still running after 90 s"
        while processes_of(name) and time.monotonic() - began < 240:
            time.sleep(2)
        stopped = time.monotonic() - began
        assert processes_of(name) == [], "the idle server is still running after 4 minutes"
        assert (pathlib.Path(pwd.getpwnam(name).pw_dir) / "creative-ai-java" / "notebooks" / "00-getting-started.ipynb").is_file()
        record("classroom-culling", {"idle_seconds": 15, "kernel_shut_down_after_s": round(culled, 1),
                                     "server_stopped_after_s": round(stopped, 1)})
    finally:
        hub.stop()
        remove_accounts([name])


@needs_hub
@pytest.mark.slow
@pytest.mark.root
@pytest.mark.timeout(300)
def test_the_load_script_runs_a_small_class(tmp_path):
    """classroom/load.py (the class-of-thirty measurement in classroom/README.md) with two students, so that it keeps
    working: both log in, run chapter 0 over their kernels' websockets without an error, and log out."""
    out = tmp_path / "load.json"
    done = subprocess.run(["/usr/bin/python3", str(ROOT / "classroom" / "load.py"), "--students", "2", "--out", str(out)],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    figures = json.loads(out.read_text())
    assert figures["failures"] == 0 and figures["chapter_0_done_s"]["max"] > figures["first_result_s"]["max"] > 0
    with pytest.raises(KeyError):
        pwd.getpwnam("cai-load01")  # the script removes the accounts it made
    record("classroom-load-2", {k: v for k, v in figures.items() if k != "per_student"})
