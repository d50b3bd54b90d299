"""A real browser for the end-to-end tests: Debian's Chromium driven by Playwright (which cannot download its own
browser on these machines), where every host name but the loopback's fails to resolve (so nothing can load from
outside the machine) and every request for another host is recorded; screenshots are kept under
course/target/browser/ for a person to look at."""
import contextlib
import os
import shutil
from urllib.parse import urlparse

import pytest

from conftest import ROOT

SCREENSHOTS = ROOT / "course" / "target" / "browser"
LOCAL_HOSTS = {"127.0.0.1", "localhost", ""}
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync",
                  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"]


def chromium_path():
    found = os.environ.get("COURSE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail("No Chromium: install it (Debian/Ubuntu: apt-get install chromium) or set COURSE_CHROMIUM")
    return found


class Page:
    """A Playwright page that records what went wrong: requests off the machine, failed loads, page errors.
    (Recorded from events, not by intercepting requests: an intercepted request waits for the test's Python.)"""

    def __init__(self, page):
        self.page, self.off_site, self.failed, self.errors = page, [], [], []
        page.on("request", self._note_host)
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _note_host(self, request):
        url = request.url
        if not url.startswith(("data:", "blob:", "file:")) and urlparse(url).hostname not in LOCAL_HOSTS:
            self.off_site.append(url)

    def screenshot(self, name, full_page=False):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)

    def broken_images(self):
        """The images on the page that did not load (no pixels), by their source (cut short)."""
        return self.page.evaluate("""Array.from(document.images)
            .filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src.slice(0, 80))""")

    def load_lazy_images(self, timeout=30_000):
        """Scrolls every image into view, as a reader does, so that those marked loading="lazy" load too (Chromium
        leaves the ones far below the window unloaded), then waits until every image has."""
        for image in self.page.locator("img").all():
            image.scroll_into_view_if_needed()
        self.page.wait_for_function("Array.from(document.images).every(i => i.complete)", timeout=timeout)

    def __getattr__(self, name):
        return getattr(self.page, name)


@contextlib.contextmanager
def browser(viewport=(1280, 900)):
    """Yields a function that opens a new page (each in its own browser context: its own cookies)."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            def new_page():
                context = chromium.new_context(viewport={"width": viewport[0], "height": viewport[1]})
                return Page(context.new_page())
            yield new_page
        finally:
            chromium.close()
