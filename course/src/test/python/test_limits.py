"""The classroom's per-student control groups on both versions of Linux's control groups: the files written for
cgroup v2 (a fake tree: this machine has only v1) and for v1, and that a process joins every group it is given."""
import os

import pytest

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "classroom"))
import limits  # noqa: E402


def test_version_2_caps_memory_swap_and_cpu_under_one_parent(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "ROOT", tmp_path)
    (tmp_path / "cgroup.controllers").write_text("cpuset cpu io memory pids\n")
    (tmp_path / "cgroup.subtree_control").write_text("")
    assert limits.version() == 2
    procs = limits.prepare("ada", 3 * 2**30, 1.5)
    group = tmp_path / "creative-ai" / "creative-ai-ada"
    assert procs == [group / "cgroup.procs"]
    assert (tmp_path / "cgroup.subtree_control").read_text() == "+memory +cpu"
    assert (tmp_path / "creative-ai" / "cgroup.subtree_control").read_text() == "+memory +cpu"
    assert (group / "memory.max").read_text() == str(3 * 2**30)
    assert (group / "memory.swap.max").read_text() == "0"
    assert (group / "cpu.max").read_text() == "150000 100000"


def test_version_2_accepts_a_root_that_refuses_only_when_the_controllers_are_on(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "ROOT", tmp_path)
    (tmp_path / "cgroup.controllers").write_text("cpu memory\n")
    write = limits._write

    def refusing_root(path, value):  # a host that manages the root group (systemd, a container runtime)
        if path == tmp_path / "cgroup.subtree_control":
            raise PermissionError("refused")
        write(path, value)

    monkeypatch.setattr(limits, "_write", refusing_root)
    (tmp_path / "cgroup.subtree_control").write_text("cpu memory pids\n")
    assert limits.prepare("ada", 2**30, 1) == [tmp_path / "creative-ai" / "creative-ai-ada" / "cgroup.procs"]
    (tmp_path / "cgroup.subtree_control").write_text("pids\n")
    with pytest.raises(PermissionError):
        limits.prepare("ada", 2**30, 1)


def test_version_1_caps_memory_and_cpu_in_their_own_hierarchies(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "ROOT", tmp_path)
    (tmp_path / "memory").mkdir()
    (tmp_path / "cpu").mkdir()
    assert limits.version() == 1
    procs = limits.prepare("ada", 2**30, 2)
    assert procs == [tmp_path / "memory" / "creative-ai-ada" / "cgroup.procs",
                     tmp_path / "cpu" / "creative-ai-ada" / "cgroup.procs"]
    assert (tmp_path / "memory" / "creative-ai-ada" / "memory.limit_in_bytes").read_text() == str(2**30)
    assert (tmp_path / "cpu" / "creative-ai-ada" / "cpu.cfs_quota_us").read_text() == "200000"
    limits.join(procs)
    assert all(p.read_text() == str(os.getpid()) for p in procs)
