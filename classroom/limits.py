"""Per-student memory and CPU limits through Linux control groups (v1 or v2): each student's server and every
kernel it starts run in a group of their own, so one student's runaway cell is stopped before it slows or starves
the others. The course's kernel reads its group's cap: it stops a cell that takes the group near it, with the
reason; a cell too fast for that is killed by the system, and the kernel that replaces it says why."""
import os
import pathlib

ROOT = pathlib.Path("/sys/fs/cgroup")
PERIOD_US = 100_000


def version():
    """2 for the unified hierarchy, 1 for separate memory and cpu hierarchies, None when neither is writable."""
    if (ROOT / "cgroup.controllers").exists():
        return 2 if os.access(ROOT, os.W_OK) else None
    if os.access(ROOT / "memory", os.W_OK) and os.access(ROOT / "cpu", os.W_OK):
        return 1
    return None


def _write(path, value):
    path.write_text(str(value))


def _enable(subtree_control, controllers):
    """Turns controllers on for a group's children; a host that manages the root group may refuse, harmlessly when
    they are on already."""
    try:
        _write(subtree_control, controllers)
    except OSError:
        enabled = subtree_control.read_text().split() if subtree_control.exists() else []
        if not all(c.lstrip("+") in enabled for c in controllers.split()):
            raise


def groups(user):
    """The student's group folders, made or not: v2's one, or v1's memory and cpu ones (memory first)."""
    name = f"creative-ai-{user}"
    if version() == 2:
        return [ROOT / "creative-ai" / name]
    return [ROOT / "memory" / name, ROOT / "cpu" / name]


def prepare(user, memory_bytes, cpus):
    """Creates (or updates) the student's group with its limits; returns the files a process joins it through."""
    if version() == 2:
        group, = groups(user)
        group.parent.mkdir(exist_ok=True)
        _enable(ROOT / "cgroup.subtree_control", "+memory +cpu")  # systemd hosts have them on already
        _write(group.parent / "cgroup.subtree_control", "+memory +cpu")
        group.mkdir(exist_ok=True)
        _write(group / "memory.max", memory_bytes)
        _write(group / "memory.swap.max", 0)
        _write(group / "cpu.max", f"{int(cpus * PERIOD_US)} {PERIOD_US}")
        return [group / "cgroup.procs"]
    memory, cpu = groups(user)
    memory.mkdir(exist_ok=True)
    cpu.mkdir(exist_ok=True)
    _write(memory / "memory.limit_in_bytes", memory_bytes)
    _write(cpu / "cpu.cfs_period_us", PERIOD_US)
    _write(cpu / "cpu.cfs_quota_us", int(cpus * PERIOD_US))
    return [memory / "cgroup.procs", cpu / "cgroup.procs"]


def join(procs_files):
    """Moves the calling process into the group (children it starts stay there)."""
    for procs in procs_files:
        _write(procs, os.getpid())

