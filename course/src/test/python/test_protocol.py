"""The kernel speaks the Jupyter protocol as a front end expects: info, execute, errors, completion,
inspection, is_complete, display and update_display, magics."""
import json
import pathlib
import time
import subprocess
import zipfile

from conftest import ROOT, of_type, result_text, run


def test_kernel_info_names_java(kernel):
    _, kc = kernel
    reply = kc.kernel_info(reply=True, timeout=30)["content"]
    assert reply["status"] == "ok"
    assert reply["language_info"]["name"] == "java"
    assert reply["language_info"]["file_extension"] == ".jshell"


def test_every_chapter_stores_the_language_the_kernel_reports(kernel):
    """JupyterLab writes the kernel's language_info into a notebook it opens; stored the same, a chapter opens with
    no unsaved-changes mark (on the course's Java release, 17; the version is the release, not the build)."""
    _, kc = kernel
    reported = kc.kernel_info(reply=True, timeout=30)["content"]["language_info"]
    assert reported["version"] == str(int(reported["version"])), reported
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        stored = json.loads(path.read_text(encoding="utf-8"))["metadata"]["language_info"]
        assert stored == {**reported, "version": "17"}, f"{path.name}: {stored} (the kernel reports {reported})"


def test_expression_value_is_the_result(kernel):
    _, kc = kernel
    reply, out = run(kc, "int a = 20;\nint b = 22;\na + b")
    assert reply["status"] == "ok"
    results = of_type(out, "execute_result")
    assert [r["content"]["data"]["text/plain"] for r in results] == ["42"]


def test_statement_has_no_result_and_stdout_streams(kernel):
    _, kc = kernel
    reply, out = run(kc, 'System.out.println("hello from java");')
    assert reply["status"] == "ok"
    assert not of_type(out, "execute_result")
    assert "hello from java" in "".join(m["content"]["text"] for m in of_type(out, "stream"))


def test_state_persists_between_cells(kernel):
    _, kc = kernel
    run(kc, "List<String> names = new ArrayList<>(List.of(\"ada\"));")
    run(kc, "names.add(\"alan\");")
    _, out = run(kc, "names")
    assert result_text(out) == "[ada, alan]"


def test_compile_error_names_the_line(kernel):
    _, kc = kernel
    reply, out = run(kc, "int ok = 1;\nint broken = undefinedThing + 1;")
    assert reply["status"] == "error"
    assert reply["ename"] == "CompilationException"
    assert "line 2" in reply["evalue"] and "undefinedThing" in reply["evalue"]
    assert of_type(out, "error")


def test_a_printf_at_the_end_of_a_cell_shows_only_what_it_printed(kernel):
    _, kc = kernel
    _, out = run(kc, 'System.out.printf("%d bars%n", 8)')
    assert not of_type(out, "execute_result")
    assert "8 bars" in "".join(m["content"]["text"] for m in of_type(out, "stream"))


def test_printed_lines_arrive_whole_not_in_fragments(kernel):
    _, kc = kernel
    _, out = run(kc, 'System.out.printf("%d of %s: %.2f%n", 3, "ten", 0.5);\nSystem.out.println("second " + 2);')
    texts = [m["content"]["text"] for m in of_type(out, "stream")]
    assert "".join(texts) == "3 of ten: 0.50\nsecond 2\n"
    assert len(texts) <= 2, f"one printf and one println came as {len(texts)} messages: {texts}"


def test_a_partial_line_shows_while_the_cell_runs_and_before_a_later_display(kernel):
    _, kc = kernel
    started = time.monotonic()
    msg_id = kc.execute('System.out.print("training..."); Thread.sleep(2000); System.out.print(" shown: "); display("chart"); System.out.println("done");')
    seen = []
    while True:
        msg = kc.get_iopub_msg(timeout=30)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        if msg["msg_type"] not in ("stream", "display_data"):
            continue
        seen.append((time.monotonic() - started, msg["msg_type"], msg["content"].get("text")))
    first_seconds, first_type, first_text = seen[0]
    assert (first_type, first_text) == ("stream", "training..."), seen
    assert first_seconds < 1.5, f"the partial line waited {first_seconds:.1f} s for the end of the cell"
    kinds = [kind for _, kind, _ in seen]
    assert kinds.index("display_data") > max(i for i, (_, kind, text) in enumerate(seen) if kind == "stream" and "shown" in (text or "")), seen


def test_runtime_exception_keeps_its_type_and_message(kernel):
    _, kc = kernel
    reply, out = run(kc, 'throw new IllegalArgumentException("temperature must be > 0");')
    assert reply["status"] == "error"
    assert reply["ename"] == "IllegalArgumentException"
    assert reply["evalue"] == "temperature must be > 0"
    traceback = "\n".join(of_type(out, "error")[0]["content"]["traceback"])
    assert "temperature must be > 0" in traceback
    assert "creativeai.kernel" not in traceback


def test_later_snippets_do_not_run_after_an_error(kernel):
    _, kc = kernel
    run(kc, "int counter = 0;")
    run(kc, 'counter++;\nif (true) throw new RuntimeException("stop");\ncounter++;')
    _, out = run(kc, "counter")
    assert result_text(out) == "1"


def test_completion_offers_members(kernel):
    _, kc = kernel
    run(kc, 'String word = "melody";')
    code = 'int n = 1;\nword.toUpp'
    reply = kc.complete(code, len(code), reply=True, timeout=30)["content"]
    assert reply["status"] == "ok"
    assert any(m.startswith("toUpperCase(") for m in reply["matches"])
    assert code[reply["cursor_start"]:reply["cursor_end"]] == "toUpp"


def test_inspection_shows_signature(kernel):
    _, kc = kernel
    code = "Math.max(3, 4)"
    reply = kc.inspect(code, code.index("max") + 2, reply=True, timeout=30)["content"]
    assert reply["status"] == "ok" and reply["found"]
    assert "max(" in reply["data"]["text/plain"]


def is_complete(kc, code):
    msg_id = kc.is_complete(code)
    reply = kc.get_shell_msg(timeout=30)
    assert reply["parent_header"]["msg_id"] == msg_id
    return reply["content"]


def test_is_complete(kernel):
    _, kc = kernel
    assert is_complete(kc, "int x = 1;")["status"] == "complete"
    assert is_complete(kc, "int x = 1;\nx + 1")["status"] == "complete"
    incomplete = is_complete(kc, "for (int i = 0; i < 3; i++) {")
    assert incomplete["status"] == "incomplete" and incomplete["indent"] == "    "


def test_display_and_update_display(kernel):
    _, kc = kernel
    reply, out = run(kc, 'String id = display("<b>epoch 1</b>", "text/html");\nupdateDisplay(id, "<b>epoch 2</b>", "text/html");')
    assert reply["status"] == "ok"
    shown = of_type(out, "display_data")
    updated = of_type(out, "update_display_data")
    assert shown[0]["content"]["data"]["text/html"] == "<b>epoch 1</b>"
    assert updated[0]["content"]["data"]["text/html"] == "<b>epoch 2</b>"
    display_id = shown[0]["content"]["transient"]["display_id"]
    assert display_id and updated[0]["content"]["transient"]["display_id"] == display_id


def test_image_renders_as_png(kernel):
    _, kc = kernel
    _, out = run(kc, "var img = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);\nimg")
    data = of_type(out, "execute_result")[0]["content"]["data"]
    import base64
    assert base64.b64decode(data["image/png"])[:8] == b"\x89PNG\r\n\x1a\n"


def test_render_returns_a_bundle(kernel):
    _, kc = kernel
    _, out = run(kc, 'render("# Title", "text/markdown")')
    assert of_type(out, "execute_result")[0]["content"]["data"]["text/markdown"] == "# Title"


def test_magics_jars_classpath_load(kernel, tmp_path):
    _, kc = kernel
    src = tmp_path / "src" / "demo"
    src.mkdir(parents=True)
    (src / "Greeter.java").write_text("package demo; public class Greeter { public static String hi() { return \"hi\"; } }")
    classes = tmp_path / "classes"
    subprocess.run(["javac", "-d", str(classes), str(src / "Greeter.java")], check=True)
    jar = tmp_path / "greeter.jar"
    with zipfile.ZipFile(jar, "w") as z:
        z.write(classes / "demo" / "Greeter.class", "demo/Greeter.class")
    reply, out = run(kc, f"%jars {tmp_path}/*.jar\ndemo.Greeter.hi()")
    assert reply["status"] == "ok", reply
    assert result_text(out) == "hi"

    (src / "Other.java").write_text("package demo; public class Other { public static int n() { return 7; } }")
    subprocess.run(["javac", "-d", str(tmp_path / "more"), str(src / "Other.java")], check=True)
    reply, out = run(kc, f"%classpath {tmp_path / 'more'}\ndemo.Other.n()")
    assert result_text(out) == "7"

    script = tmp_path / "helpers.jsh"
    script.write_text("int twice(int x) { return 2 * x; }\n")
    reply, out = run(kc, f"%load {script}\ntwice(21)")
    assert result_text(out) == "42"


def test_missing_jar_is_a_clear_error(kernel):
    _, kc = kernel
    reply, _ = run(kc, "%jars /nonexistent/*.jar")
    assert reply["status"] == "error"
    assert "nothing matches" in reply["evalue"]


def test_maven_magic_resolves_with_dependencies(kernel):
    _, kc = kernel
    # commons-text is resolved from Maven Central (or the local repository) with its dependency commons-lang3.
    reply, out = run(kc, "%maven org.apache.commons:commons-text:1.10.0\n"
                         "org.apache.commons.text.WordUtils.capitalize(\"creative machines\")", timeout=300)
    assert reply["status"] == "ok", reply
    assert result_text(out) == "Creative Machines"


def test_a_later_import_does_not_reset_earlier_variables(kernel):
    # JShell recompiles a declaration when new star imports might change what its names mean, and without
    # help the recompiled variable comes back null (seen in the chapters: a Parameters cell's String).
    _, kc = kernel
    run(kc, 'import creativeai.Course;\nString PROMPT = "Shall I compare thee";')
    reply, _ = run(kc, "import creativeai.data.*;\nimport creativeai.display.*;\nimport creativeai.sequence.*;\n"
                       "import creativeai.text.*;\nimport tech.tablesaw.api.*;")
    assert reply["status"] == "ok"
    _, out = run(kc, "PROMPT")
    assert result_text(out) == "Shall I compare thee"


def test_history_is_answered_with_the_cells_run_and_a_status(kernel):
    """JupyterLab asks for history when it connects; an unanswered request left its status at "Unknown"."""
    _, kc = kernel
    run(kc, 'String tune = "history one";')
    run(kc, 'tune + " and two"')
    msg_id = kc.history(hist_access_type="tail", n=2)
    reply = kc.get_shell_msg(timeout=30)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=30)
    inputs = [entry[2] for entry in reply["content"]["history"]]
    assert inputs == ['String tune = "history one";', 'tune + " and two"'], inputs
    states = []
    while "idle" not in states:
        msg = kc.get_iopub_msg(timeout=30)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status":
            states.append(msg["content"]["execution_state"])
    assert states == ["busy", "idle"]
    found = kc.history(hist_access_type="search", pattern="*history one*", unique=True, reply=True, timeout=30)
    assert [entry[2] for entry in found["content"]["history"]] == ['String tune = "history one";']


def test_double_precision_products_are_right_in_the_kernel(kernel):
    """Under the kernelspec's OpenBLAS setting a double matrix product matches a plain Java loop. (The empty core
    type the kernel once set picked OpenBLAS kernels whose double products were off by up to 11.)"""
    _, kc = kernel
    code = """
var xs = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 300, 128);
var ys = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 128, 200);
var product = xs.mmul(ys);
double[][] xd = xs.toDoubleMatrix(), yd = ys.toDoubleMatrix();
double worst = 0;
for (int i = 0; i < 300; i++) for (int j = 0; j < 200; j++) {
    double sum = 0;
    for (int k = 0; k < 128; k++) sum += xd[i][k] * yd[k][j];
    worst = Math.max(worst, Math.abs(sum - product.getDouble(i, j)));
}
worst"""
    reply, outputs = run(kc, code, timeout=120)
    assert reply["status"] == "ok", reply
    assert float(result_text(outputs)) < 1e-9
