"""Every way a cell can be stopped, on the JDK that built the course and on the newest one installed (21 or later,
where Thread.stop is gone): a busy loop, a sleep, a DL4J training loop, a large cell still compiling, a %maven
waiting on a repository that never answers, and a timeout that falls between two statements. Each returns to idle
within 2 s and the next cell runs, 20 times in a row. Code that truly cannot be stopped says so in the cell's output
and a restart recovers the kernel."""
import http.server
import json
import os
import pathlib
import statistics
import threading
import time

import pytest

from conftest import (KERNEL_NAME, KERNELSPEC_DIR, java_feature, kernelspec_on, newer_jdks, of_type, record,
                      result_text, run, running_kernel)

TIMES = 20
IDLE_WITHIN_S = 2.0
LARGE_CELL = "".join(f"int v{i} = {i};\n" for i in range(600))
DL4J_NET = """
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
long spins = 0;
int[] tokens = new java.util.Random(1).ints(20_000, 0, 30).toArray();
var windows = new creativeai.sequence.TokenWindows(tokens, 30, 40);
var lstm = creativeai.sequence.TokenLstm.network(30, creativeai.sequence.TokenLstm.options().hidden(32).layers(1).tbptt(40).learningRate(1e-2).seed(1));
"""


def built_java_home():
    argv = json.loads((KERNELSPEC_DIR / KERNEL_NAME / "kernel.json").read_text())["argv"]
    return pathlib.Path(argv[0]).parent.parent


@pytest.fixture(scope="module", params=["built", "newest"])
def jdk(request):
    """(feature release, kernelspec directory) of each JDK the suite runs on."""
    if request.param == "built":
        return java_feature(built_java_home()), KERNELSPEC_DIR
    homes = newer_jdks()
    if not homes:
        if os.environ.get("COURSE_REQUIRE_NEWER_JDK"):
            pytest.fail("no JDK 21 or later found (set COURSE_TEST_JDKS to its home)")
        pytest.skip("no JDK 21 or later found (set COURSE_TEST_JDKS to its home)")
    return java_feature(homes[0]), kernelspec_on(homes[0])


@pytest.fixture(scope="module")
def silent_repository():
    """A Maven repository that accepts connections and never answers: %maven waits on it until stopped. Yields its
    URL and an event set when a request arrives (the %maven cell is then waiting)."""
    asked = threading.Event()

    class NeverAnswers(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            asked.set()
            time.sleep(300)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NeverAnswers)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", asked
    server.shutdown()


STARTED = 'System.out.println("started");\n'


def printed_started(kc, msg_id):
    """Waits until the cell has printed "started": its code is running (what follows the print is what gets stopped)."""
    def wait():
        while True:
            msg = kc.get_iopub_msg(timeout=30)
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream"
                    and "started" in msg["content"]["text"]):
                return
    return wait


def shell_reply(kc, msg_id, timeout):
    """The reply to msg_id (a late reply to the start-up's kernel_info requests may come first)."""
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def stop_and_time(kc, code, stop, ename="CellInterruptedException", started=None):
    """Runs code, calls stop() once started(kc, msg_id) has returned (by default once the cell printed "started"),
    returns seconds from the stop to idle."""
    msg_id = kc.execute(code)
    (started or printed_started)(kc, msg_id)()
    began = time.monotonic()
    if stop:
        stop()
    while True:  # a cell that keeps drawing (a progress bar) never lets the wait for a message time out
        assert time.monotonic() - began < IDLE_WITHIN_S + 10, f"still busy {IDLE_WITHIN_S + 10} s after the stop: {code[:80]}"
        msg = kc.get_iopub_msg(timeout=IDLE_WITHIN_S + 10)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            latency = time.monotonic() - began
            break
    reply = shell_reply(kc, msg_id, timeout=5)
    assert reply["content"]["status"] == "error", reply["content"]
    assert reply["content"]["ename"] == ename, reply["content"]
    return latency


@pytest.mark.slow
@pytest.mark.timeout(400)
def test_every_stop_returns_to_idle_and_the_next_cell_runs(jdk, silent_repository):
    feature, spec_dir = jdk
    repository, asked = silent_repository
    scenarios = {
        "busy loop": STARTED + "while (true) { spins++; }",
        "sleep": STARTED + "Thread.sleep(60_000);",
        "dl4j fit loop": STARTED + "while (true) { net.fit(x, x); }",
        "course Trainer (library loop)": STARTED + "new creativeai.sequence.Trainer(\"endless\", lstm)"
                                         ".budget(creativeai.training.Budget.seconds(600)).batchSize(16).train(windows, windows.first(8));",
        "large cell compiling": STARTED + LARGE_CELL,
        "%maven waiting": "%maven org.example.never:served:1.0\nint afterMaven = 1;",
        "%%time of a busy loop": "%%time\n" + STARTED + "while (true) { spins++; }",
    }
    asked_the_repository = lambda kc, msg_id: lambda: asked.wait(30) or pytest.fail("%maven never asked the repository")
    env = {"COURSE_MAVEN_REPOSITORY": repository}
    measured = {}
    with running_kernel(env, spec_dir) as (km, kc):
        reply, _ = run(kc, DL4J_NET, timeout=120)
        assert reply["status"] == "ok", reply
        for name, code in scenarios.items():
            latencies = []
            for attempt in range(TIMES):
                asked.clear()
                started = asked_the_repository if code.startswith("%maven") else None
                latencies.append(stop_and_time(kc, code, km.interrupt_kernel, started=started))
                reply, out = run(kc, "spins >= 0")
                assert result_text(out) == "true", (name, attempt, out)
            assert max(latencies) < IDLE_WITHIN_S, (name, latencies)
            measured[name] = {"median_s": statistics.median(latencies), "max_s": max(latencies)}
        reply, _ = run(kc, "v599")
        assert reply["status"] == "error", "the large cell's last statement ran although it was stopped"
        reply, _ = run(kc, "afterMaven")
        assert reply["status"] == "error", "the statement after a stopped %maven ran"
    record(f"interrupt-jdk{feature}", {"times_each": TIMES, "java": feature, "scenarios": measured})


@pytest.mark.slow
@pytest.mark.timeout(200)
def test_a_timeout_stops_a_cell_wherever_it_is(jdk):
    feature, spec_dir = jdk
    with running_kernel({"COURSE_EVAL_TIMEOUT": "1"}, spec_dir) as (km, kc):
        run(kc, "int warm = 1;")  # JShell has started and compiled once
        latencies = {"busy loop": [], "between statements": []}
        for _ in range(TIMES // 2):
            for name, code in (("busy loop", "while (true) { }"), ("between statements", LARGE_CELL)):
                msg_id = kc.execute(code)
                began = time.monotonic()
                reply = shell_reply(kc, msg_id, timeout=10)
                latencies[name].append(time.monotonic() - began - 1.0)
                assert reply["content"]["status"] == "error"
                assert "evaluation timeout" in reply["content"]["evalue"], reply["content"]
                reply, out = run(kc, "1 + 1")
                assert result_text(out) == "2"
        for name, values in latencies.items():
            assert max(values) < IDLE_WITHIN_S, (name, values)
    record(f"timeout-jdk{feature}", {name: {"median_s": statistics.median(v), "max_s": max(v)}
                                      for name, v in latencies.items()})


def test_code_that_cannot_be_stopped_says_so_and_a_restart_recovers(jdk):
    """A sum of 2^63 numbers runs inside the JDK, which never checks for stop requests, in a loop the JIT compiles
    without safepoints (so even JDK 17's Thread.stop waits): the cell's output names the call and offers the
    restart, and a restart recovers the kernel."""
    feature, spec_dir = jdk
    with running_kernel(None, spec_dir) as (km, kc):
        run(kc, "int warm = 1;")
        msg_id = kc.execute(STARTED + "java.util.stream.LongStream.range(0, Long.MAX_VALUE).sum()")
        printed_started(kc, msg_id)()  # the sum has begun (a stop while the cell compiles would end it before it runs)
        time.sleep(0.3)  # and is inside the JDK's loop, past the call into it
        km.interrupt_kernel()
        began = time.monotonic()
        while True:
            msg = kc.get_iopub_msg(timeout=10)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                assert feature < 20, ("only Thread.stop (JDK 17-19) can end this call", shell_reply(kc, msg_id, 5)["content"])
                assert time.monotonic() - began < IDLE_WITHIN_S
                return
            if msg["msg_type"] == "stream" and "did not stop" in msg["content"]["text"]:
                notice = msg["content"]["text"]
                break
        assert time.monotonic() - began < 3
        assert "LongPipeline.sum" in notice and "restart the kernel" in notice, notice
        km.restart_kernel(now=True)
        kc.wait_for_ready(timeout=60)
        reply, out = run(kc, "6 * 7")
        assert result_text(out) == "42"


def test_a_stop_while_the_kernel_starts_ends_the_first_cell(jdk):
    """The first cell waits for JShell to start; a stop request in that time is not lost."""
    feature, spec_dir = jdk
    with running_kernel(None, spec_dir) as (km, kc):
        soon = lambda kc, msg_id: lambda: time.sleep(0.05)  # deliberately early: JShell has not started yet
        latency = stop_and_time(kc, "while (true) { }", km.interrupt_kernel, started=soon)
        assert latency < 10, "the first cell ends as soon as the kernel has started"
        reply, out = run(kc, "6 * 7")
        assert result_text(out) == "42"
