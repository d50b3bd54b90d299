"""Speed of chapter 10's denoisers as the chapter itself defines them: the chapter's own cells (its parameters,
imports, noise schedule, MLP and U-Net denoisers and samplers) run in the course kernel, then a timed cell
measures one DDPM training step (examples per second, Adam, the ε-prediction loss) and DDIM sampling with 50
steps, unguided (samples per second). The denoisers are the chapter's lesson, not library code: measuring a
copy of them would measure something else. denoiser_torch.py is the same in PyTorch.
With `quality`, time to quality instead, as bench/TimeToQuality.java measures the other models: the pixel U-Net
trained for a budget of seconds (batches of 64 from random places, one label in ten dropped), the Fréchet distance
of 200 digits drawn by DDIM in 20 steps from fixed noise measured at the start and after every tenth of it.
Run with the course's Python (jupyter_client). Arguments: classpath-folder mlp|unet batch, or
quality classpath-folder seconds out.csv."""
import json
import os
import sys
import tempfile
from pathlib import Path

import nbformat
from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpecManager

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = ROOT / "notebooks" / "10-diffusion.ipynb"
SPEC = ROOT / "course" / "target" / "kernelspec" / "creative-ai-java" / "kernel.json"
# each cell the benchmark needs, found by what it defines
SPEED_CELLS = ["boolean QUICK", "import creativeai.backend.Backend;", "INDArray noised(", "SameDiff mlpDenoiser(",
               "INDArray ddim(", "SameDiff unetDenoiser("]
QUALITY_CELLS = SPEED_CELLS[:2] + ["var trainSet ="] + SPEED_CELLS[2:]
TIMED = """
SameDiff benchNet = %(model)s;
int benchDims = (int) benchNet.getVariable("x").getShape()[1], benchBatch = %(batch)d;
INDArray benchX0 = Nd4j.randn(DataType.FLOAT, benchBatch, benchDims);
INDArray benchY = oneHot(random.ints(benchBatch, 0, 10).toArray(), 10);
for (int i = 0; i < 3; i++) ddpmStep(benchNet, benchX0, benchY);
long benchStart = System.nanoTime();
for (int i = 0; i < %(measured)d; i++) ddpmStep(benchNet, benchX0, benchY);
double benchTrain = (System.nanoTime() - benchStart) / 1e9;
ddim(benchNet, Nd4j.randn(DataType.FLOAT, 8, benchDims), 5, null, 0);
benchStart = System.nanoTime();
ddim(benchNet, Nd4j.randn(DataType.FLOAT, benchBatch, benchDims), 50, null, 0);
double benchSample = (System.nanoTime() - benchStart) / 1e9;
System.out.printf(java.util.Locale.ROOT, "{\\"train_examples_per_s\\": %%.1f, \\"samples_per_s\\": %%.1f}%%n",
    %(measured)d * benchBatch / benchTrain, benchBatch / benchSample);
"""
TIME_TO_QUALITY = """
SameDiff ttqNet = unetDenoiser(16, 10, SEED);
Judge ttqJudge = DigitClassifier.standard().against(testImages.get(NDArrayIndex.interval(0, 1_000), NDArrayIndex.all()));
INDArray ttqPixels = signed(train), ttqNoise = Nd4j.randn(DataType.FLOAT, 200, Mnist.PIXELS);
try (var out = new java.io.PrintWriter(java.nio.file.Files.newBufferedWriter(java.nio.file.Path.of("%(out)s")))) {
    out.println("seconds,quality");
    double trained = 0;
    for (int mark = 0; mark <= 10; mark++) {
        long start = System.nanoTime();
        while (trained + (System.nanoTime() - start) / 1e9 < %(seconds)f * mark / 10) {
            int from = random.nextInt(60_000 - 64 + 1);
            int[] labels = Arrays.copyOfRange(trainLabels, from, from + 64);
            for (int i = 0; i < labels.length; i++) if (random.nextDouble() < DROP_LABEL) labels[i] = -1;
            ddpmStep(ttqNet, ttqPixels.get(NDArrayIndex.interval(from, from + 64), NDArrayIndex.all()), oneHot(labels, 10));
        }
        trained += (System.nanoTime() - start) / 1e9;
        double frechet = ttqJudge.frechetDistance(visible(ddim(ttqNet, ttqNoise, 20, null, 0)));
        out.printf(java.util.Locale.ROOT, "%%.1f,%%.4f%%n", trained, frechet);
        out.flush();
    }
}
"""
MODELS = {"mlp": "mlpDenoiser(16, 10, 256, SEED)", "unet": "unetDenoiser(16, 10, SEED)"}


def chapter_cells(needed):
    cells = [c.source for c in nbformat.read(CHAPTER, as_version=4).cells if c.cell_type == "code"]
    found = []
    for marker in needed:
        matching = [source for source in cells if marker in source]
        if len(matching) != 1:
            sys.exit(f"denoiser_bench: {CHAPTER.name} should have one cell with {marker!r}, it has {len(matching)}")
        found.append(matching[0])
    return found


def kernel(classpath, folder):
    """A kernelspec like the course's, running on the given classpath folder (another ND4J build)."""
    spec = json.loads(SPEC.read_text())
    spec["argv"][spec["argv"].index("-cp") + 1] = str(Path(classpath).resolve()) + "/*"
    (folder / "creative-ai-java").mkdir()
    (folder / "creative-ai-java" / "kernel.json").write_text(json.dumps(spec))
    return KernelManager(kernel_name="creative-ai-java", kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(folder)]))


def run(client, source):
    """Executes a cell; returns what it printed, or stops the benchmark with the cell's error."""
    printed = []

    def collect(message):
        content = message["content"]
        if message["msg_type"] == "stream":
            printed.append(content["text"])
        elif message["msg_type"] == "error":
            sys.exit("denoiser_bench: a cell failed: " + " ".join(content["evalue"].splitlines()[:3]))

    client.execute_interactive(source, output_hook=collect, timeout=900)
    return "".join(printed)


def peak_rss_mb(pid):
    status = Path(f"/proc/{pid}/status").read_text()
    return round(int(next(l for l in status.splitlines() if l.startswith("VmHWM")).split()[1]) / 1024)


def in_kernel(classpath, cells, timed):
    """Runs the chapter's cells, then the timed one, in a fresh kernel; returns what the timed cell printed and the
    kernel's peak resident memory (MB)."""
    with tempfile.TemporaryDirectory() as folder:
        km = kernel(classpath, Path(folder))
        km.start_kernel(env={**os.environ, "COURSE_QUICK": "1"})
        try:
            client = km.client()
            client.start_channels(hb=False)
            client.wait_for_ready(timeout=120)
            for source in chapter_cells(cells):
                run(client, source)
            printed = run(client, timed)
            rss = peak_rss_mb(km.provisioner.process.pid)
            client.stop_channels()
        finally:
            km.shutdown_kernel(now=True)
    return printed, rss


def main(argv):
    if argv[0] == "quality":
        classpath, seconds, out = argv[1], float(argv[2]), Path(argv[3]).resolve()
        in_kernel(classpath, QUALITY_CELLS, TIME_TO_QUALITY % {"seconds": seconds, "out": out})
        return
    classpath, model, batch = argv[0], argv[1], int(argv[2])
    measured = int(os.environ.get("BENCH_BATCHES", "20"))
    printed, rss = in_kernel(classpath, SPEED_CELLS, TIMED % {"model": MODELS[model], "batch": batch, "measured": measured})
    print(json.dumps({"impl": "ND4J SameDiff, the chapter's cells in the course kernel", **json.loads(printed.splitlines()[-1]),
                      "peak_rss_mb": rss}))


if __name__ == "__main__":
    main(sys.argv[1:])
