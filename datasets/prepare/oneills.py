"""Collects O'Neill's Music of Ireland ("1850 melodies", public-domain tunes; ABC transcription by Norbert Paap)
from the music21 10.5.0 wheel's corpus into datasets/files/oneills-1850.abc.gz, the 39 files in order.
Maintainers run it once: python3 datasets/prepare/oneills.py [path/to/music21-10.5.0-py3-none-any.whl]
(without a path, pip downloads the wheel)."""
import gzip
import pathlib
import subprocess
import sys
import tempfile
import zipfile

OUT = pathlib.Path(__file__).resolve().parents[1] / "files" / "oneills-1850.abc.gz"

with tempfile.TemporaryDirectory() as tmp:
    if len(sys.argv) > 1:
        wheel = pathlib.Path(sys.argv[1])
    else:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", tmp, "music21==10.5.0"], check=True)
        wheel = next(pathlib.Path(tmp).glob("music21-*.whl"))
    with zipfile.ZipFile(wheel) as whl:
        names = sorted(n for n in whl.namelist() if n.startswith("music21/corpus/oneills1850/") and n.endswith(".abc"))
        text = "\n".join(whl.read(n).decode("utf-8") for n in names)

with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
    out.write(text.encode("utf-8"))
print(OUT, len(names), "files,", text.count("\nX:") + text.startswith("X:"), "tunes")
