"""The course's token LSTM (creativeai.sequence.TokenLstm) in PyTorch, measured the same way as
bench/TokenLstmBench.java: one-hot input, LSTM layers, softmax output (cross-entropy), Adam 2e-3, each gradient
value clipped to +-1, truncated BPTT (the window is cut into tbptt-long pieces, the state carried across them
with its gradient cut), then sampling one sequence step by step. Arguments: vocabulary hidden layers batch
window tbptt."""
import json
import resource
import sys
import time
import os

import torch

vocabulary, hidden, layers, batch, window, tbptt = map(int, sys.argv[1:7])
torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
torch.manual_seed(1)
warmup, measured = 3, int(os.environ.get("BENCH_BATCHES", "20"))


class TokenLstm(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = torch.nn.LSTM(vocabulary, hidden, layers, batch_first=True)
        self.out = torch.nn.Linear(hidden, vocabulary)

    def forward(self, one_hot, state=None):
        h, state = self.lstm(one_hot, state)
        return self.out(h), state


model = TokenLstm()
optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)
loss_fn = torch.nn.CrossEntropyLoss()
eye = torch.eye(vocabulary)


def fit(tokens):
    state = None
    for s in range(0, window, tbptt):
        x = eye[tokens[:, s:s + tbptt]]
        y = tokens[:, s + 1:s + tbptt + 1]
        if state is not None:
            state = tuple(t.detach() for t in state)
        logits, state = model(x, state)
        loss = loss_fn(logits.reshape(-1, vocabulary), y.reshape(-1))
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_value_(model.parameters(), 1.0)
        optimizer.step()


data = torch.randint(0, vocabulary, (warmup + measured, batch, window + 1))
for i in range(warmup):
    fit(data[i])
start = time.perf_counter()
for i in range(measured):
    fit(data[warmup + i])
train_seconds = time.perf_counter() - start


def sample(count):
    with torch.no_grad():
        token, state = 0, None
        for _ in range(count):
            logits, state = model(eye[token].view(1, 1, -1), state)
            token = int(torch.multinomial(torch.softmax(logits[0, -1], 0), 1))


sample(50)
start = time.perf_counter()
sample(2000)
sample_seconds = time.perf_counter() - start
print(json.dumps({"impl": "PyTorch " + torch.__version__, "train_tokens_per_s": round(measured * batch * window / train_seconds, 1),
                  "sample_tokens_per_s": round(2000 / sample_seconds, 1),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
