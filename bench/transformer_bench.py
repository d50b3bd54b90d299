"""Chapter 6's Transformer (creativeai.sequence.Transformer) in PyTorch, measured the same way as
bench/TransformerBench.java: token and position embeddings, pre-norm blocks of causal multi-head self-attention
(no biases in the projections) and a GELU MLP four times as wide, a final layer norm and a linear head;
cross-entropy at every position, Adam 3e-3; then sampling one sequence, rereading the last `context` tokens for
every new one. Embeddings are looked up (nn.Embedding), which is the same arithmetic as the one-hot product
ours uses. Arguments: vocabulary context width heads layers batch."""
import math
import sys

import torch

from measure import MEASURED, WARMUP, report, seconds, training_seconds

vocabulary, context, width, heads, layers, batch = map(int, sys.argv[1:7])


class Block(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.norm1, self.norm2 = torch.nn.LayerNorm(width), torch.nn.LayerNorm(width)
        self.query, self.key, self.value, self.output = (torch.nn.Linear(width, width, bias=False) for _ in range(4))
        self.expand, self.contract = torch.nn.Linear(width, 4 * width), torch.nn.Linear(4 * width, width)
        self.register_buffer("mask", torch.triu(torch.full((context, context), -1e9), 1))

    def heads(self, x):
        return x.view(x.shape[0], x.shape[1], heads, width // heads).transpose(1, 2)

    def forward(self, x):
        t = x.shape[1]
        a = self.norm1(x)
        scores = self.heads(self.query(a)) @ self.heads(self.key(a)).transpose(-1, -2) / math.sqrt(width // heads)
        weights = torch.softmax(scores + self.mask[:t, :t], -1)
        x = x + self.output((weights @ self.heads(self.value(a))).transpose(1, 2).reshape(x.shape[0], t, width))
        return x + self.contract(torch.nn.functional.gelu(self.expand(self.norm2(x))))


class Transformer(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.tokens = torch.nn.Embedding(vocabulary, width)
        self.positions = torch.nn.Parameter(torch.randn(context, width) * 0.02)
        self.blocks = torch.nn.Sequential(*(Block() for _ in range(layers)))
        self.norm = torch.nn.LayerNorm(width)
        self.head = torch.nn.Linear(width, vocabulary)

    def forward(self, tokens):
        return self.head(self.norm(self.blocks(self.tokens(tokens) + self.positions[:tokens.shape[1]])))


model = Transformer()
optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)


def fit(tokens):
    logits = model(tokens[:, :-1])
    loss = torch.nn.functional.cross_entropy(logits.reshape(-1, vocabulary), tokens[:, 1:].reshape(-1))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()


def sample(count):
    with torch.no_grad():
        text = [0]
        for _ in range(count):
            logits = model(torch.tensor([text[-context:]]))
            text.append(int(torch.multinomial(torch.softmax(logits[0, -1], 0), 1)))


train_seconds = training_seconds(fit, torch.randint(0, vocabulary, (WARMUP + MEASURED, batch, context + 1)))

sample(50)
sample_seconds = seconds(lambda: sample(500))
report(train_tokens_per_s=round(MEASURED * batch * context / train_seconds, 1), sample_tokens_per_s=round(500 / sample_seconds, 1))
