"""Bad messages never stop the kernel: a wrong signature, an unknown type, missing or mistyped fields, text that is not
UTF-8, binary garbage on every socket, a 10 MB cell, 10,000 queued requests and a seeded fuzz of message shapes each
get an error reply or a refusal in the kernel's log, and the kernel answers the next request at once."""
import json
import os
import pathlib
import queue
import random
import socket
import subprocess
import time
import uuid

import pytest
import zmq

from conftest import kernel_manager, run

FUZZ_SEED = int(os.environ.get("COURSE_FUZZ_SEED", "20261206"))


@pytest.fixture(scope="module")
def wired(tmp_path_factory):
    """A kernel whose log (stderr) is kept, a client, and raw sockets to send what no client would."""
    log_path = tmp_path_factory.mktemp("wire") / "kernel.log"
    km = kernel_manager()
    with open(log_path, "w") as log:
        km.start_kernel(env=dict(os.environ), stderr=log)
        kc = km.client()
        kc.start_channels(hb=False)
        kc.wait_for_ready(timeout=60)
        run(kc, "1")  # JShell has started
        context = zmq.Context()
        try:
            yield km, kc, context, log_path
        finally:
            context.destroy(linger=0)
            kc.stop_channels()
            km.shutdown_kernel(now=True)


def raw(context, km, channel, kind=zmq.DEALER):
    sock = context.socket(kind)
    sock.linger = 0
    sock.connect(f"tcp://{km.ip}:{getattr(km, channel + '_port')}")
    return sock


def frames(session, msg_type, content, header=None, signature=None):
    """The wire frames of a message, signed like a client would unless a signature is given."""
    head = header if header is not None else json.dumps(session.msg_header(msg_type), default=str).encode()
    body = content if isinstance(content, bytes) else json.dumps(content).encode()
    parts = [head, b"{}", b"{}", body]
    sig = signature if signature is not None else session.sign(parts)
    return [b"<IDS|MSG>", sig] + parts


def answer(sock, timeout=10):
    """The reply on a raw socket (header, content, parent header), or None when none comes."""
    if not sock.poll(timeout * 1000):
        return None
    parts = sock.recv_multipart()
    at = parts.index(b"<IDS|MSG>")
    return json.loads(parts[at + 2]), json.loads(parts[at + 5]), json.loads(parts[at + 3])


def alive(kc, within=5):
    """The kernel answers kernel_info within a few seconds."""
    started = time.monotonic()
    msg_id = kc.kernel_info()
    while True:
        reply = kc.get_shell_msg(timeout=within)
        if reply["parent_header"].get("msg_id") == msg_id:
            return time.monotonic() - started


def log_text(log_path):
    return log_path.read_text(errors="replace")


BAD_REQUESTS = [
    # (what, message type, content, expected error text)
    ("no code", "execute_request", {"silent": False}, "no 'code'"),
    ("code of the wrong type", "execute_request", {"code": 5}, "'code' is 5, not a string"),
    ("a cursor that is text", "complete_request", {"code": "Math.", "cursor_pos": "end"}, "'cursor_pos'"),
    ("an unknown history access", "history_request", {"hist_access_type": "sideways"}, "not range, tail or search"),
    ("content that is not JSON", "is_complete_request", b"{code: oops", "not JSON"),
    ("content that is not an object", "inspect_request", b"[1, 2]", "not a JSON object"),
    ("text that is not UTF-8", "execute_request", b'{"code": "int a = 1; // \xff\xfe"}', "not UTF-8"),
]


@pytest.mark.parametrize("what,msg_type,content,expected", BAD_REQUESTS, ids=[case[0] for case in BAD_REQUESTS])
def test_a_malformed_request_gets_an_error_reply(wired, what, msg_type, content, expected):
    km, kc, context, _ = wired
    shell = raw(context, km, "shell")
    shell.send_multipart(frames(kc.session, msg_type, content))
    header, reply, _ = answer(shell)
    assert header["msg_type"] == msg_type.replace("_request", "_reply")
    assert reply["status"] == "error" and reply["ename"] == "BadRequest"
    assert expected in reply["evalue"]
    assert alive(kc) < 2


REFUSED = [
    ("a wrong signature", lambda s: frames(s, "execute_request", {"code": "1"}, signature=b"0" * 64), "signature is wrong"),
    ("an unknown type", lambda s: frames(s, "frobnicate_request", {}), "'frobnicate_request' is not a message"),
    ("a header that is not JSON", lambda s: frames(s, "kernel_info_request", {}, header=b"\x00garbage"), "header is not"),
    ("no delimiter", lambda s: [b"just", b"some", b"frames"], "no <IDS|MSG> delimiter"),
    ("too few frames", lambda s: [b"<IDS|MSG>", b"sig", b"{}"], "frames after the delimiter"),
]


@pytest.mark.parametrize("what,make,logged", REFUSED, ids=[case[0] for case in REFUSED])
def test_an_unreadable_message_is_refused_in_the_log(wired, what, make, logged):
    km, kc, context, log_path = wired
    shell = raw(context, km, "shell")
    shell.send_multipart(make(kc.session))
    assert answer(shell, timeout=1) is None
    assert alive(kc) < 2
    deadline = time.monotonic() + 5
    while logged not in log_text(log_path) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert logged in log_text(log_path)


def test_binary_garbage_on_every_socket_and_port(wired):
    km, kc, context, _ = wired
    rng = random.Random(FUZZ_SEED)
    ports = [km.shell_port, km.control_port, km.stdin_port, km.hb_port, km.iopub_port]
    for port in ports:  # not even ZeroMQ: random bytes on a plain TCP connection
        with socket.create_connection((km.ip, port), timeout=5) as plain:
            plain.sendall(rng.randbytes(4096))
    for channel in ("shell", "control", "stdin"):
        sock = raw(context, km, channel)
        for _ in range(20):
            sock.send_multipart([rng.randbytes(rng.randrange(0, 300)) for _ in range(rng.randrange(1, 9))])
    hb = raw(context, km, "hb", zmq.REQ)
    hb.send_multipart([rng.randbytes(50), rng.randbytes(10)])
    assert hb.poll(5000), "the heartbeat did not echo"
    assert len(hb.recv_multipart()) == 2
    assert alive(kc) < 2
    reply, out = run(kc, "6 * 7")
    assert [m["content"]["data"]["text/plain"] for m in out if m["msg_type"] == "execute_result"] == ["42"]


def test_input_ignores_garbage_left_on_stdin(wired):
    km, kc, context, _ = wired
    stray = raw(context, km, "stdin")
    stray.send_multipart([b"left", b"over"])
    time.sleep(0.3)
    msg_id = kc.execute('var line = new java.util.Scanner(System.in).nextLine(); System.out.println("got " + line);',
                        allow_stdin=True)
    request = kc.get_stdin_msg(timeout=20)
    assert request["msg_type"] == "input_request"
    kc.input("ada")
    reply = kc.get_shell_msg(timeout=20)
    assert reply["parent_header"]["msg_id"] == msg_id and reply["content"]["status"] == "ok"


def test_a_cell_waiting_for_input_stops(wired):
    km, kc, _, _ = wired
    msg_id = kc.execute("new java.util.Scanner(System.in).nextLine()", allow_stdin=True)
    kc.get_stdin_msg(timeout=20)
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=10)
    assert reply["parent_header"]["msg_id"] == msg_id and reply["content"]["status"] == "error"
    assert alive(kc) < 2


def test_a_10_mb_cell_is_refused_at_once_with_the_reason(wired):
    _, kc, _, _ = wired
    started = time.monotonic()
    reply, out = run(kc, "int a = 1;\n" + "// filler\n" * 1_000_000, timeout=60)
    assert reply["status"] == "error" and "MB" in reply["evalue"] and "file" in reply["evalue"]
    assert time.monotonic() - started < 10
    assert alive(kc) < 2


def send_cells(kc, shell, cells):
    """Sends every cell before reading a reply; a kernel that stops taking requests in fails this, not hangs it."""
    ids = []
    shell.sndtimeo = 30_000
    for code in cells:
        request = frames(kc.session, "execute_request", {"code": code, "silent": False, "store_history": False})
        ids.append(json.loads(request[2])["msg_id"])
        try:
            shell.send_multipart(request)
        except zmq.Again:
            raise AssertionError(f"the kernel took in {len(ids) - 1} of {len(cells)} requests, then none for 30 s")
    return ids


def statuses_of(shell, ids, timeout=60):
    """Each request's reply status, in the order the replies came."""
    replies = []
    while len(replies) < len(ids):
        header_reply = answer(shell, timeout=timeout)
        assert header_reply is not None, f"{len(replies)} of {len(ids)} answered"
        header, content, parent = header_reply
        replies.append((parent["msg_id"], content["status"]))
    return replies


def test_ten_thousand_queued_cells_after_a_failing_one_are_aborted(wired, tmp_path):
    km, kc, context, _ = wired
    shell = raw(context, km, "shell")
    started = time.monotonic()
    # the first cell fails once all the others are queued behind it ("Run All" on a notebook with an error): it waits
    # until the last one is sent, however long a busy machine takes to send them
    sent = tmp_path / "all-sent"
    first = (f'while (!java.nio.file.Files.exists(java.nio.file.Path.of("{sent}"))) Thread.sleep(10); '
             'Thread.sleep(500); throw new RuntimeException("first");')
    ids = send_cells(kc, shell, [first] + ["6 * 7"] * 9_999)
    sent.touch()
    replies = statuses_of(shell, ids)
    seconds = time.monotonic() - started
    assert [i for i, _ in replies] == ids
    assert [status for _, status in replies] == ["error"] + ["aborted"] * 9_999
    assert seconds < 60, f"10,000 requests took {seconds:.0f} s"
    assert alive(kc) < 2


def test_three_hundred_queued_cells_all_run_in_order(wired):
    km, kc, context, _ = wired
    shell = raw(context, km, "shell")
    started = time.monotonic()
    ids = send_cells(kc, shell, [f"int queued{i} = {i};" for i in range(300)])
    replies = statuses_of(shell, ids)
    seconds = time.monotonic() - started
    assert [i for i, _ in replies] == ids and {status for _, status in replies} == {"ok"}
    while True:  # this client read none of their outputs: drop them, as ZeroMQ drops what a reader leaves too long
        try:
            kc.get_iopub_msg(timeout=0.5)
        except queue.Empty:
            break
    reply, out = run(kc, "queued299")
    assert [m["content"]["data"]["text/plain"] for m in out if m["msg_type"] == "execute_result"] == ["299"]
    assert seconds < 60, f"300 queued cells took {seconds:.0f} s"


TEMPLATES = [
    ("shell", "execute_request", {"code": "int fuzz = 1;", "silent": False, "store_history": True,
                                  "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}),
    ("shell", "complete_request", {"code": "Math.ma", "cursor_pos": 7}),
    ("shell", "inspect_request", {"code": "Math.max", "cursor_pos": 7, "detail_level": 0}),
    ("shell", "is_complete_request", {"code": "int a ="}),
    ("shell", "history_request", {"hist_access_type": "tail", "n": 3, "output": False, "raw": True}),
    ("shell", "kernel_info_request", {}),
    ("shell", "comm_info_request", {"target_name": "jupyter.widget"}),
    ("shell", "comm_msg", {"comm_id": "nothing", "data": {"method": "update", "state": {}}}),
    ("control", "kernel_info_request", {}),
]
ODD_VALUES = [None, 0, -1, 2 ** 63, 1.5, "", "\u0000", "é" * 100, [], {}, [1, "two"], True, {"nested": {"deep": [1]}}]


def mutate(rng, session, channel, msg_type, content):
    """One message shape a client might send by mistake or on purpose."""
    content = json.loads(json.dumps(content))
    header = session.msg_header(msg_type)
    choice = rng.randrange(8)
    if choice == 0 and content:
        content.pop(rng.choice(list(content)))
    elif choice == 1 and content:
        content[rng.choice(list(content))] = rng.choice(ODD_VALUES)
    elif choice == 2:
        content[rng.choice(["extra", "code", "cursor_pos", "comm_id"])] = rng.choice(ODD_VALUES)
    elif choice == 3:
        header[rng.choice(["msg_id", "msg_type", "session", "username", "date", "version"])] = rng.choice(ODD_VALUES)
    elif choice == 4:
        header.pop(rng.choice(["msg_id", "msg_type", "session", "username", "date", "version"]))
    elif choice == 5:
        return channel, frames(session, msg_type, rng.randbytes(rng.randrange(0, 64)))
    elif choice == 6:
        parts = frames(session, msg_type, content)
        cut = rng.randrange(1, len(parts))
        return channel, parts[:cut]
    else:
        header["msg_type"] = rng.choice(["execute_reply", "status", "stream", "input_reply", "comm_open", "x" * 300])
    return channel, frames(session, msg_type, content, header=json.dumps(header, default=str).encode())


def test_seeded_fuzz_of_message_shapes(wired):
    km, kc, context, _ = wired
    rng = random.Random(FUZZ_SEED)
    sockets = {"shell": raw(context, km, "shell"), "control": raw(context, km, "control")}
    slowest = 0.0
    for round_ in range(6):
        for _ in range(50):
            channel, msg_type, content = rng.choice(TEMPLATES)
            channel, parts = mutate(rng, kc.session, channel, msg_type, content)
            sockets[channel].send_multipart(parts)
        slowest = max(slowest, alive(kc, within=10))
        for sock in sockets.values():  # drop the replies
            while sock.poll(0):
                sock.recv_multipart()
    assert km.is_alive()
    assert slowest < 5, f"the kernel took {slowest:.1f} s to answer after a round of fuzz (seed {FUZZ_SEED})"
    reply, out = run(kc, "6 * 7")
    assert reply["status"] == "ok"


def test_a_port_taken_before_the_kernel_binds_it_ends_the_kernel_with_the_reason(tmp_path):
    """The Jupyter server picks a kernel's ports, writes them down and starts the kernel; another program can take
    one in between (seen with thirty students starting at once). The kernel says so in one sentence and exits, so
    that the server starts it again, rather than dying with a stack trace."""
    km = kernel_manager()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        km.connection_file = str(tmp_path / "kernel-taken.json")
        km.write_connection_file()
        info = json.loads(pathlib.Path(km.connection_file).read_text())
        info["control_port"] = taken.getsockname()[1]
        pathlib.Path(km.connection_file).write_text(json.dumps(info))
        argv = [a.replace("{connection_file}", km.connection_file) for a in km.kernel_spec.argv]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60, env={**os.environ, **km.kernel_spec.env})
    assert done.returncode == 1, done.stderr
    assert "cannot listen on the ports" in done.stderr and "Exception" not in done.stderr, done.stderr
