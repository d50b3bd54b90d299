"""JupyterHub for a class on one machine (started by `bin/course hub`, which sets the COURSE_HUB_* variables).

Students log in with their Unix account (PAM: create them with `adduser`). Each gets a JupyterLab of their own,
run as their account in ~/creative-ai-java, with their own kernel; the built course, its data and its library
are shared read-only. Memory and CPU per student are capped with control groups (see limits.py)."""
import os
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import student_folder  # noqa: E402  (after the path: these live beside this file)
from course_spawner import CourseSpawner  # noqa: E402

COURSE = pathlib.Path(os.environ.get("COURSE_ROOT", HERE.parent)).resolve()
VENV = pathlib.Path(os.environ.get("COURSE_VENV", COURSE / ".venv"))
STATE = pathlib.Path(os.environ.get("COURSE_HUB_STATE", COURSE / ".cache" / "hub"))
SHARED_JUPYTER = COURSE / ".cache" / "hub-jupyter"   # the students' kernelspec: readable by all
SITE_PACKAGES = next((VENV / "lib").glob("python3*/site-packages"))

c = get_config()  # noqa: F821  (JupyterHub's config loader provides it)

c.JupyterHub.bind_url = os.environ.get("COURSE_HUB_URL", "http://:8000")
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("COURSE_HUB_API_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ.get('COURSE_HUB_PROXY_PORT', '8001')}"
c.ConfigurableHTTPProxy.command = [str(COURSE / "course" / "web" / "node_modules" / ".bin" / "configurable-http-proxy")]
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")

c.JupyterHub.authenticator_class = "jupyterhub.auth.PAMAuthenticator"
if os.environ.get("COURSE_HUB_USERS"):
    c.Authenticator.allowed_users = set(os.environ["COURSE_HUB_USERS"].split(","))
if os.environ.get("COURSE_HUB_ADMINS"):
    c.Authenticator.admin_users = set(os.environ["COURSE_HUB_ADMINS"].split(","))

c.JupyterHub.spawner_class = CourseSpawner
c.CourseSpawner.course_root = str(COURSE)
c.CourseSpawner.memory_limit_bytes = int(float(os.environ.get("COURSE_HUB_MEMORY_GB", "3")) * 2**30)
c.CourseSpawner.cpu_limit_cores = float(os.environ.get("COURSE_HUB_CPUS", "1"))
# The single-user server: JupyterHub's, run by the Python it is installed for, with the course's JupyterLab first
c.Spawner.cmd = [os.environ.get("COURSE_HUB_PYTHON", sys.executable), "-m", "jupyterhub.singleuser"]
c.Spawner.default_url = "/lab/tree/00-getting-started.ipynb"
c.Spawner.environment = {
    "PYTHONPATH": str(SITE_PACKAGES),
    "JUPYTERLAB_DIR": str(VENV / "share" / "jupyter" / "lab"),
    "JUPYTER_PATH": f"{SHARED_JUPYTER}:{VENV / 'share' / 'jupyter'}",
    "PATH": f"{VENV / 'bin'}:/usr/local/bin:/usr/bin:/bin",
}
# Idle students give their memory back: a kernel idle for COURSE_HUB_IDLE_MINUTES (60) is shut down, open tab or
# not, and a server with no activity (no kernels, no open tabs) for that long stops; the student's files stay. The
# kernels are looked at every minute, or more often for a shorter time (the server checks itself every minute).
IDLE_SECONDS = int(float(os.environ.get("COURSE_HUB_IDLE_MINUTES", "60")) * 60)
c.Spawner.args = [f"--MappingKernelManager.cull_idle_timeout={IDLE_SECONDS}",
                  f"--MappingKernelManager.cull_interval={min(60, max(5, IDLE_SECONDS // 3))}",
                  "--MappingKernelManager.cull_connected=True",
                  f"--ServerApp.shutdown_no_activity_timeout={IDLE_SECONDS}",
                  # a class that starts together shares the processor: thirty kernels starting at once on 2 cores
                  # took over 2 minutes to answer (the default gives up after 60 s and JupyterLab shows an error)
                  "--MappingKernelManager.kernel_info_timeout=300",
                  # the ports a server picks for a kernel are free when picked, not when the kernel binds them a
                  # minute later under load; one taken meanwhile ends the kernel, and a kernel that ran over 10 s
                  # (the default) is restarted on the same ports, for ever: new ports while it is still starting
                  "--KernelRestarter.stable_start_time=300"]
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90


STATE.mkdir(parents=True, exist_ok=True)
STATE.chmod(0o700)
student_folder.kernelspec(COURSE, SHARED_JUPYTER)
for path in (SHARED_JUPYTER, *SHARED_JUPYTER.rglob("*")):
    path.chmod(0o755 if path.is_dir() else 0o644)
