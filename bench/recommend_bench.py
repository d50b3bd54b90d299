"""Chapter 7's matrix factorisation in PyTorch, measured as bench/RecommendBench.java measures ours: user and film
embeddings of size k (initialised N(0, 0.1)), biases (initialised 0), prediction = mean + dot + biases, mean squared
error, Adam 0.01 with weight decay 3e-4 on every parameter (DL4J's l2 on each embedding layer), the same split
(each user's latest fifth of ratings is the test set). Prints training ratings per second, test RMSE, peak RSS.

Arguments: size batch epochs."""
import csv
import gzip
import json
import os
import pathlib
import resource
import sys
import time

import torch
from torch import nn

size, batch, epochs = (int(a) for a in sys.argv[1:4])
torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
torch.manual_seed(1)

rows = list(csv.DictReader(gzip.open(pathlib.Path(__file__).parent.parent / "datasets/files/movielens-ratings.csv.gz", "rt")))
users, films = {}, {}
data = [(users.setdefault(r["userId"], len(users)), films.setdefault(r["movieId"], len(films)), float(r["rating"]), int(r["timestamp"]))
        for r in rows]
by_user = {}
for i in sorted(range(len(data)), key=lambda i: data[i][3]):  # stable: ties keep file order, as in Java
    by_user.setdefault(data[i][0], []).append(i)
train, test = [], []
for positions in by_user.values():
    tested = 0 if len(positions) < 2 else max(1, round(len(positions) * 0.2))
    train += positions[:len(positions) - tested]
    test += positions[len(positions) - tested:]


def tensors(index):
    return (torch.tensor([data[i][0] for i in index]), torch.tensor([data[i][1] for i in index]),
            torch.tensor([data[i][2] for i in index], dtype=torch.float32))


train_u, train_f, train_r = tensors(train)
test_u, test_f, test_r = tensors(test)
mean = train_r.mean()


class Factorisation(nn.Module):
    def __init__(self):
        super().__init__()
        self.user_vector, self.film_vector = nn.Embedding(len(users), size), nn.Embedding(len(films), size)
        self.user_bias, self.film_bias = nn.Embedding(len(users), 1), nn.Embedding(len(films), 1)
        for e in (self.user_vector, self.film_vector):
            nn.init.normal_(e.weight, 0, 0.1)
        for e in (self.user_bias, self.film_bias):
            nn.init.zeros_(e.weight)

    def forward(self, u, f):
        return (self.user_vector(u) * self.film_vector(f)).sum(1) + self.user_bias(u)[:, 0] + self.film_bias(f)[:, 0]


model = Factorisation()
optimiser = torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=3e-4)


def step(index):
    optimiser.zero_grad()
    nn.functional.mse_loss(model(train_u[index], train_f[index]), train_r[index] - mean).backward()
    optimiser.step()


step(torch.arange(batch))  # warm-up
start = time.perf_counter()
for _ in range(epochs):
    order = torch.randperm(len(train))
    for s in range(0, len(train), batch):
        step(order[s:s + batch])
seconds = time.perf_counter() - start
with torch.no_grad():
    rmse = ((model(test_u, test_f) + mean - test_r) ** 2).mean().sqrt().item()
print(json.dumps({"impl": "PyTorch", "ratings_per_s": round(epochs * len(train) / seconds, 1), "test_rmse": round(rmse, 4),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
