"""Output floods: a cell that prints a million lines or shows thousands of images keeps the kernel responsive and
within the rates at which a Jupyter server stops relaying output (1,000 messages and 1 MB of stream text a second,
averaged over 3 s: jupyter_server's iopub_msg_rate_limit, iopub_data_rate_limit, rate_limit_window), and can be
stopped. The numbers are recorded in course/target/measurements/floods.json."""
import queue
import time

from conftest import record, running_kernel

SERVER_MESSAGES_PER_S = 1000
SERVER_STREAM_BYTES_PER_S = 1_000_000
WINDOW_S = 3.0
UNCOUNTED = {"status", "comm_open", "execute_input"}  # the server does not count these


def collect(kc, msg_id, timeout=120, interrupt_after=None, km=None):
    """The request's iopub messages with their arrival times, and its reply; interrupts once when asked."""
    started = time.monotonic()
    arrivals = []
    interrupted = False
    while True:
        if interrupt_after is not None and not interrupted and time.monotonic() - started > interrupt_after:
            km.interrupt_kernel()
            interrupted = True
        assert time.monotonic() - started < timeout, f"no end of the cell within {timeout} s"
        try:
            msg = kc.get_iopub_msg(timeout=0.2)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        arrivals.append((time.monotonic() - started, msg))
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    return reply["content"], arrivals


def peak_rates(arrivals):
    """The highest message rate and stream byte rate over any 3 s window, counted as the server counts them."""
    counted = [(t, m) for t, m in arrivals if m["msg_type"] not in UNCOUNTED]
    peak_messages = peak_bytes = 0.0
    start = 0
    for end in range(len(counted)):
        while counted[end][0] - counted[start][0] > WINDOW_S:
            start += 1
        window = counted[start:end + 1]
        peak_messages = max(peak_messages, len(window) / WINDOW_S)
        peak_bytes = max(peak_bytes, sum(len(m["content"].get("text", "").encode()) for _, m in window
                                         if m["msg_type"] == "stream") / WINDOW_S)
    return peak_messages, peak_bytes


def stream_text(arrivals):
    return "".join(m["content"]["text"] for _, m in arrivals if m["msg_type"] == "stream")


def test_a_million_lines_finish_quickly_within_the_server_rates_and_end_with_a_notice():
    with running_kernel() as (km, kc):
        started = time.monotonic()
        msg_id = kc.execute('for (int i = 0; i < 1_000_000; i++) System.out.println("line " + i);')
        reply, arrivals = collect(kc, msg_id)
        seconds = time.monotonic() - started
        text = stream_text(arrivals)
        messages, stream_bytes = peak_rates(arrivals)
        record("floods_lines", {"lines": 1_000_000, "seconds": round(seconds, 1), "messages": len(arrivals),
                                "bytes_shown": len(text.encode()), "peak_messages_per_s": round(messages),
                                "peak_stream_bytes_per_s": round(stream_bytes)})
        assert reply["status"] == "ok"
        assert text.startswith("line 0\nline 1\n")
        assert "line 999999\n" in text.splitlines(keepends=True)[-1] or text.endswith("line 999999\n")
        assert "more lines" in text and "not shown" in text
        assert len(text.encode()) < 1_100_000
        assert messages < SERVER_MESSAGES_PER_S and stream_bytes < SERVER_STREAM_BYTES_PER_S, (messages, stream_bytes)
        assert seconds < 30, f"a million lines took {seconds:.0f} s"


def test_endless_printing_stops_at_once_and_the_next_cell_runs():
    with running_kernel() as (km, kc):
        msg_id = kc.execute('long i = 0; while (true) System.out.println("again " + i++);')
        reply, arrivals = collect(kc, msg_id, interrupt_after=2.0, km=km)
        stopped_at = arrivals[-1][0]
        assert reply["status"] == "error"
        assert stopped_at < 2.0 + 5.0, f"the cell ended {stopped_at - 2:.1f} s after the stop"
        msg_id = kc.execute("6 * 7")
        reply, arrivals = collect(kc, msg_id, timeout=30)
        assert [m["content"]["data"]["text/plain"] for _, m in arrivals if m["msg_type"] == "execute_result"] == ["42"]


IMAGES = """
var image = new java.awt.image.BufferedImage(32, 32, java.awt.image.BufferedImage.TYPE_INT_RGB);
for (int i = 0; i < %d; i++) {
    image.setRGB(i %% 32, (i / 32) %% 32, 0xffffff);
    display(image);
}
"""


def test_thousands_of_images_all_arrive_within_the_server_rates():
    with running_kernel() as (km, kc):
        started = time.monotonic()
        msg_id = kc.execute(IMAGES % 3000)
        reply, arrivals = collect(kc, msg_id)
        seconds = time.monotonic() - started
        shown = [m for _, m in arrivals if m["msg_type"] == "display_data"]
        messages, _ = peak_rates(arrivals)
        record("floods_images", {"images": 3000, "seconds": round(seconds, 1), "peak_messages_per_s": round(messages)})
        assert reply["status"] == "ok"
        assert len(shown) == 3000 and all("image/png" in m["content"]["data"] for m in shown)
        assert messages < SERVER_MESSAGES_PER_S, messages
        assert seconds < 60


def test_a_flood_of_images_stops_and_the_kernel_answers_at_once():
    with running_kernel() as (km, kc):
        msg_id = kc.execute(IMAGES % 1_000_000)
        reply, arrivals = collect(kc, msg_id, interrupt_after=3.0, km=km)
        assert reply["status"] == "error"
        assert arrivals[-1][0] < 3.0 + 5.0
        started = time.monotonic()
        kc.kernel_info()
        kc.get_shell_msg(timeout=10)
        assert time.monotonic() - started < 2
