"""Builds the course's classical Chinese poetry (traditional characters) from the npm package chinese-poetry
2.0.1 (MIT): the 300 Tang Poems, and every quatrain (4 lines of 5 or 7 characters) of the Complete Tang Poems.
Writes datasets/files/tang-300.jsonl.gz and tang-quatrains.jsonl.gz, one poem a line:
{"title", "author", "form", "lines"}. Maintainers run it once: python3 datasets/prepare/tang_poems.py (needs npm)."""
import gzip
import json
import pathlib
import re
import subprocess
import tarfile
import tempfile

FILES = pathlib.Path(__file__).resolve().parents[1] / "files"
TANG = re.compile(r"^package/dist/quantangshi/poet\.tang\.\d+\.json$")
SPLIT = re.compile(r"(?<=[，。？！；])")


def lines_of(paragraphs):
    return [l for p in paragraphs for l in SPLIT.split(p) if l]


def quatrain_form(lines):
    """'5' or '7' for four lines of 5 or 7 characters plus a punctuation mark each, else None."""
    if len(lines) != 4:
        return None
    lengths = {len(l) - 1 for l in lines}
    return str(lengths.pop()) if len(lengths) == 1 and lengths <= {5, 7} else None


def write(name, poems):
    with open(FILES / name, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        for poem in poems:
            out.write((json.dumps(poem, ensure_ascii=False) + "\n").encode())
    print(name, len(poems), "poems")


with tempfile.TemporaryDirectory() as tmp:
    subprocess.run(["npm", "pack", "chinese-poetry@2.0.1", "--silent"], cwd=tmp, check=True)
    with tarfile.open(next(pathlib.Path(tmp).glob("*.tgz"))) as tgz:
        three_hundred = json.load(tgz.extractfile("package/dist/mengxue/tangshisanbaishou.json"))
        tang = []
        for member in sorted((m for m in tgz.getmembers() if TANG.match(m.name)),
                             key=lambda m: int(m.name.split(".")[-2])):
            tang.extend(json.load(tgz.extractfile(member)))

write("tang-300.jsonl.gz", [
    {"title": p["chapter"], "author": p["author"], "form": group["type"], "lines": lines_of(p["paragraphs"])}
    for group in three_hundred["content"] for p in group["content"]])
write("tang-quatrains.jsonl.gz", [
    {"title": p["title"], "author": p["author"], "form": quatrain_form(lines_of(p["paragraphs"])) + "-character quatrain",
     "lines": lines_of(p["paragraphs"])}
    for p in tang if quatrain_form(lines_of(p["paragraphs"]))])
