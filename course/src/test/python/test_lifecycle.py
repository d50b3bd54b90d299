"""The kernel starts and ends reliably: 50 starts in a row, each ready within a stated time; a shutdown ends the
process; a kernel whose front end is killed does not outlive it. Stopping cells is tested in test_interrupts.py."""
import pathlib
import signal
import statistics
import subprocess
import sys
import textwrap
import time

import psutil
import pytest

from conftest import kernel_manager, record, result_text, run, running_kernel, start

STARTS = 50
READY_WITHIN_S = 20.0


@pytest.mark.slow
@pytest.mark.timeout(400)
def test_kernel_starts_fifty_times_in_a_row():
    ready, first_result = [], []
    for _ in range(STARTS):
        km = kernel_manager()
        began = time.monotonic()
        kc = start(km, timeout=READY_WITHIN_S)
        ready.append(time.monotonic() - began)
        reply, out = run(kc, "6 * 7", timeout=READY_WITHIN_S)
        first_result.append(time.monotonic() - began)
        assert result_text(out) == "42"
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    assert max(first_result) < READY_WITHIN_S
    record("kernel-start", {
        "starts": STARTS,
        "ready_median_s": statistics.median(ready), "ready_max_s": max(ready),
        "first_result_median_s": statistics.median(first_result), "first_result_max_s": max(first_result),
    })


def test_shutdown_ends_the_process():
    km = kernel_manager()
    kc = start(km)
    process = psutil.Process(km.provisioner.process.pid)
    run(kc, "int x = 1;")
    kc.stop_channels()
    began = time.monotonic()
    km.request_shutdown()
    process.wait(timeout=10)
    assert time.monotonic() - began < 5
    km.cleanup_resources()


def test_a_kernel_exits_when_the_process_that_started_it_is_killed():
    # A separate Python process starts the kernel (so it is the kernel's JPY_PARENT_PID), sets a cell spinning,
    # prints the kernel's process id, and waits; killing it with SIGKILL is a front end that crashed.
    launcher = subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
        import sys, time
        sys.path.insert(0, %r)
        from conftest import kernel_manager, start
        km = kernel_manager()
        kc = start(km)
        kc.execute("while (true) {}")
        time.sleep(1)
        print(km.provisioner.process.pid, flush=True)
        time.sleep(600)
    """ % str(pathlib.Path(__file__).parent))], stdout=subprocess.PIPE, text=True)
    try:
        kernel_pid = int(launcher.stdout.readline())
        assert psutil.pid_exists(kernel_pid)
        launcher.send_signal(signal.SIGKILL)
        launcher.wait(timeout=10)
        killed = time.monotonic()
        while psutil.pid_exists(kernel_pid) and psutil.Process(kernel_pid).status() != psutil.STATUS_ZOMBIE:
            assert time.monotonic() - killed < 5, "the kernel still runs 5 s after its front end was killed"
            time.sleep(0.1)
        record("orphan-exit", {"seconds": time.monotonic() - killed})
    finally:
        launcher.kill()
