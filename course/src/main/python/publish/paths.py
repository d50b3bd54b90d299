"""Where the course's parts live on disk, found from this file's place in the repository."""
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[5]
NOTEBOOKS = ROOT / "notebooks"
KERNELSPEC_DIR = ROOT / "course" / "target" / "kernelspec"
KERNEL_NAME = "creative-ai-java"
WEB_PACKAGES = ROOT / "course" / "web" / "node_modules"
TEMPLATES = pathlib.Path(__file__).resolve().parent / "templates"
EXECUTED = ROOT / ".cache" / "executed"
SITE = ROOT / "site"
