"""The settings of the chapters' language models as the benchmarks take them, read from the chapters themselves:
each notebook's Parameters cell, in full mode (Course.size(quick, full) counts as full). bench/run hands them to
the speed benchmarks, TimeToQuality and time_to_quality.py, so a model retuned in its chapter is benchmarked, on
both sides, as the chapter now trains it, and no size is typed twice.

    python3 bench/chapters.py melody-lstm                 width=256 layers=1 batch=32 window=128 tbptt=64 lr=0.003
    python3 bench/chapters.py melody-lstm width layers    256 1
"""
import json
import re
import sys
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"

# Each benchmarked model: its chapter, and which variable of the Parameters cell holds each setting.
MODELS = {
    "char-lstm": ("02-lstm-text", {"width": "HIDDEN", "layers": "LAYERS", "batch": "BATCH", "window": "WINDOW",
                                   "tbptt": "TBPTT", "lr": "LEARNING_RATE"}),
    "melody-lstm": ("03-melodies", {"width": "HIDDEN", "layers": "LAYERS", "batch": "BATCH", "window": "WINDOW",
                                    "tbptt": "TBPTT", "lr": "LEARNING_RATE"}),
    "transformer": ("06-attention", {"width": "WIDTH", "heads": "HEADS", "layers": "LAYERS", "batch": "BATCH",
                                     "window": "CONTEXT", "lr": "LEARNING_RATE"}),
}

DECLARATION = re.compile(r"^(?:int|long|double)\s+(\w+)\s*=\s*([^;]+);", re.MULTILINE)
FULL_MODE = re.compile(r"Course\.size\(\s*([^,()]+),\s*([^()]+)\)")
ARITHMETIC = re.compile(r"[\d_.eE+\-*/() ]+")


def parameters(notebook):
    """The numbers a chapter's Parameters cell declares, by name, with their full-mode values."""
    cells = json.loads((NOTEBOOKS / f"{notebook}.ipynb").read_text(encoding="utf-8"))["cells"]
    cell = next("".join(c["source"]) for c in cells if c["cell_type"] == "code" and "boolean QUICK" in "".join(c["source"]))
    values = {}
    for name, expression in DECLARATION.findall(cell):
        full = FULL_MODE.sub(lambda m: f"({m.group(2)})", expression.strip())
        if ARITHMETIC.fullmatch(full):
            values[name] = eval(full.replace("_", ""), {"__builtins__": {}})  # digits and arithmetic only, checked above
    return values


def settings(model):
    """The model's settings as its chapter trains it: {"width": 256, "layers": 1, ...}."""
    if model not in MODELS:
        raise SystemExit(f"bench/chapters.py: {' or '.join(MODELS)}, not {model}")
    notebook, names = MODELS[model]
    declared = parameters(notebook)
    missing = [variable for variable in names.values() if variable not in declared]
    if missing:
        raise SystemExit(f"bench/chapters.py: {notebook}'s Parameters cell no longer declares {', '.join(missing)}")
    return {setting: declared[variable] for setting, variable in names.items()}


def written(value):
    return str(value) if isinstance(value, int) else f"{value:g}"


if __name__ == "__main__":
    chosen = settings(sys.argv[1])
    fields = sys.argv[2:]
    print(" ".join(written(chosen[f]) for f in fields) if fields else " ".join(f"{k}={written(v)}" for k, v in chosen.items()))
