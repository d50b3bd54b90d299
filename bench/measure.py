"""What every PyTorch benchmark here shares: threads as the kernel sets them, a fixed seed, the number of
measured batches (BENCH_BATCHES, default 20), timing a training loop after a warm-up, and the JSON line that
bench/run reads."""
import json
import os
import resource
import time

import torch

torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
torch.manual_seed(1)
WARMUP, MEASURED = 3, int(os.environ.get("BENCH_BATCHES", "20"))


def training_seconds(fit, batches):
    """Seconds for fit() on the last MEASURED of batches, after WARMUP untimed ones."""
    for i in range(WARMUP):
        fit(batches[i])
    start = time.perf_counter()
    for i in range(MEASURED):
        fit(batches[WARMUP + i])
    return time.perf_counter() - start


def seconds(action):
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def report(**fields):
    print(json.dumps({"impl": "PyTorch " + torch.__version__, **fields,
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
