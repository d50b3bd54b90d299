"""Chapter 7's MovieLens ratings for the PyTorch twins, split as creativeai.recommend.RatingSplit.latestPerUser
splits them: each user's latest fifth of ratings (at least one, for users with two or more) is the test set."""
import csv
import gzip
import pathlib

import torch


def split():
    """(users, films, train, test): the numbers of users and films, and each part as (user, film, stars) tensors."""
    rows = csv.DictReader(gzip.open(pathlib.Path(__file__).parent.parent / "datasets/files/movielens-ratings.csv.gz", "rt"))
    users, films = {}, {}
    data = [(users.setdefault(r["userId"], len(users)), films.setdefault(r["movieId"], len(films)), float(r["rating"]),
             int(r["timestamp"])) for r in rows]
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
    return len(users), len(films), tensors(train), tensors(test)
