"""Chapter 4's GAN training step in PyTorch, measured as bench/GanBench.java measures ours: the same MLP GAN
or DCGAN (creativeai.image.MlpGan, Dcgan), Adam 2e-4 with beta1 0.5, binary cross-entropy, real images
labelled 0.9; one discriminator step on real and fake images, then one generator step through the fixed
discriminator. Arguments: mlp|dcgan batch."""
import json
import os
import resource
import sys
import time

import torch
from torch import nn

kind, batch = sys.argv[1], int(sys.argv[2])
torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
torch.manual_seed(1)
latent, warmup = 64, 3
measured = int(os.environ.get("BENCH_BATCHES", "100" if kind == "mlp" else "20"))

if kind == "mlp":
    generator = nn.Sequential(nn.Linear(latent, 256), nn.LeakyReLU(0.2), nn.Linear(256, 512), nn.LeakyReLU(0.2),
                              nn.Linear(512, 784), nn.Tanh())
    discriminator = nn.Sequential(nn.Linear(784, 512), nn.LeakyReLU(0.2), nn.Linear(512, 256), nn.LeakyReLU(0.2),
                                  nn.Linear(256, 1), nn.Sigmoid())
else:
    generator = nn.Sequential(nn.Linear(latent, 32 * 7 * 7), nn.LeakyReLU(0.2), nn.Unflatten(1, (32, 7, 7)),
                              nn.Upsample(scale_factor=2), nn.Conv2d(32, 16, 3, padding=1), nn.BatchNorm2d(16), nn.LeakyReLU(0.2),
                              nn.Upsample(scale_factor=2), nn.Conv2d(16, 1, 3, padding=1), nn.Tanh(), nn.Flatten())
    discriminator = nn.Sequential(nn.Unflatten(1, (1, 28, 28)), nn.Conv2d(1, 16, 4, 2, 1), nn.LeakyReLU(0.2),
                                  nn.Conv2d(16, 32, 4, 2, 1), nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(32 * 7 * 7, 1), nn.Sigmoid())

g_opt = torch.optim.Adam(generator.parameters(), lr=2e-4, betas=(0.5, 0.999))
d_opt = torch.optim.Adam(discriminator.parameters(), lr=2e-4, betas=(0.5, 0.999))
bce = nn.BCELoss()
real = torch.rand(batch, 784) * 2 - 1
labels = torch.cat([torch.full((batch, 1), 0.9), torch.zeros(batch, 1)])


def step():
    with torch.no_grad():
        fake = generator(torch.randn(batch, latent))
    d_opt.zero_grad()
    bce(discriminator(torch.cat([real, fake])), labels).backward()
    d_opt.step()
    g_opt.zero_grad()
    bce(discriminator(generator(torch.randn(batch, latent))), torch.ones(batch, 1)).backward()
    g_opt.step()


for _ in range(warmup):
    step()
start = time.perf_counter()
for _ in range(measured):
    step()
seconds = time.perf_counter() - start
print(json.dumps({"impl": "PyTorch " + torch.__version__, "images_per_s": round(measured * batch / seconds, 1),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
