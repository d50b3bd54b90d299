"""Chapter 10's denoisers and its DDPM schedule in PyTorch, mirroring the cells of 10-diffusion.ipynb: the same
time embedding, layers, sizes, activations, loss and learning rate. Both read a noisy input x, the step as
s = t/T and a class one-hot over ten digits plus "no class", and predict the noise."""
import torch
from torch import nn

T, BETA_FIRST, BETA_LAST, EMBEDDING, CLASSES = 200, 5e-4, 0.1, 32, 10
beta = torch.cat([torch.zeros(1), torch.linspace(BETA_FIRST, BETA_LAST, T)])   # index t = 1 ... T
alpha_bar = torch.cumprod(1 - beta, 0)


def time_embedding(s):
    """sin(s * w_k) and cos(s * w_k) for 16 frequencies w_k from 1 to 1,000 (the chapter's timeEmbedding)."""
    omega = 1000 ** (torch.arange(EMBEDDING // 2) / (EMBEDDING // 2 - 1))
    angles = s * omega
    return torch.cat([angles.sin(), angles.cos()], 1)


class MlpDenoiser(nn.Module):
    """mlpDenoiser: [x, embedding(s), y] -> swish(dense) -> three residual swish layers -> dense out."""

    def __init__(self, dims, hidden):
        super().__init__()
        self.first = nn.Linear(dims + EMBEDDING + CLASSES + 1, hidden)
        self.hidden = nn.ModuleList(nn.Linear(hidden, hidden) for _ in range(3))
        self.out = nn.Linear(hidden, dims)

    def forward(self, x, s, y):
        h = nn.functional.silu(self.first(torch.cat([x, time_embedding(s), y], 1)))
        for layer in self.hidden:
            h = h + nn.functional.silu(layer(h))
        return self.out(h)


class _Level(nn.Module):
    """A convolution, the condition added as one learned shift per channel, then swish (the chapter's level)."""

    def __init__(self, c_in, c_out, kernel, stride, condition):
        super().__init__()
        self.conv = nn.Conv2d(c_in, c_out, kernel, stride, 1)
        self.shift = nn.Linear(condition, c_out)

    def forward(self, x, condition):
        return nn.functional.silu(self.conv(x) + self.shift(condition)[:, :, None, None])


class UnetDenoiser(nn.Module):
    """unetDenoiser: 28 -> 14 -> 7 and back up, each way up concatenated with the level of the same size on the way
    down; c channels at 28x28, 2c below; the step and class as a 64-number condition read by every level."""

    def __init__(self, c, condition=64):
        super().__init__()
        self.condition = nn.Linear(EMBEDDING + CLASSES + 1, condition)
        self.down28, self.down14 = _Level(1, c, 3, 1, condition), _Level(c, 2 * c, 4, 2, condition)
        self.middle7 = _Level(2 * c, 2 * c, 4, 2, condition)
        self.up14, self.up28 = nn.ConvTranspose2d(2 * c, 2 * c, 4, 2, 1), nn.ConvTranspose2d(2 * c, c, 4, 2, 1)
        self.join14, self.join28 = _Level(4 * c, 2 * c, 3, 1, condition), _Level(2 * c, c, 3, 1, condition)
        self.out = nn.Conv2d(c, 1, 3, 1, 1)

    def forward(self, x, s, y):
        condition = nn.functional.silu(self.condition(torch.cat([time_embedding(s), y], 1)))
        down28 = self.down28(x.view(-1, 1, 28, 28), condition)
        down14 = self.down14(down28, condition)
        middle7 = self.middle7(down14, condition)
        up14 = self.join14(torch.cat([nn.functional.silu(self.up14(middle7)), down14], 1), condition)
        up28 = self.join28(torch.cat([nn.functional.silu(self.up28(up14)), down28], 1), condition)
        return self.out(up28).view(-1, 784)


def ddpm_step(model):
    """The chapter's ddpmStep as a function of clean points and classes: a random step for every row, the one-jump
    noising, one Adam (1e-3) step on the mean squared error of the predicted noise."""
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)

    def step(x0, y):
        t = torch.randint(1, T + 1, (x0.shape[0],))
        eps = torch.randn_like(x0)
        a = alpha_bar[t][:, None]
        loss = nn.functional.mse_loss(model(a.sqrt() * x0 + (1 - a).sqrt() * eps, (t / T)[:, None].float(), y), eps)
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        return loss.item()
    return step


def ddim(model, x, steps):
    """The chapter's ddim, unguided (every row "no class"), eta = 0: `steps` evenly spaced steps out of T."""
    no_class = torch.zeros(x.shape[0], CLASSES + 1)
    no_class[:, CLASSES] = 1
    with torch.no_grad():
        for i in range(steps, 0, -1):
            t, previous = round(i * T / steps), round((i - 1) * T / steps)
            eps = model(x, torch.full((x.shape[0], 1), t / T), no_class)
            x0 = (x - (1 - alpha_bar[t]).sqrt() * eps) / alpha_bar[t].sqrt()
            x = alpha_bar[previous].sqrt() * x0 + (1 - alpha_bar[previous]).sqrt() * eps
    return x
