"""The course's models in PyTorch, shared by the speed benchmarks and bench/time_to_quality.py. Each mirrors the
library class named in its docstring: same layers, sizes, activations, initial learning rates and losses."""
import math

import torch
from torch import nn


class TokenLstm(nn.Module):
    """creativeai.sequence.TokenLstm: one-hot tokens -> stacked LSTM layers -> a linear layer giving the logits of
    the next token (softmax cross-entropy). Trained with Adam, each gradient value clipped to +-1, truncated BPTT."""

    def __init__(self, vocabulary, hidden, layers):
        super().__init__()
        self.vocabulary = vocabulary
        self.lstm = nn.LSTM(vocabulary, hidden, layers, batch_first=True)
        self.out = nn.Linear(hidden, vocabulary)
        self.register_buffer("eye", torch.eye(vocabulary))

    def forward(self, tokens, state=None):
        h, state = self.lstm(self.eye[tokens], state)
        return self.out(h), state


def tbptt_step(model, optimizer, windows, tbptt):
    """One batch of windows [batch, length + 1] learnt as the library does: the window cut into tbptt-long pieces,
    the state carried across them with its gradient cut, one Adam step per piece. Returns the mean loss (nats)."""
    state, losses, length = None, [], windows.shape[1] - 1
    for s in range(0, length, tbptt):
        if state is not None:
            state = tuple(t.detach() for t in state)
        logits, state = model(windows[:, s:min(s + tbptt, length)], state)
        loss = nn.functional.cross_entropy(logits.reshape(-1, model.vocabulary), windows[:, s + 1:s + tbptt + 1].reshape(-1))
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_value_(model.parameters(), 1.0)
        optimizer.step()
        losses.append(loss.item())
    return sum(losses) / len(losses)


def gan(kind, latent=64):
    """creativeai.image.MlpGan or Dcgan: (generator, discriminator, Adam's learning rate); the generator ends in tanh
    (pixels in [-1, 1]) and returns rows of 784 pixels, the discriminator a probability. The MLP GAN learns at 2e-4,
    the DCGAN at 2e-3 (Dcgan.LEARNING_RATE)."""
    if kind == "mlp":
        generator = nn.Sequential(nn.Linear(latent, 256), nn.LeakyReLU(0.2), nn.Linear(256, 512), nn.LeakyReLU(0.2),
                                  nn.Linear(512, 784), nn.Tanh())
        discriminator = nn.Sequential(nn.Linear(784, 512), nn.LeakyReLU(0.2), nn.Linear(512, 256), nn.LeakyReLU(0.2),
                                      nn.Linear(256, 1), nn.Sigmoid())
        return generator, discriminator, 2e-4
    generator = nn.Sequential(nn.Linear(latent, 32 * 7 * 7), nn.LeakyReLU(0.2), nn.Unflatten(1, (32, 7, 7)),
                              nn.ConvTranspose2d(32, 16, 4, 2, 1), nn.BatchNorm2d(16), nn.LeakyReLU(0.2),
                              nn.ConvTranspose2d(16, 1, 4, 2, 1), nn.Tanh(), nn.Flatten())
    discriminator = nn.Sequential(nn.Unflatten(1, (1, 28, 28)), nn.Conv2d(1, 16, 4, 2, 1), nn.LeakyReLU(0.2),
                                  nn.Conv2d(16, 32, 4, 2, 1), nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(32 * 7 * 7, 1), nn.Sigmoid())
    return generator, discriminator, 2e-3


def gan_step(generator, discriminator, learning_rate, latent=64):
    """GanTraining.STANDARD as a function of a batch of real images: the discriminator learns on real images
    labelled 0.9 and fakes labelled 0, then the generator through the unchanged discriminator (target "real");
    Adam with beta1 0.5 for both."""
    g_opt = torch.optim.Adam(generator.parameters(), lr=learning_rate, betas=(0.5, 0.999))
    d_opt = torch.optim.Adam(discriminator.parameters(), lr=learning_rate, betas=(0.5, 0.999))
    bce = nn.BCELoss()

    def step(real):
        batch = real.shape[0]
        with torch.no_grad():
            fake = generator(torch.randn(batch, latent))
        d_opt.zero_grad()
        labels = torch.cat([torch.full((batch, 1), 0.9), torch.zeros(batch, 1)])
        bce(discriminator(torch.cat([real, fake])), labels).backward()
        d_opt.step()
        g_opt.zero_grad()
        bce(discriminator(generator(torch.randn(batch, latent))), torch.ones(batch, 1)).backward()
        g_opt.step()
    return step


class DenseVae(nn.Module):
    """Chapter 5's dense VAE (the SameDiff graph of 05-vae.ipynb, mirrored in ImageBench.java): 784 -> 512 -> 256 ->
    mean and log-variance; z -> 256 -> 512 -> 784 logits, ReLU, Bernoulli pixels. Adam 1e-3."""

    def __init__(self, latent):
        super().__init__()
        self.latent = latent
        self.encoder = nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 256), nn.ReLU())
        self.mean, self.log_variance = nn.Linear(256, latent), nn.Linear(256, latent)
        self.decoder = nn.Sequential(nn.Linear(latent, 256), nn.ReLU(), nn.Linear(256, 512), nn.ReLU(), nn.Linear(512, 784))

    def loss_terms(self, images):
        """The two terms of the negative ELBO, each averaged over the images (nats): reconstruction, KL."""
        hidden = self.encoder(images)
        mean, log_variance = self.mean(hidden), self.log_variance(hidden)
        z = mean + (0.5 * log_variance).exp() * torch.randn_like(mean)
        reconstruction = nn.functional.binary_cross_entropy_with_logits(self.decoder(z), images, reduction="sum") / images.shape[0]
        kl = 0.5 * (mean ** 2 + log_variance.exp() - log_variance - 1).sum(1).mean()
        return reconstruction, kl


def vae_step(model):
    """One training step of the VAE as a function of a batch of images (Adam 1e-3 on the negative ELBO); returns
    both terms of the step, as GraphVae.learn reports them."""
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)

    def step(images):
        optimiser.zero_grad()
        reconstruction, kl = model.loss_terms(images)
        (reconstruction + kl).backward()
        optimiser.step()
        return reconstruction.item(), kl.item()
    return step


class CharTransformer(nn.Module):
    """creativeai.sequence.Transformer: token and position embeddings, pre-norm blocks of causal multi-head
    self-attention (no biases in the projections) and a GELU MLP four times as wide, a final layer norm and a linear
    head giving the logits of the next token at every position. Embeddings are looked up (nn.Embedding), the same
    arithmetic as the one-hot product ours uses; initialised as ours is. Trained with Adam 3e-3, cross-entropy at
    every position."""

    def __init__(self, vocabulary, context, width, heads, layers):
        super().__init__()
        self.vocabulary, self.context = vocabulary, context
        self.tokens = nn.Embedding(vocabulary, width)
        self.positions = nn.Parameter(torch.randn(context, width) * 0.02)
        self.blocks = nn.Sequential(*(_Block(context, width, heads) for _ in range(layers)))
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, vocabulary)
        # ours' initialisation rather than PyTorch's: token embeddings N(0, 1/width) (PyTorch's: N(0, 1)), weight
        # matrices N(0, 1/fan-in), biases zero
        with torch.no_grad():
            self.tokens.weight.normal_(0, width ** -0.5)
            for module in self.modules():
                if isinstance(module, nn.Linear):
                    module.weight.normal_(0, module.in_features ** -0.5)
                    if module.bias is not None:
                        module.bias.zero_()

    def forward(self, tokens):
        return self.head(self.norm(self.blocks(self.tokens(tokens) + self.positions[:tokens.shape[1]])))


class _Block(nn.Module):
    def __init__(self, context, width, heads):
        super().__init__()
        self.width, self.heads = width, heads
        self.norm1, self.norm2 = nn.LayerNorm(width), nn.LayerNorm(width)
        self.query, self.key, self.value, self.output = (nn.Linear(width, width, bias=False) for _ in range(4))
        self.expand, self.contract = nn.Linear(width, 4 * width), nn.Linear(4 * width, width)
        self.register_buffer("mask", torch.triu(torch.full((context, context), -1e9), 1))

    def split(self, x):
        return x.view(x.shape[0], x.shape[1], self.heads, self.width // self.heads).transpose(1, 2)

    def forward(self, x):
        t = x.shape[1]
        a = self.norm1(x)
        scores = self.split(self.query(a)) @ self.split(self.key(a)).transpose(-1, -2) / math.sqrt(self.width // self.heads)
        weights = torch.softmax(scores + self.mask[:t, :t], -1)
        x = x + self.output((weights @ self.split(self.value(a))).transpose(1, 2).reshape(x.shape[0], t, self.width))
        return x + self.contract(nn.functional.gelu(self.expand(self.norm2(x))))


def window_step(model, optimizer, windows):
    """One Adam step on a batch of windows [batch, length + 1], every position predicting the next token. Returns
    the mean loss (nats)."""
    logits = model(windows[:, :-1])
    loss = nn.functional.cross_entropy(logits.reshape(-1, model.vocabulary), windows[:, 1:].reshape(-1))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()


class Factorisation(nn.Module):
    """creativeai.recommend.Factorisation: user and film embeddings of size k (initialised N(0, 0.1)) and biases
    (initialised 0); a rating is predicted as their dot product plus both biases, around the mean rating. Trained
    with Adam 0.01 and weight decay 3e-4 on every parameter (DL4J's l2 on each embedding layer), mean squared
    error."""

    def __init__(self, users, films, size):
        super().__init__()
        self.user_vector, self.film_vector = nn.Embedding(users, size), nn.Embedding(films, size)
        self.user_bias, self.film_bias = nn.Embedding(users, 1), nn.Embedding(films, 1)
        for e in (self.user_vector, self.film_vector):
            nn.init.normal_(e.weight, 0, 0.1)
        for e in (self.user_bias, self.film_bias):
            nn.init.zeros_(e.weight)

    def forward(self, u, f):
        return (self.user_vector(u) * self.film_vector(f)).sum(1) + self.user_bias(u)[:, 0] + self.film_bias(f)[:, 0]


def rating_step(model):
    """One training step of the factorisation as a function of a batch of ratings (users, films, stars around the
    mean rating): Adam 0.01, weight decay 3e-4."""
    optimiser = torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=3e-4)

    def step(users, films, stars):
        optimiser.zero_grad()
        nn.functional.mse_loss(model(users, films), stars).backward()
        optimiser.step()
    return step


def rmse(model, mean, users, films, stars):
    with torch.no_grad():
        return ((model(users, films) + mean - stars) ** 2).mean().sqrt().item()
