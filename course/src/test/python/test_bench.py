"""The benchmarks still build against the library, and the time-to-quality run measures a model that learns:
bench/*.java compiled with the kernel's classpath, then chapter 2's LSTM trained for a few seconds on the sonnets
by TimeToQuality, whose held-out bits per character must fall below where they started (an untrained model's);
and the denoiser benchmark, which runs chapter 10's own cells in the kernel, still finds and runs them."""
import json
import os
import subprocess
import sys

import pytest

from conftest import KERNEL_NAME, KERNELSPEC_DIR, ROOT

pytestmark = pytest.mark.slow  # compiles bench/ and trains for seconds: not in bin/course test --fast


def kernel_java():
    argv = json.loads((KERNELSPEC_DIR / KERNEL_NAME / "kernel.json").read_text())["argv"]
    return argv[:argv.index("-cp")], argv[argv.index("-cp") + 1]


@pytest.fixture(scope="module")
def time_to_quality(tmp_path_factory):
    """bench/*.java compiled once against the kernel's classpath: the command that runs TimeToQuality with the kernel's flags."""
    java, classpath = kernel_java()
    javac = java[0].rsplit("/", 1)[0] + "/javac"
    classes = tmp_path_factory.mktemp("bench") / "classes"
    sources = sorted(str(p) for p in (ROOT / "bench").glob("*.java"))
    subprocess.run([javac, "-nowarn", "-d", str(classes), "-cp", classpath, *sources], check=True, timeout=300)
    return [*java, "-cp", f"{classes}:{classpath}", "TimeToQuality"]


def chapter(model):
    """A language model's settings as its chapter trains it, read from the notebook as bench/run reads them."""
    return subprocess.run([sys.executable, str(ROOT / "bench" / "chapters.py"), model], check=True, capture_output=True,
                          text=True, timeout=60).stdout.split()


def test_the_benchmarks_read_each_language_model_from_its_chapter():
    """bench/chapters.py finds every setting in the chapters' Parameters cells, full mode: a renamed variable stops
    the benchmarks with its name instead of benchmarking a model no chapter trains."""
    for model, fields in [("char-lstm", "width layers batch window tbptt lr"), ("melody-lstm", "width layers batch window tbptt lr"),
                          ("transformer", "width heads layers batch window lr")]:
        settings = dict(word.split("=") for word in chapter(model))
        assert sorted(settings) == sorted(fields.split()) and all(float(v) > 0 for v in settings.values()), (model, settings)
    assert dict(w.split("=") for w in chapter("char-lstm"))["width"] == "256", "chapter 2's full mode, not its QUICK mode (96)"


@pytest.mark.timeout(600)
def test_bench_compiles_and_time_to_quality_sees_learning(time_to_quality, tmp_path):
    out = tmp_path / "char-lstm.csv"
    subprocess.run([*time_to_quality, "char-lstm", "6", str(out), *chapter("char-lstm")], check=True, timeout=600, capture_output=True)
    rows = [line.split(",") for line in out.read_text().splitlines()[1:]]
    seconds, bits = [float(r[0]) for r in rows], [float(r[1]) for r in rows]
    assert len(rows) == 11 and seconds[0] == 0 and seconds[-1] >= 6
    assert bits[0] > 5, f"an untrained model over the sonnets' 61 characters scores about log2(61) = 5.9 bits, not {bits[0]}"
    assert bits[-1] < bits[0] - 1, f"six seconds of training should gain over a bit per character: {bits}"


@pytest.mark.timeout(300)
def test_time_to_quality_takes_other_settings_and_refuses_unknown_ones(time_to_quality, tmp_path):
    """bench/run tune passes settings other than the chapter's: a smaller LSTM (one layer) in smaller batches, its gradients through
    fewer steps, still learns, and a misspelt setting stops the run with the ones it knows instead of silently training
    the chapter's model."""
    run = [*time_to_quality, "char-lstm", "6", str(tmp_path / "tuned.csv"), *chapter("char-lstm")]
    subprocess.run([*run, "batch=16", "width=64", "layers=1", "lr=1e-2", "tbptt=20"], check=True, timeout=600, capture_output=True)
    bits = [float(line.split(",")[1]) for line in (tmp_path / "tuned.csv").read_text().splitlines()[1:]]
    assert bits[-1] < bits[0] - 0.5, f"one layer of 64 units should learn in six seconds too: {bits}"
    refused = subprocess.run([*run, "batch-size=16"], timeout=120, capture_output=True, text=True)
    assert refused.returncode != 0 and "batch=N, window=N, lr=X, width=N, layers=N, heads=N or tbptt=N, not batch-size=16" in refused.stderr, refused.stderr[-500:]


@pytest.mark.timeout(300)
def test_the_denoiser_bench_times_chapter_tens_own_cells():
    """bench/denoiser_bench.py finds the chapter's cells by what they define and runs them in the course kernel:
    a renamed function or a split cell would break it silently on the next bench/run, not here."""
    _, classpath = kernel_java()
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "denoiser_bench.py"), classpath.rstrip("*"), "mlp", "32"],
                          check=True, timeout=300, capture_output=True, text=True, env={**os.environ, "BENCH_BATCHES": "2"})
    measured = json.loads(done.stdout.splitlines()[-1])
    assert measured["train_examples_per_s"] > 0 and measured["samples_per_s"] > 0, measured
    assert 100 < measured["peak_rss_mb"] < 2048, measured
