"""Does a GAN of ours compute what its PyTorch twin (models.gan) computes, given the same weights? The first call
writes fixed inputs; TwinCheck.java then writes our networks' first weights and what they make of the inputs; the
second call loads those weights into the twin and compares, layer by layer: the generator's images, the
discriminator's verdicts and the gradients of one GanTraining.STANDARD step for both networks. Prints each
difference and exits 1 if one exceeds the tolerance (relative to the largest value compared).
Usage: twin_check.py inputs|compare mlp|dcgan folder"""
import sys
from pathlib import Path

import numpy as np
import torch
from torch import nn

import models

TOLERANCE = 1e-3


def arrays(folder, prefix, network, statistics=True):
    """(name, twin tensor, ours as a tensor of its shape) for each array ours wrote under the prefix, DL4J's layer
    numbers matched in order to the twin's modules that have weights. DL4J keeps a dense layer's weights inputs ×
    outputs (transposed here) and batch norm's running variance as log10 of sqrt(variance + eps)."""
    files = {}
    for path in folder.glob(f"{prefix}-*.npy"):
        layer, name = path.stem.rsplit("-", 1)[1].split("_", 1)
        files[int(layer), name] = path
    modules = dict(zip(sorted({layer for layer, _ in files}), [m for m in network if list(m.parameters(recurse=False))]))
    found = []
    for (layer, name), path in sorted(files.items()):
        module, ours = modules[layer], torch.from_numpy(np.load(path))
        if name in ("mean", "log10stdev"):
            if not statistics:
                continue  # DL4J passes its running statistics' updates as gradients
            twin = module.running_mean if name == "mean" else module.running_var
            ours = ours if name == "mean" else (10 ** ours) ** 2 - module.eps
        elif name in ("W", "gamma"):
            twin, ours = module.weight, ours.T if name == "W" and isinstance(module, nn.Linear) else ours
        else:  # b, beta
            twin = module.bias
        found.append((f"{layer}_{name}", twin, ours.reshape(twin.shape)))
    return found


def differs(what, ours, twins):
    """Whether ours is off by more than the tolerance, relative to the twin's largest value or 1e-3, whichever is
    larger: a bias just before batch norm has a gradient of exactly zero, which both compute as float noise."""
    ours, twins = np.asarray(ours, dtype=np.float64).ravel(), np.asarray(twins, dtype=np.float64).ravel()
    largest = max(np.abs(twins).max(), 1e-3)
    off = np.abs(ours - twins).max() / largest
    print(f"{what:36s} {off:9.1e}  (largest value {largest:.3g})")
    return off > TOLERANCE


def compare(kind, folder):
    generator, discriminator, _ = models.gan(kind)
    with torch.no_grad():
        for _, twin, ours in arrays(folder, "weights-G", generator) + arrays(folder, "weights-D", discriminator):
            twin.copy_(ours)
    real, noise = (torch.from_numpy(np.load(folder / f"{name}.npy")) for name in ("real", "noise"))
    batch = real.shape[0]
    print(f"{kind}: largest difference between ours and the PyTorch twin, relative to the largest value")
    generator.eval()
    with torch.no_grad():
        fakes = generator(noise[0])
        bad = [differs("generator's images", np.load(folder / "fakes.npy"), fakes),
               differs("discriminator's verdicts", np.load(folder / "verdicts.npy"), discriminator(real))]
    generator.train()
    bce = nn.BCELoss()
    labels = torch.cat([torch.full((batch, 1), 0.9), torch.zeros(batch, 1)])
    bce(discriminator(torch.cat([real, fakes])), labels).backward()
    bad += [differs(f"discriminator's gradient, {name}", ours, twin.grad)
            for name, twin, ours in arrays(folder, "gradient-D", discriminator)]
    discriminator.zero_grad()
    bce(discriminator(generator(noise[1])), torch.ones(batch, 1)).backward()
    bad += [differs(f"generator's gradient, {name}", ours, twin.grad)
            for name, twin, ours in arrays(folder, "gradient-G", generator, statistics=False)]
    return any(bad)


if __name__ == "__main__":
    step, kind, folder = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    if step == "inputs":
        random = np.random.default_rng(42)
        np.save(folder / "real.npy", random.uniform(-1, 1, (64, 784)).astype(np.float32))
        np.save(folder / "noise.npy", random.standard_normal((2, 64, 64)).astype(np.float32))
    else:
        sys.exit(1 if compare(kind, folder) else 0)
