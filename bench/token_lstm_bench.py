"""The course's token LSTM (creativeai.sequence.TokenLstm) in PyTorch, measured the same way as
bench/TokenLstmBench.java: one-hot input, LSTM layers, softmax output (cross-entropy), Adam 2e-3, each gradient
value clipped to +-1, truncated BPTT (the window is cut into tbptt-long pieces, the state carried across them
with its gradient cut), then sampling one sequence step by step. Arguments: vocabulary hidden layers batch
window tbptt."""
import sys

import torch

from measure import MEASURED, WARMUP, report, seconds, training_seconds

vocabulary, hidden, layers, batch, window, tbptt = map(int, sys.argv[1:7])


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


train_seconds = training_seconds(fit, torch.randint(0, vocabulary, (WARMUP + MEASURED, batch, window + 1)))


def sample(count):
    with torch.no_grad():
        token, state = 0, None
        for _ in range(count):
            logits, state = model(eye[token].view(1, 1, -1), state)
            token = int(torch.multinomial(torch.softmax(logits[0, -1], 0), 1))


sample(50)
sample_seconds = seconds(lambda: sample(2000))
report(train_tokens_per_s=round(MEASURED * batch * window / train_seconds, 1), sample_tokens_per_s=round(2000 / sample_seconds, 1))
