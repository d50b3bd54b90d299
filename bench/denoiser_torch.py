"""Chapter 10's denoisers (denoisers.py) in PyTorch, measured as bench/denoiser_bench.py measures the chapter's
cells: one DDPM training step on a batch (examples per second), then DDIM with 50 steps, unguided (samples per
second). Arguments: mlp|unet batch."""
import sys

import torch

from denoisers import CLASSES, MlpDenoiser, UnetDenoiser, ddim, ddpm_step
from measure import MEASURED, WARMUP, report, seconds, training_seconds

kind, batch = sys.argv[1], int(sys.argv[2])
model, dims = (MlpDenoiser(16, 256), 16) if kind == "mlp" else (UnetDenoiser(16), 784)
step = ddpm_step(model)
classes = torch.nn.functional.one_hot(torch.randint(0, CLASSES, (batch,)), CLASSES + 1).float()
x0 = torch.randn(batch, dims)
train_seconds = training_seconds(lambda _: step(x0, classes), [None] * (WARMUP + MEASURED))
ddim(model, torch.randn(8, dims), 5)
sample_seconds = seconds(lambda: ddim(model, torch.randn(batch, dims), 50))
report(train_examples_per_s=round(MEASURED * batch / train_seconds, 1), samples_per_s=round(batch / sample_seconds, 1))
