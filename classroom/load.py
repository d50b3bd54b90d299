"""A class of N students on one classroom server, simulated on loopback: each logs in to `classroom/hub` with a
password, gets their JupyterLab, starts a kernel, runs chapter 0's code cells in order over the kernel's websocket
(as JupyterLab does), and logs out; all start within the first seconds. Measured per student: time from login to
their JupyterLab, to the first result of chapter 0 and to its end; failures (an error output, a lost connection, a
server that did not start); the peak memory of their processes, and of their control group with its page cache;
the processor time their processes used.
Prints the figures and writes them as JSON.

Run as root, with Debian's jupyterhub, after `bin/course setup`:

    /usr/bin/python3 classroom/load.py --students 30 --out course/target/measurements/classroom-load.json

It makes accounts cai-load01..NN (removed at the end) and a hub on free ports with its own state folder."""
import argparse
import asyncio
import json
import os
import pathlib
import statistics
import sys
import tempfile
import threading
import time
import uuid

import psutil
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

from simulated_class import Hub, UsageByUser, group_high_water, make_accounts, remove_accounts

ROOT = pathlib.Path(__file__).resolve().parents[1]
CHAPTER = ROOT / "notebooks" / "00-getting-started.ipynb"


def code_cells():
    notebook = json.loads(CHAPTER.read_text())
    return ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code"]


async def run_cells(base, name, session, cells, result):
    """Starts a kernel through the student's server and runs the cells one by one over its websocket."""
    xsrf = session.cookies.get("_xsrf", path=f"/user/{name}/") or session.cookies.get("_xsrf", "")
    headers = {"X-XSRFToken": xsrf} if xsrf else {}
    kernel = session.post(f"{base}/user/{name}/api/kernels", json={"name": "creative-ai-java"}, headers=headers, timeout=60)
    kernel.raise_for_status()
    kernel_id = kernel.json()["id"]
    cookie = "; ".join(f"{c.name}={c.value}" for c in session.cookies)
    url = f"{base.replace('http', 'ws')}/user/{name}/api/kernels/{kernel_id}/channels?session_id={uuid.uuid4()}"
    # a browser waits as long as the server does for a kernel that is slow to start (kernel_info_timeout)
    socket_ = await websocket_connect(HTTPRequest(url, headers={"Cookie": cookie, "X-XSRFToken": xsrf},
                                                  request_timeout=600))
    try:
        for index, code in enumerate(cells):
            msg_id = uuid.uuid4().hex
            await socket_.write_message(json.dumps({
                "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": name, "session": msg_id,
                           "date": "", "version": "5.3"},
                "parent_header": {}, "metadata": {}, "channel": "shell",
                "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                            "allow_stdin": False, "stop_on_error": True}}))
            while True:
                raw = await asyncio.wait_for(socket_.read_message(), timeout=900)
                if raw is None:
                    raise ConnectionError("the kernel's websocket closed")
                message = json.loads(raw)
                if message.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind = message["header"]["msg_type"]
                if kind in ("stream", "display_data", "execute_result") and "first_result" not in result:
                    result["first_result"] = time.monotonic() - result["began"]
                if kind == "error":
                    result.setdefault("errors", []).append(f"cell {index}: {message['content']['ename']}: "
                                                           f"{message['content']['evalue'][:200]}")
                if kind == "status" and message["content"]["execution_state"] == "idle":
                    break
    finally:
        socket_.close()
        session.delete(f"{base}/user/{name}/api/kernels/{kernel_id}", headers=headers, timeout=60)


def student(hub, name, password, cells, results):
    result = results[name] = {"began": time.monotonic()}
    try:
        session = hub.log_in(name, password)
        result["server_ready"] = time.monotonic() - result["began"]
        asyncio.run(run_cells(hub.base, name, session, cells, result))
        result["finished"] = time.monotonic() - result["began"]
        session.get(f"{hub.base}/hub/logout", timeout=60)
    except Exception as error:  # a failure is a figure, not the end of the run
        result.setdefault("errors", []).append(f"{type(error).__name__}: {error}")


def percentile(values, share):
    """The nearest-rank percentile, rounded to a tenth."""
    values = sorted(values)
    return round(values[min(len(values) - 1, max(0, round(share * (len(values) - 1))))], 1) if values else None


def spread(values):
    return {"p50": percentile(values, 0.5), "p95": percentile(values, 0.95), "max": percentile(values, 1)}


def megabytes(values):
    values = [v for v in values if v is not None]
    return {"p50": round(statistics.median(values) / 2**20), "max": round(max(values) / 2**20)} if values else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--memory-gb", type=float, default=3)
    parser.add_argument("--cpus", type=float, default=1)
    parser.add_argument("--out", type=pathlib.Path)
    args = parser.parse_args()
    if os.geteuid() != 0:
        raise SystemExit("run as root: it makes student accounts and their servers run as them")
    accounts = make_accounts([f"cai-load{n:02d}" for n in range(1, args.students + 1)])
    hub = None
    try:
        hub = Hub(list(accounts), tempfile.mkdtemp(prefix="hub-load-"), MEMORY_GB=args.memory_gb, CPUS=args.cpus)
        cells = code_cells()
        usage = UsageByUser(list(accounts))
        results = {}
        began = time.monotonic()
        threads = [threading.Thread(target=student, args=(hub, n, p, cells, results)) for n, p in accounts.items()]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        total = time.monotonic() - began
        peaks, cpu = usage.stop()
        groups = {name: group_high_water(name) for name in accounts}
    finally:
        if hub:
            hub.stop()
        remove_accounts(list(accounts))
    failed = {n: r["errors"] for n, r in results.items() if r.get("errors")}
    ok = [r for r in results.values() if not r.get("errors")]
    summary = {
        "students": args.students, "memory_cap_gb": args.memory_gb, "cpus_per_student": args.cpus,
        "machine": {"cores": os.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30)},
        "failures": len(failed), "failed": failed,
        "server_ready_s": spread([r["server_ready"] for r in results.values() if "server_ready" in r]),
        "first_result_s": spread([r["first_result"] for r in results.values() if "first_result" in r]),
        "chapter_0_done_s": spread([r["finished"] for r in ok if "finished" in r]),
        "whole_class_s": round(total, 1),
        "peak_rss_mb": megabytes(peaks.values()),
        "cpu_seconds_per_student": spread(list(cpu.values())),
        "peak_group_mb_with_page_cache": megabytes(groups.values()),
        "per_student": {n: {k: round(v, 1) for k, v in r.items() if isinstance(v, float) and k != "began"}
                        for n, r in sorted(results.items())},
    }
    print(json.dumps({k: v for k, v in summary.items() if k != "per_student"}, indent=2))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(summary, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
