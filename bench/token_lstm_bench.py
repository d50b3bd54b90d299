"""The course's token LSTM (creativeai.sequence.TokenLstm, in PyTorch in models.py) measured the same way as
bench/TokenLstmBench.java: one-hot input, LSTM layers, softmax output (cross-entropy), Adam 2e-3, each gradient
value clipped to +-1, truncated BPTT (the window is cut into tbptt-long pieces, the state carried across them
with its gradient cut), then sampling one sequence step by step. Arguments: vocabulary hidden layers batch
window tbptt."""
import sys

import torch

from measure import MEASURED, WARMUP, report, seconds, training_seconds
from models import TokenLstm, tbptt_step

vocabulary, hidden, layers, batch, window, tbptt = map(int, sys.argv[1:7])
model = TokenLstm(vocabulary, hidden, layers)
optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)
train_seconds = training_seconds(lambda windows: tbptt_step(model, optimizer, windows, tbptt),
                                 torch.randint(0, vocabulary, (WARMUP + MEASURED, batch, window + 1)))


def sample(count):
    with torch.no_grad():
        token, state = 0, None
        for _ in range(count):
            logits, state = model(torch.tensor([[token]]), state)
            token = int(torch.multinomial(torch.softmax(logits[0, -1], 0), 1))


sample(50)
sample_seconds = seconds(lambda: sample(2000))
report(train_tokens_per_s=round(MEASURED * batch * window / train_seconds, 1), sample_tokens_per_s=round(2000 / sample_seconds, 1))
