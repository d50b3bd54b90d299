package creativeai.kernel.widgets;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import creativeai.kernel.runtime.Display;
import creativeai.kernel.runtime.LineBuffer;
import creativeai.kernel.runtime.NotebookOutput;
import creativeai.kernel.runtime.StopCheck;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An output area the kernel fills (ipywidgets' {@code Output}): what code run inside {@link #capture} prints or
 * displays lands here instead of in the cell, and an exception it throws is shown here, not lost. The outputs are
 * the widget's state, so a saved notebook keeps them and the static fallback shows them.
 */
public final class Output extends DomWidget {
    private static final Gson GSON = new Gson();
    /** How often printed text is sent while a capture runs (it is always sent when the capture ends). */
    private static final long SEND_EVERY_MS = 100;
    private final List<Map<String, Object>> outputs = new ArrayList<>();
    private final Map<String, Integer> displays = new HashMap<>();
    private long lastSent;

    private Output() {
        super("@jupyter-widgets/output", "1.0.0", "Output");
        define("msg_id", "");
        define("outputs", List.of());
    }

    public static Output of() {
        return new Output();
    }

    /** Empties the area. */
    public synchronized void clear() {
        outputs.clear();
        displays.clear();
        publish();
    }

    /** The outputs, as nbformat writes them (stream, display_data, error). */
    public synchronized List<Map<String, Object>> outputs() {
        return List.copyOf(outputs);
    }

    /** The text printed into the area, all streams joined. */
    public synchronized String text() {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> output : outputs) if ("stream".equals(output.get("output_type"))) text.append(output.get("text"));
        return text.toString();
    }

    /**
     * Runs {@code body} with its printing and displays sent to this area. An exception it throws is shown here and
     * not thrown on; a stop request (the notebook's ■) is shown and passed on, so the cell or callback still ends.
     */
    public void capture(Callback body) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        NotebookOutput notebook = Display.connect(new Into(Display.connected()));
        try (PrintStream capturedOut = stream("stdout"); PrintStream capturedErr = stream("stderr")) {
            System.setOut(capturedOut);
            System.setErr(capturedErr);
            try {
                body.run();
            } catch (StopCheck.CellStopped stop) {
                capturedOut.flush();
                appendError("Stopped", "the run was stopped (■)", List.of("the run was stopped (■)"));
                throw stop;
            } catch (Exception | Error e) {
                capturedOut.flush();
                capturedErr.flush();
                if (e instanceof ThreadDeath death) throw death;
                appendError(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), WidgetLink.current().describe(e));
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
            Display.connect(notebook);
            publish();
        }
    }

    /** A stream whose lines (and, on flush, partial lines) land in the area as text of stream {@code name}. */
    private PrintStream stream(String name) {
        OutputStream text = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                appendText(name, new String(bytes, offset, length, StandardCharsets.UTF_8));
            }
        };
        return new PrintStream(new LineBuffer(text), true, StandardCharsets.UTF_8);
    }

    private synchronized void appendText(String name, String text) {
        Map<String, Object> last = outputs.isEmpty() ? null : outputs.get(outputs.size() - 1);
        if (last != null && "stream".equals(last.get("output_type")) && name.equals(last.get("name"))) {
            last.put("text", last.get("text") + text);
        } else {
            Map<String, Object> stream = new LinkedHashMap<>();
            stream.put("output_type", "stream");
            stream.put("name", name);
            stream.put("text", text);
            outputs.add(stream);
        }
        if (System.currentTimeMillis() - lastSent >= SEND_EVERY_MS) publish();
    }

    private synchronized void appendDisplay(DisplayData data, String displayId) {
        displays.put(displayId, outputs.size());
        outputs.add(displayOutput(data));
        publish();
    }

    private synchronized boolean replaceDisplay(DisplayData data, String displayId) {
        Integer at = displays.get(displayId);
        if (at == null) return false;
        outputs.set(at, displayOutput(data));
        publish();
        return true;
    }

    private synchronized void appendError(String name, String value, List<String> traceback) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("output_type", "error");
        error.put("ename", name);
        error.put("evalue", value);
        error.put("traceback", traceback);
        outputs.add(error);
    }

    private static Map<String, Object> displayOutput(DisplayData data) {
        JsonObject json = GSON.toJsonTree(data).getAsJsonObject();
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("output_type", "display_data");
        output.put("data", WidgetState.plain(json.get("data")));
        output.put("metadata", json.has("metadata") ? WidgetState.plain(json.get("metadata")) : Map.of());
        return output;
    }

    private synchronized void publish() {
        lastSent = System.currentTimeMillis();
        List<Object> copy = new ArrayList<>();
        for (Map<String, Object> output : outputs) copy.add(new LinkedHashMap<>(output));
        set("outputs", copy);
    }

    @Override
    public synchronized String fallbackHtml() {
        StringBuilder html = new StringBuilder("<div class=\"widget-fallback widget-output\">");
        for (Map<String, Object> output : outputs) {
            switch ((String) output.get("output_type")) {
                case "stream" -> html.append("<pre>").append(escape(output.get("text"))).append("</pre>");
                case "error" -> html.append("<pre class=\"widget-error\">").append(escape(String.join("\n", traceback(output)))).append("</pre>");
                default -> html.append(displayHtml((Map<?, ?>) output.get("data")));
            }
        }
        return html.append("</div>").toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> traceback(Map<String, Object> error) {
        return ((List<String>) error.get("traceback")).stream().map(line -> line.replaceAll("\u001b\\[[0-9;]*m", "")).toList();
    }

    private static String displayHtml(Map<?, ?> data) {
        if (data.get("text/html") instanceof String html) return html;
        if (data.get("image/png") instanceof String png) return "<img src=\"data:image/png;base64," + png.strip() + "\">";
        Object text = data.get("text/plain");
        return text == null ? "" : "<pre>" + escape(text) + "</pre>";
    }

    @Override
    public synchronized String fallbackText() {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> output : outputs) {
            switch ((String) output.get("output_type")) {
                case "stream" -> text.append(output.get("text"));
                case "error" -> text.append(String.join("\n", traceback(output))).append('\n');
                default -> text.append(plainText((Map<?, ?>) output.get("data"))).append('\n');
            }
        }
        return text.toString().stripTrailing();
    }

    /** A display's text form; a picture whose text is only Java's description of the object says it is a picture. */
    private static String plainText(Map<?, ?> data) {
        String plain = String.valueOf(data.get("text/plain"));
        boolean described = plain.length() > 120 || plain.contains("\n") || data.get("text/plain") == null;
        return data.containsKey("image/png") && described ? "(a picture)" : plain;
    }

    /** Display's output while a capture runs: new displays (and updates of them) land in the area. */
    private final class Into implements NotebookOutput {
        private final NotebookOutput outside;

        Into(NotebookOutput outside) {
            this.outside = outside;
        }

        @Override
        public DisplayData render(Object value, String... mimeTypes) {
            return outside.render(value, mimeTypes);
        }

        @Override
        public void show(DisplayData data, String displayId) {
            System.out.flush();
            appendDisplay(data, displayId);
        }

        @Override
        public void update(DisplayData data, String displayId) {
            if (!replaceDisplay(data, displayId)) outside.update(data, displayId);
        }

        @Override
        public void clear(boolean waitForNext) {
            System.out.flush();
            Output.this.clear();
        }

        @Override
        public void page(String text) {
            System.out.println(text); // an output area has no pager: the text lands in the area
        }
    }
}
