"""Chapter 5's VAE training step in PyTorch, measured as bench/VaeBench.java measures ours: the same network
(creativeai.image.Vae: 784 -> 512 -> 256 -> mean and log-variance; z -> 256 -> 512 -> 784, ReLU, Bernoulli pixels),
the negative ELBO (binary cross-entropy summed over pixels plus the KL term, averaged over the batch), and the KL
term computed once more for the report, as ours does; Adam 1e-3. Arguments: latent batch."""
import json
import os
import resource
import sys
import time

import torch
from torch import nn

latent, batch = int(sys.argv[1]), int(sys.argv[2])
torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
torch.manual_seed(1)
warmup, measured = 3, int(os.environ.get("BENCH_BATCHES", "100"))

encoder = nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 256), nn.ReLU())
mean_head, log_variance_head = nn.Linear(256, latent), nn.Linear(256, latent)
decoder = nn.Sequential(nn.Linear(latent, 256), nn.ReLU(), nn.Linear(256, 512), nn.ReLU(), nn.Linear(512, 784))
parameters = [p for m in (encoder, mean_head, log_variance_head, decoder) for p in m.parameters()]
optimiser = torch.optim.Adam(parameters, lr=1e-3)
images = torch.rand(batch, 784)


def kl_divergence(mean, log_variance):
    return 0.5 * (mean ** 2 + log_variance.exp() - log_variance - 1).sum(1).mean()


def step():
    with torch.no_grad():  # the reported KL term, before the step
        hidden = encoder(images)
        kl_divergence(mean_head(hidden), log_variance_head(hidden)).item()
    optimiser.zero_grad()
    hidden = encoder(images)
    mean, log_variance = mean_head(hidden), log_variance_head(hidden)
    z = mean + (0.5 * log_variance).exp() * torch.randn_like(mean)
    reconstruction = nn.functional.binary_cross_entropy_with_logits(decoder(z), images, reduction="sum") / batch
    loss = reconstruction + kl_divergence(mean, log_variance)
    loss.backward()
    optimiser.step()
    return loss.item()


for _ in range(warmup):
    step()
start = time.perf_counter()
for _ in range(measured):
    step()
seconds = time.perf_counter() - start
print(json.dumps({"impl": "PyTorch " + torch.__version__, "images_per_s": round(measured * batch / seconds, 1),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
