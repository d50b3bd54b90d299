"""The kernel starts reliably and stops running cells: 50 starts in a row, each ready within a stated time;
10 interrupts of a busy loop, each back to idle within 2 s; a timeout that stops a runaway cell; and a kernel
whose front end is killed does not outlive it."""
import pathlib
import signal
import statistics
import subprocess
import sys
import textwrap
import time

import psutil

from conftest import kernel_manager, record, result_text, run, running_kernel, start

STARTS = 50
READY_WITHIN_S = 20.0
INTERRUPTS = 10
IDLE_WITHIN_S = 2.0


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


def interrupt_and_time(km, kc, code):
    msg_id = kc.execute(code)
    time.sleep(0.5)
    began = time.monotonic()
    km.interrupt_kernel()
    while True:
        msg = kc.get_iopub_msg(timeout=IDLE_WITHIN_S + 5)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            latency = time.monotonic() - began
            break
    reply = kc.get_shell_msg(timeout=5)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "CellInterruptedException"
    return latency


def test_interrupt_returns_to_idle_and_the_next_cell_runs():
    with running_kernel() as (km, kc):
        run(kc, "long spins = 0;")
        latencies = [interrupt_and_time(km, kc, "while (true) { spins++; }") for _ in range(INTERRUPTS)]
        latencies.append(interrupt_and_time(km, kc, "Thread.sleep(60_000);"))
        assert max(latencies) < IDLE_WITHIN_S, latencies
        reply, out = run(kc, "spins > 0")
        assert result_text(out) == "true"
        record("interrupt", {"interrupts": len(latencies), "median_s": statistics.median(latencies),
                             "max_s": max(latencies)})


def test_interrupt_stops_a_dl4j_training_loop():
    with running_kernel() as (km, kc):
        reply, _ = run(kc, """
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.*;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
var conf = new NeuralNetConfiguration.Builder().seed(1).list()
    .layer(new DenseLayer.Builder().nIn(64).nOut(256).build())
    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(256).nOut(64).build())
    .build();
var net = new MultiLayerNetwork(conf);
net.init();
var x = Nd4j.rand(256, 64);
""", timeout=120)
        assert reply["status"] == "ok", reply
        latency = interrupt_and_time(km, kc, "while (true) { net.fit(x, x); }")
        assert latency < IDLE_WITHIN_S
        reply, out = run(kc, "net.output(x).rows()")
        assert result_text(out) == "256"
        rss = psutil.Process(km.provisioner.process.pid).memory_info().rss
        record("dl4j-interrupt", {"latency_s": latency, "rss_mb_after_fit": rss / 2**20})


def test_evaluation_timeout_stops_a_runaway_cell():
    with running_kernel({"COURSE_EVAL_TIMEOUT": "2"}) as (km, kc):
        began = time.monotonic()
        reply, _ = run(kc, "while (true) { }", timeout=30)
        assert time.monotonic() - began < 6
        assert reply["status"] == "error"
        assert "evaluation timeout" in reply["evalue"]
        reply, out = run(kc, "1 + 1")
        assert result_text(out) == "2"


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
