"""Chapter 6's Transformer (models.CharTransformer) in PyTorch, measured the same way as
bench/TransformerBench.java: training tokens per second (Adam 3e-3, cross-entropy at every position), then
sampling one sequence, rereading the last `context` tokens for every new one. Arguments: vocabulary context width
heads layers batch."""
import sys

import torch

from measure import MEASURED, WARMUP, report, seconds, training_seconds
from models import CharTransformer, window_step

vocabulary, context, width, heads, layers, batch = map(int, sys.argv[1:7])
model = CharTransformer(vocabulary, context, width, heads, layers)
optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)


def sample(count):
    with torch.no_grad():
        text = [0]
        for _ in range(count):
            logits = model(torch.tensor([text[-context:]]))
            text.append(int(torch.multinomial(torch.softmax(logits[0, -1], 0), 1)))


train_seconds = training_seconds(lambda tokens: window_step(model, optimizer, tokens),
                                 torch.randint(0, vocabulary, (WARMUP + MEASURED, batch, context + 1)))

sample(50)
sample_seconds = seconds(lambda: sample(500))
report(train_tokens_per_s=round(MEASURED * batch * context / train_seconds, 1), sample_tokens_per_s=round(500 / sample_seconds, 1))
