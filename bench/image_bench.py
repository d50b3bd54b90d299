"""The image chapters' training steps in PyTorch, measured as bench/ImageBench.java measures ours.

- mlp, dcgan: chapter 4's GANs (creativeai.image.MlpGan, Dcgan), Adam 2e-4 with beta1 0.5, binary cross-entropy,
  real images labelled 0.9; one discriminator step on real and fake images, then one generator step through
  the fixed discriminator.
- vae: chapter 5's dense VAE (the SameDiff graph of 05-vae.ipynb, mirrored in ImageBench.java: 784 -> 512 -> 256 ->
  mean and log-variance; z -> 256 -> 512 -> 784, ReLU, Bernoulli pixels), the negative ELBO (binary cross-entropy
  summed over pixels plus the KL term, averaged over the batch), and the KL term reported, as ours does; Adam 1e-3.

Arguments: mlp|dcgan|vae batch [latent, for the VAE]."""
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
warmup, measured = 3, int(os.environ.get("BENCH_BATCHES", "20" if kind == "dcgan" else "100"))
real = torch.rand(batch, 784)


def gan(latent=64):
    """A function doing one GAN training step."""
    if kind == "mlp":
        generator = nn.Sequential(nn.Linear(latent, 256), nn.LeakyReLU(0.2), nn.Linear(256, 512), nn.LeakyReLU(0.2),
                                  nn.Linear(512, 784), nn.Tanh())
        discriminator = nn.Sequential(nn.Linear(784, 512), nn.LeakyReLU(0.2), nn.Linear(512, 256), nn.LeakyReLU(0.2),
                                      nn.Linear(256, 1), nn.Sigmoid())
    else:
        generator = nn.Sequential(nn.Linear(latent, 32 * 7 * 7), nn.LeakyReLU(0.2), nn.Unflatten(1, (32, 7, 7)),
                                  nn.ConvTranspose2d(32, 16, 4, 2, 1), nn.BatchNorm2d(16), nn.LeakyReLU(0.2),
                                  nn.ConvTranspose2d(16, 1, 4, 2, 1), nn.Tanh(), nn.Flatten())
        discriminator = nn.Sequential(nn.Unflatten(1, (1, 28, 28)), nn.Conv2d(1, 16, 4, 2, 1), nn.LeakyReLU(0.2),
                                      nn.Conv2d(16, 32, 4, 2, 1), nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(32 * 7 * 7, 1), nn.Sigmoid())

    g_opt = torch.optim.Adam(generator.parameters(), lr=2e-4, betas=(0.5, 0.999))
    d_opt = torch.optim.Adam(discriminator.parameters(), lr=2e-4, betas=(0.5, 0.999))
    bce = nn.BCELoss()
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
    return step


def vae(latent):
    """A function doing one VAE training step."""
    encoder = nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 256), nn.ReLU())
    mean_head, log_variance_head = nn.Linear(256, latent), nn.Linear(256, latent)
    decoder = nn.Sequential(nn.Linear(latent, 256), nn.ReLU(), nn.Linear(256, 512), nn.ReLU(), nn.Linear(512, 784))
    parameters = [p for m in (encoder, mean_head, log_variance_head, decoder) for p in m.parameters()]
    optimiser = torch.optim.Adam(parameters, lr=1e-3)

    def kl_divergence(mean, log_variance):
        return 0.5 * (mean ** 2 + log_variance.exp() - log_variance - 1).sum(1).mean()

    def step():
        with torch.no_grad():  # the reported KL term, before the step
            hidden = encoder(real)
            kl_divergence(mean_head(hidden), log_variance_head(hidden)).item()
        optimiser.zero_grad()
        hidden = encoder(real)
        mean, log_variance = mean_head(hidden), log_variance_head(hidden)
        z = mean + (0.5 * log_variance).exp() * torch.randn_like(mean)
        reconstruction = nn.functional.binary_cross_entropy_with_logits(decoder(z), real, reduction="sum") / batch
        (reconstruction + kl_divergence(mean, log_variance)).backward()
        optimiser.step()
    return step


step = vae(int(sys.argv[3])) if kind == "vae" else gan()
for _ in range(warmup):
    step()
start = time.perf_counter()
for _ in range(measured):
    step()
seconds = time.perf_counter() - start
print(json.dumps({"impl": "PyTorch " + torch.__version__, "images_per_s": round(measured * batch / seconds, 1),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
