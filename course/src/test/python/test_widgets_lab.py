"""Widgets in JupyterLab as a student uses them, in Chromium: chapter 2's temperature slider, dragged, makes the
model write a new line and redraw its chart; chapter 5's latent-space slider, dragged, decodes a new digit, and the
notebook saved keeps the slider's last value. Each records how long one step of a slider takes to a redrawn output."""
import json
import shutil
import time

import pytest

from browser import browser
from conftest import ROOT, record
from lab_page import error_outputs, run_all, wait_for_kernel_idle, wait_until_finished
from lab_server import jupyterlab

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def slider_named(page, description):
    slider = page.locator(".widget-slider", has=page.locator(".widget-label", has_text=description)).first
    slider.scroll_into_view_if_needed()
    return slider


def drag_slider(page, description, pixels):
    """Drags the handle of the slider labelled `description` sideways, as a mouse does; returns its readout."""
    slider = slider_named(page, description)
    handle = slider.locator(".noUi-handle").first
    box = handle.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(x + pixels * step / 10, y)
        time.sleep(0.03)
    page.mouse.up()
    return slider.locator(".widget-readout").first.inner_text()


def step_slider(page, description, key="ArrowLeft"):
    """Moves the slider one step with the keyboard (one change, so the time to the redrawn output is one callback's);
    returns its new readout and when the key went down."""
    slider = slider_named(page, description)
    before = slider.locator(".widget-readout").first.inner_text()
    slider.locator(".noUi-handle").first.focus()
    pressed = time.monotonic()
    page.keyboard.press(key)
    readout, _ = wait_for(lambda: slider.locator(".widget-readout").first.inner_text(), lambda r: r != before, timeout=5)
    return readout, pressed


def wait_for(read, done, timeout=60):
    """Reads the page until done(what it read); returns that and the seconds it took."""
    began = time.monotonic()
    while time.monotonic() - began < timeout:
        now = read()
        if done(now):
            return now, time.monotonic() - began
        time.sleep(0.05)
    raise AssertionError(f"not there within {timeout} s: {str(now)[:300]}")


def open_and_run(new_page, base, token, chapter, timeout):
    """Opens the chapter in JupyterLab, runs every cell (QUICK mode) and checks that none failed."""
    page = new_page()
    page.goto(f"{base}/lab/tree/{chapter}?token={token}")
    wait_for_kernel_idle(page)
    run_all(page)
    wait_until_finished([page], timeout=timeout)
    assert error_outputs(page) == []
    return page


def widget_state(path):
    """The widget states a saved notebook keeps ({} before it is saved with them, or while it is being written)."""
    try:
        metadata = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
    except ValueError:
        return {}
    return metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})


def lab_chapter(tmp_path, chapter):
    shutil.copy(ROOT / "notebooks" / chapter, tmp_path / chapter)  # the student's copy: the test never saves over ours
    return jupyterlab(tmp_path, env={"COURSE_QUICK": "1"})


@pytest.mark.timeout(660)  # its chapter may take 600 s to run in JupyterLab
def test_chapter_2_temperature_slider_writes_a_new_line_and_chart(tmp_path):
    chapter = "02-lstm-text.ipynb"
    with lab_chapter(tmp_path, chapter) as (base, token), browser(viewport=(1400, 1000)) as new_page:
        page = open_and_run(new_page, base, token, chapter, 600)
        area = page.locator(".widget-vbox", has=page.locator(".widget-label", has_text="temperature")).locator(".widget-output").first
        text = lambda: area.inner_text()
        image = lambda: area.locator("img").first.get_attribute("src") or ""
        line, chart = text(), image()
        assert "Shall I compare thee" in line and chart.startswith("data:image/png"), (line[:200], chart[:60])
        readout = drag_slider(page, "temperature", 160)
        assert readout != "0.80", "the drag moved the slider"
        new_line, seconds = wait_for(text, lambda t: f"T = {readout}" in t)  # the run for where the drag ended
        new_chart, _ = wait_for(image, lambda src: src != chart)
        assert "Shall I compare thee" in new_line and new_line != line
        assert new_chart.startswith("data:image/png") and new_chart != chart
        stepped, pressed = step_slider(page, "temperature")
        wait_for(text, lambda t: f"T = {stepped}" in t)
        wait_for(image, lambda src: src != new_chart)
        one_step = time.monotonic() - pressed
        page.screenshot("jupyterlab-chapter-2-slider")
        assert error_outputs(page) == []
        record("widget-latency-chapter-2", {"dragged_to": readout, "seconds_after_release": seconds,
                                            "stepped_to": stepped, "seconds_from_key_to_new_line_and_chart": one_step})


@pytest.mark.timeout(960)  # its chapter may take 900 s to run in JupyterLab
def test_chapter_5_latent_slider_decodes_a_new_digit(tmp_path):
    chapter = "05-vae.ipynb"
    with lab_chapter(tmp_path, chapter) as (base, token), browser(viewport=(1400, 1000)) as new_page:
        page = open_and_run(new_page, base, token, chapter, 900)
        explorer = page.locator(".widget-hbox", has=page.locator(".widget-label", has_text="z₁")).first
        digit = lambda: explorer.locator(".widget-image").first.evaluate(
            "img => { const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;"
            " c.getContext('2d').drawImage(img, 0, 0); return c.toDataURL(); }")
        label = lambda: explorer.locator(".widget-label", has_text="closest to the test codes").first.inner_text()
        before, where = digit(), label()
        assert where.startswith("(0.00, 0.00)"), where
        readout = drag_slider(page, "z₁", 120)
        new_where, seconds = wait_for(label, lambda w: w.startswith(f"({float(readout):.2f}, 0.00)"))
        new_digit, _ = wait_for(digit, lambda d: d != before)
        assert new_digit != before
        stepped, pressed = step_slider(page, "z₁")
        wait_for(label, lambda w: w.startswith(f"({float(stepped):.2f}, 0.00)"))
        wait_for(digit, lambda d: d != new_digit)
        one_step = time.monotonic() - pressed
        page.screenshot("jupyterlab-chapter-5-explorer")
        page.keyboard.press("Control+s")  # saved, the notebook keeps the widgets' last state (bin/course turns saveState on)
        saved = wait_for(lambda: widget_state(tmp_path / chapter), lambda states: any(
            st["model_name"] == "FloatSliderModel" and st["state"].get("description") == "z₁ (right)"
            and abs(st["state"]["value"] - float(stepped)) < 1e-9 for st in states.values()))[0]
        assert any(st["model_name"] == "ImageModel" for st in saved.values())
        record("widget-latency-chapter-5", {"dragged_to": readout, "seconds_after_release": seconds,
                                            "stepped_to": stepped, "seconds_from_key_to_new_digit": one_step})
