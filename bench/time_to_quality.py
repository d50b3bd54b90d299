"""bench/TimeToQuality.java in PyTorch: a chapter's model (models.py) trained on the same data (written by
ChapterData.java; MovieLens split by movielens.py) for a budget of training seconds, measured at the start and
after every tenth of the budget with the clock stopped. LSTMs and the Transformer: held-out bits per token (each
LSTM window from a zero state, as BitsPerToken does). VAE: the negative ELBO on the 1,000 test digits. Matrix
factorisation: the test RMSE. GANs: 1,000 drawn digits are written next to the CSV (NAME-K.f32, pixels in [0, 1])
and ScoreSamples.java puts their Fréchet distance in the quality column, with the course's classifier, as for ours.
Chapter 10's pixel U-Net (denoisers.py): like the GANs, on 200 digits drawn by DDIM in 20 steps.
Arguments: char-lstm|melody-lstm|transformer|mlp-gan|dcgan|vae|recommend|pixel-diffusion seconds out.csv data-folder,
then for the language models their settings as TimeToQuality takes them (the chapter's, from bench/chapters.py:
width=256 layers=1 batch=32 window=128 tbptt=64 lr=0.003)."""
import itertools
import math
import os
import sys
import time

import numpy as np
import torch
from torch import nn

import measure  # threads and seed as the other benchmarks set them
import movielens
from denoisers import CLASSES, UnetDenoiser, ddim, ddpm_step
from models import (CharTransformer, DenseVae, Factorisation, TokenLstm, gan, gan_step, rating_step, rmse, tbptt_step,
                    vae_step, window_step)

name, budget, out_file, data = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
given = dict(word.split("=", 1) for word in sys.argv[5:])


def tokens(corpus, build, learn, logits):
    """A next-token model as chapters 2, 3 and 6 train it, with the settings given: build(vocabulary) makes it,
    learn(model, optimizer, windows) takes one batch of windows [batch, window + 1], logits(model, tokens) reads a batch."""
    window, batch, learning_rate = int(given["window"]), int(given["batch"]), float(given["lr"])
    def read(part):
        return torch.from_numpy(np.fromfile(os.path.join(data, f"{corpus}-{part}.i32"), dtype="<i4").astype(np.int64))
    training, held_out = read("training"), read("held-out")
    vocabulary = int(open(os.path.join(data, f"{corpus}-vocabulary.txt")).read())
    windows = (len(training) - 1) // window
    evaluated = min(200, (len(held_out) - 1) // window)
    held_out_windows = torch.stack([held_out[w * window:w * window + window + 1] for w in range(evaluated)])
    model = build(vocabulary)
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
    order = []

    def step():
        if not order:  # a new epoch: shifted by a random offset and shuffled, as TokenWindows.epoch does
            offset = int(torch.randint(0, len(training) - 1 - windows * window + 1, ()))
            order.extend((offset + torch.randperm(windows) * window).split(batch))
        starts = order.pop()
        learn(model, optimizer, torch.stack([training[s:s + window + 1] for s in starts.tolist()]))

    def quality():
        with torch.no_grad():
            nats = sum(torch.nn.functional.cross_entropy(logits(model, batch[:, :-1]).reshape(-1, vocabulary),
                                                         batch[:, 1:].reshape(-1), reduction="sum").item()
                       for batch in held_out_windows.split(32))
        return nats / (evaluated * window) / math.log(2)
    return step, quality


def digits(part, rows):
    return torch.from_numpy(np.fromfile(os.path.join(data, f"digits-{part}.f32"), dtype="<f4").reshape(rows, 784))


def images(learn, quality):
    training = digits("training", 60_000)

    def step():
        start = int(torch.randint(0, 60_000 - 64 + 1, ()))
        learn(training[start:start + 64])
    return step, quality


def adversarial(kind):
    generator, discriminator, learning_rate = gan(kind)
    judged = torch.randn(1_000, 64)
    marks = itertools.count()

    def quality():
        generator.eval()
        with torch.no_grad():
            drawn = ((generator(judged) + 1) / 2).numpy().astype("<f4")
        generator.train()
        sample_file = f"{out_file[:-len('.csv')]}-{next(marks)}.f32"
        drawn.tofile(sample_file)
        return os.path.basename(sample_file)
    learn = gan_step(generator, discriminator, learning_rate)
    return images(lambda batch: learn(batch * 2 - 1), quality)


def vae():
    model = DenseVae(16)
    test = digits("test", 1_000)

    def quality():
        with torch.no_grad():
            return sum(model.loss_terms(test)).item()
    return images(vae_step(model), quality)


def pixel_diffusion():
    """Chapter 10's pixel U-Net: batches of 64 from random places, pixels in [-1, 1], one label in ten dropped to
    "no class"; judged on 200 digits drawn by DDIM in 20 steps from fixed noise (written out as for the GANs)."""
    model = UnetDenoiser(16)
    learn = ddpm_step(model)
    training = digits("training", 60_000) * 2 - 1
    labels = torch.from_numpy(np.fromfile(os.path.join(data, "digits-training-labels.i32"), dtype="<i4").astype(np.int64))
    judged, marks = torch.randn(200, 784), itertools.count()

    def step():
        start = int(torch.randint(0, 60_000 - 64 + 1, ()))
        classes = labels[start:start + 64].clone()
        classes[torch.rand(64) < 0.1] = CLASSES
        learn(training[start:start + 64], nn.functional.one_hot(classes, CLASSES + 1).float())

    def quality():
        drawn = ((ddim(model, judged, 20) + 1) / 2).clamp(0, 1).numpy().astype("<f4")
        sample_file = f"{out_file[:-len('.csv')]}-{next(marks)}.f32"
        drawn.tofile(sample_file)
        return os.path.basename(sample_file)
    return step, quality


def ratings():
    users, films, (train_u, train_f, train_r), test = movielens.split()
    mean = train_r.mean()
    model = Factorisation(users, films, 32)
    learn = rating_step(model)
    order = []

    def step():
        if not order:
            order.extend(torch.randperm(len(train_r)).split(1024))
        index = order.pop()
        learn(train_u[index], train_f[index], train_r[index] - mean)
    return step, lambda: rmse(model, mean, *test)


def lstm(vocabulary):
    return TokenLstm(vocabulary, int(given["width"]), int(given["layers"]))


def lstm_step(model, optimizer, windows):
    return tbptt_step(model, optimizer, windows, int(given["tbptt"]))


def transformer(vocabulary):
    return CharTransformer(vocabulary, int(given["window"]), int(given["width"]), int(given["heads"]), int(given["layers"]))


step, quality = {
    "char-lstm": lambda: tokens("sonnets", lstm, lstm_step, lambda m, x: m(x)[0]),
    "melody-lstm": lambda: tokens("melodies", lstm, lstm_step, lambda m, x: m(x)[0]),
    "transformer": lambda: tokens("sonnets", transformer, window_step, lambda m, x: m(x)),
    "mlp-gan": lambda: adversarial("mlp"),
    "dcgan": lambda: adversarial("dcgan"),
    "vae": vae,
    "recommend": ratings,
    "pixel-diffusion": pixel_diffusion,
}[name]()
with open(out_file, "w") as out:
    out.write("seconds,quality\n")
    trained = 0.0
    for mark in range(11):
        start = time.perf_counter()
        while trained + time.perf_counter() - start < budget * mark / 10:
            step()
        trained += time.perf_counter() - start
        value = quality()
        out.write(f"{trained:.1f},{value if isinstance(value, str) else f'{value:.4f}'}\n")
        out.flush()
