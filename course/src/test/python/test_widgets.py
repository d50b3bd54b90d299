"""Widgets over Jupyter comms, checked as a front end sees them: comm_info lists the widget target, every
comm_open carries the state ipywidgets 8 itself would send for that widget, changes travel both ways (with
echo_update), a callback's exception lands in its output area, a long callback stops on interrupt, and bad
messages are refused while the kernel keeps answering."""
import json
import time

import ipywidgets
import pytest

from conftest import of_type, result_text, run

PYTHON_TWINS = {  # _model_name -> the ipywidgets object whose state ours must match
    "IntSliderModel": lambda: ipywidgets.IntSlider(), "FloatSliderModel": lambda: ipywidgets.FloatSlider(),
    "DropdownModel": lambda: ipywidgets.Dropdown(options=["a", "b"]),
    "ToggleButtonsModel": lambda: ipywidgets.ToggleButtons(options=["a", "b"]),
    "CheckboxModel": lambda: ipywidgets.Checkbox(), "ButtonModel": lambda: ipywidgets.Button(),
    "TextModel": lambda: ipywidgets.Text(), "LabelModel": lambda: ipywidgets.Label(),
    "ImageModel": lambda: ipywidgets.Image(value=b"x"), "OutputModel": lambda: ipywidgets.Output(),
    "HBoxModel": lambda: ipywidgets.HBox(), "VBoxModel": lambda: ipywidgets.VBox(),
    "LayoutModel": lambda: ipywidgets.Layout(), "SliderStyleModel": lambda: ipywidgets.SliderStyle(),
    "DescriptionStyleModel": lambda: ipywidgets.widgets.widget_description.DescriptionStyle(),
    "ToggleButtonsStyleModel": lambda: ipywidgets.widgets.widget_selection.ToggleButtonsStyle(),
    "CheckboxStyleModel": lambda: ipywidgets.widgets.widget_bool.CheckboxStyle(),
    "ButtonStyleModel": lambda: ipywidgets.ButtonStyle(), "TextStyleModel": lambda: ipywidgets.widgets.widget_string.TextStyle(),
    "LabelStyleModel": lambda: ipywidgets.widgets.widget_string.LabelStyle(),
}


def json_kind(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    return type(value).__name__


def python_state(model_name):
    widget = PYTHON_TWINS[model_name]()
    state, _, _ = ipywidgets.widgets.widget._remove_buffers(widget.get_state())
    return json.loads(json.dumps(state))  # as the front end receives it: tuples are lists


def comm_opens(outputs):
    return {m["content"]["comm_id"]: m for m in of_type(outputs, "comm_open")}


def comm_of(outputs, model_name):
    """The comm id of the first widget of that model the outputs opened."""
    return next(cid for cid, m in comm_opens(outputs).items() if m["content"]["data"]["state"]["_model_name"] == model_name)


def send_comm(kc, comm_id, data, buffers=None):
    msg = kc.session.msg("comm_msg", {"comm_id": comm_id, "data": data})
    kc.shell_channel.send(msg) if not buffers else kc.session.send(kc.shell_channel.socket, msg, buffers=buffers)
    return msg["header"]["msg_id"]


def iopub_until(kc, accept, timeout=30):
    """Reads iopub messages until accept(msg) is true; returns that message and those before it."""
    seen = []
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            msg = kc.get_iopub_msg(timeout=1)
        except Exception:
            continue
        seen.append(msg)
        if accept(msg):
            return msg, seen
    raise AssertionError(f"no such message within {timeout} s; saw {[m['msg_type'] for m in seen]}")


def output_update(comm_id):
    return lambda m: (m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == comm_id
                      and m["content"]["data"].get("method") == "update" and "outputs" in m["content"]["data"]["state"]
                      and m["content"]["data"]["state"]["outputs"])


def test_every_widget_opens_with_the_state_ipywidgets_would_send(kernel):
    _, kc = kernel
    reply, out = run(kc, """
        var all = VBox.of(IntSlider.of("k", 5), FloatSlider.of("t", 0.8), Dropdown.of("d", List.of("a", "b")),
            ToggleButtons.of("tb", List.of("a", "b")), Checkbox.of("c", true), Button.of("b"), Text.of("x", "y"),
            Label.of("l"), ImageView.of(new byte[] {1, 2, 3}), Output.of(), HBox.of(Label.of("in a row")));
        all.show();""")
    assert reply["status"] == "ok", reply
    opens = comm_opens(out)
    assert len(opens) >= 30, len(opens)
    names = set()
    for comm_id, msg in opens.items():
        content = msg["content"]
        assert content["target_name"] == "jupyter.widget"
        assert msg["metadata"]["version"] == "2.1.0"
        ours = content["data"]["state"]
        names.add(ours["_model_name"])
        theirs = python_state(ours["_model_name"])
        assert sorted(ours) == sorted(theirs), (ours["_model_name"], set(ours) ^ set(theirs))
        for key in theirs:
            if key.startswith("_") and key not in ("_model_module", "_model_name", "_view_name"):
                continue
            if key in ("value", "index", "_options_labels", "description", "children", "outputs"):
                continue  # ours were set to other values than the defaults
            kinds = {json_kind(ours[key]), json_kind(theirs[key])}
            assert len(kinds) == 1 or kinds == {"null", "str"} and key in ("tooltip",), (ours["_model_name"], key, ours[key], theirs[key])
            if key.startswith("_") or isinstance(theirs[key], (bool, int, float)) and key not in ("max", "min", "step"):
                assert ours[key] == theirs[key] or key in ("layout", "style"), (ours["_model_name"], key, ours[key], theirs[key])
        if ours["_model_name"] == "ImageModel":
            assert content["data"]["buffer_paths"] == [["value"]] and msg["buffers"][0] == b"\x01\x02\x03"
    assert names >= set(PYTHON_TWINS), set(PYTHON_TWINS) - names
    views = of_type(out, "display_data")
    assert views and "application/vnd.jupyter.widget-view+json" in views[-1]["content"]["data"]
    view = views[-1]["content"]["data"]["application/vnd.jupyter.widget-view+json"]
    assert view["version_major"] == 2 and view["model_id"] in opens
    assert "text/html" in views[-1]["content"]["data"], "a front end without widgets shows the static fallback"

    info = kc.comm_info(target_name="jupyter.widget", reply=True, timeout=30)["content"]
    assert info["status"] == "ok"
    assert set(opens) <= set(info["comms"]) and {c["target_name"] for c in info["comms"].values()} == {"jupyter.widget"}


def test_changes_travel_both_ways_and_reach_the_callback(kernel):
    _, kc = kernel
    _, out = run(kc, """
        var k = IntSlider.of("top-k", 5).range(1, 40);
        var seen = new ArrayList<Integer>();
        k.onChange(() -> seen.add(k.value()));
        k.show();""")
    slider = comm_of(out, "IntSliderModel")
    parent = send_comm(kc, slider, {"method": "update", "state": {"value": 7}, "buffer_paths": []})
    echo, _ = iopub_until(kc, lambda m: m["msg_type"] == "comm_msg" and m["parent_header"].get("msg_id") == parent)
    assert echo["content"]["data"] == {"method": "echo_update", "state": {"value": 7}, "buffer_paths": []}
    time.sleep(0.5)
    _, out = run(kc, "k.value() + \" \" + seen")
    assert result_text(out).strip('"') == "7 [7]"

    _, out = run(kc, "k.value(9);")
    updates = [m["content"] for m in of_type(out, "comm_msg")]
    assert {"comm_id": slider, "data": {"method": "update", "state": {"value": 9}, "buffer_paths": []}} in updates

    send_comm(kc, slider, {"method": "update", "state": {"value": 400}, "buffer_paths": []})
    time.sleep(0.5)
    _, out = run(kc, "k.value()")
    assert result_text(out) == "40", "a value outside the range is clamped"


def test_an_exception_in_a_callback_shows_in_its_output_area(kernel):
    _, kc = kernel
    _, out = run(kc, """
        var n = IntSlider.of("n", 1).range(0, 10);
        interact(() -> {
            if (n.value() > 3) throw new IllegalArgumentException("n is too large: " + n.value());
            System.out.println("n = " + n.value());
        }, n);""")
    opens = comm_opens(out)
    slider = comm_of(out, "IntSliderModel")
    area = comm_of(out, "OutputModel")
    assert opens[area]["content"]["data"]["state"]["outputs"][0]["text"] == "n = 1\n"
    send_comm(kc, slider, {"method": "update", "state": {"value": 2}, "buffer_paths": []})
    update, _ = iopub_until(kc, output_update(area))
    assert update["content"]["data"]["state"]["outputs"][0]["text"] == "n = 2\n"
    send_comm(kc, slider, {"method": "update", "state": {"value": 8}, "buffer_paths": []})
    update, _ = iopub_until(kc, lambda m: output_update(area)(m) and m["content"]["data"]["state"]["outputs"][0]["output_type"] == "error")
    error = update["content"]["data"]["state"]["outputs"][0]
    assert error["ename"] == "IllegalArgumentException" and error["evalue"] == "n is too large: 8"
    assert any("line 4 of the cell" in line for line in error["traceback"]), error["traceback"]


def test_a_burst_of_changes_runs_the_callback_once_more_not_once_each(kernel):
    _, kc = kernel
    _, out = run(kc, """
        var runs = new java.util.concurrent.atomic.AtomicInteger();
        var s = IntSlider.of("s", 0).range(0, 100);
        interact(() -> { runs.incrementAndGet(); try { Thread.sleep(300); } catch (InterruptedException e) {} }, s);""")
    slider = comm_of(out, "IntSliderModel")
    for value in range(1, 21):
        send_comm(kc, slider, {"method": "update", "state": {"value": value}, "buffer_paths": []})
        time.sleep(0.02)
    time.sleep(1.5)
    _, out = run(kc, 'runs.get() + " " + s.value()')
    runs, value = result_text(out).strip('"').split()
    assert value == "20" and 2 <= int(runs) <= 5, (runs, value)


def test_interrupt_stops_a_long_callback_and_the_kernel_goes_on(kernel):
    km, kc = kernel
    _, out = run(kc, """
        var go = Checkbox.of("run forever", false);
        interact(() -> { long spins = 0; while (go.value()) spins++; System.out.println("idle"); }, go);""")
    box = comm_of(out, "CheckboxModel")
    area = comm_of(out, "OutputModel")
    send_comm(kc, box, {"method": "update", "state": {"value": True}, "buffer_paths": []})
    time.sleep(1.5)
    began = time.monotonic()
    km.interrupt_kernel()
    update, _ = iopub_until(kc, lambda m: output_update(area)(m) and m["content"]["data"]["state"]["outputs"][-1]["output_type"] == "error")
    assert update["content"]["data"]["state"]["outputs"][-1]["ename"] == "Stopped"
    assert time.monotonic() - began < 5
    reply, out = run(kc, "1 + 1")
    assert reply["status"] == "ok" and result_text(out) == "2"


def test_bad_comm_messages_are_refused_and_the_kernel_answers(kernel):
    _, kc = kernel
    _, out = run(kc, 'var b = IntSlider.of("b", 3).range(0, 5); b.show();')
    slider = comm_of(out, "IntSliderModel")
    for data in ({"method": "update", "state": {"value": "three"}}, {"method": "update", "state": {"nonsense": 1}},
                 {"method": "update"}, {"method": "fly"}, {}, {"method": "update", "state": {"value": 1}, "buffer_paths": [["value"]]}):
        send_comm(kc, slider, data)
    send_comm(kc, "no-such-comm", {"method": "update", "state": {"value": 1}})
    kc.shell_channel.send(kc.session.msg("comm_open", {"comm_id": "x1", "target_name": "no.such.target", "data": {}}))
    kc.shell_channel.send(kc.session.msg("comm_msg", {"data": {"method": "update"}}))
    kc.shell_channel.send(kc.session.msg("comm_close", {"comm_id": "nothing"}))
    time.sleep(0.5)
    reply, out = run(kc, "b.value()")
    assert reply["status"] == "ok" and result_text(out) == "3", "no bad message changed the value"


def test_the_control_comm_sends_every_state_for_a_reopened_notebook(kernel):
    """The notebook's widgets, made here (the module's other tests may have made more in the same kernel)."""
    _, kc = kernel
    _, out = run(kc, """
        ImageView.of(new byte[] {7, 7}).show();
        ImageView.of(new byte[] {8, 8, 8}).show();
        var r = IntSlider.of("r", 2).range(0, 9);
        interact(() -> System.out.println("r = " + r.value()), r);""")
    made = set(comm_opens(out))
    kc.shell_channel.send(kc.session.msg("comm_open", {"comm_id": "control-1", "target_name": "jupyter.widget.control", "data": {}}))
    send_comm(kc, "control-1", {"method": "request_states"})
    reply, _ = iopub_until(kc, lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == "control-1")
    data = reply["content"]["data"]
    assert data["method"] == "update_states" and len(made) >= 5 and made <= set(data["states"]), (made, list(data["states"]))
    assert all(set(s) == {"model_name", "model_module", "model_module_version", "state"} for s in data["states"].values())
    assert len(data["buffer_paths"]) == len(reply["buffers"]) >= 2
    assert all(p[1:] == ["state", "value"] and p[0] in data["states"] for p in data["buffer_paths"])


def test_a_widget_closed_from_java_closes_its_comm(kernel):
    _, kc = kernel
    _, out = run(kc, 'var bye = Label.of("bye"); bye.show(); bye.close();')
    opened = comm_of(out, "LabelModel")
    assert [m["content"]["comm_id"] for m in of_type(out, "comm_close")] == [opened]
    info = kc.comm_info(target_name="jupyter.widget", reply=True, timeout=30)["content"]
    assert opened not in info["comms"]
    reply, _ = run(kc, 'bye.value("again"); bye.show();')
    assert reply["status"] == "error" and "was closed" in reply["evalue"], reply
