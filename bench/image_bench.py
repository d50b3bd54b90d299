"""The image chapters' training steps in PyTorch (models.py), measured as bench/ImageBench.java measures ours.
- mlp, dcgan: chapter 4's GANs, one discriminator step on real and fake images, then one generator step through
  the fixed discriminator (models.gan_step).
- vae: chapter 5's dense VAE, the negative ELBO averaged over the batch, both terms read after each step as ours
  reads them; Adam 1e-3.
Arguments: mlp|dcgan|vae batch [latent, for the VAE]."""
import os
import sys
import time

import torch

import measure
from models import DenseVae, gan, gan_step, vae_step

kind, batch = sys.argv[1], int(sys.argv[2])
warmup, measured = 3, int(os.environ.get("BENCH_BATCHES", "20" if kind == "dcgan" else "100"))
real = torch.rand(batch, 784)


step = vae_step(DenseVae(int(sys.argv[3]))) if kind == "vae" else gan_step(*gan(kind))
for _ in range(warmup):
    step(real)
start = time.perf_counter()
for _ in range(measured):
    step(real)
measure.report(images_per_s=round(measured * batch / (time.perf_counter() - start), 1))
