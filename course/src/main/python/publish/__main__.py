"""Command line: `python -m publish site [NN ...]` builds the site (all chapters by default); `python -m publish
slides NN` builds one chapter's deck. Full mode unless COURSE_QUICK=1."""
import json
import sys

from . import chapters
from .executed import ChapterFailed, quick_mode
from .pages import build_deck, build_site


def main(argv):
    if not argv or argv[0] not in ("site", "slides") or (argv[0] == "slides" and len(argv) != 2):
        print(__doc__)
        return 2
    try:
        if argv[0] == "site":
            only = {int(n[:2]) for n in argv[1:]} or None
            print(json.dumps(build_site(quick_mode(), only)))
        else:
            build_deck(chapters.chapter(argv[1]), quick_mode())
    except ChapterFailed as failure:
        print(f"course: {failure}", file=sys.stderr)
        return 1
    return 0


sys.exit(main(sys.argv[1:]))
