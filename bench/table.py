"""Rows of a bench/run table: each implementation's JSON line (from the Java and PyTorch benchmarks), then each
DL4J build's ratio to PyTorch. Arguments: model name, the JSON fields to show (speeds first, then others, then
peak_rss_mb), then label=JSON pairs, PyTorch's last. A speed field's ratio is ours/PyTorch (higher is better);
peak RSS's too (lower is better); other fields get no ratio."""
import json
import sys

name, fields, results = sys.argv[1], sys.argv[2].split(","), [a.split("=", 1) for a in sys.argv[3:]]
results = [(label, json.loads(line)) for label, line in results]
theirs = results[-1][1]


def cell(field, value):
    return f"{value:.4f}" if field == "test_rmse" or field == "margin" else f"{value:,.0f}"


for label, r in results:
    print(f"| {name} | {label} | " + " | ".join(cell(f, r[f]) for f in fields) + " |")
for label, r in results[:-1]:
    ratios = [f"**{r[f] / theirs[f]:.2f}×**" if f.endswith("_per_s") else f"{r[f] / theirs[f]:.2f}×" if f == "peak_rss_mb" else ""
              for f in fields]
    print(f"| {name} | **{label} / PyTorch** | " + " | ".join(ratios) + " |")
