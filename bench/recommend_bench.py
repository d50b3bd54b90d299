"""Chapter 7's matrix factorisation (models.Factorisation) in PyTorch, measured as bench/RecommendBench.java
measures ours, on the same split (movielens.py). Prints training ratings per second, test RMSE, peak RSS.

Arguments: size batch epochs."""
import sys
import time

import torch

import movielens
from measure import report
from models import Factorisation, rating_step, rmse

size, batch, epochs = (int(a) for a in sys.argv[1:4])
users, films, (train_u, train_f, train_r), test = movielens.split()
mean = train_r.mean()
model = Factorisation(users, films, size)
learn = rating_step(model)


def step(index):
    learn(train_u[index], train_f[index], train_r[index] - mean)


step(torch.arange(batch))  # warm-up
start = time.perf_counter()
for _ in range(epochs):
    order = torch.randperm(len(train_r))
    for s in range(0, len(train_r), batch):
        step(order[s:s + batch])
seconds = time.perf_counter() - start
report(ratings_per_s=round(epochs * len(train_r) / seconds, 1), test_rmse=round(rmse(model, mean, *test), 4))
