package creativeai.kernel.runtime;

import creativeai.kernel.widgets.Widget;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Image;
import org.dflib.jjava.jupyter.kernel.display.common.Text;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.util.ServiceLoader;
import java.util.UUID;

/**
 * The notebook's output functions, with IJava's names: {@code display(x)} shows any object (an image as PNG,
 * an object that renders itself as HTML, anything else as text) and returns an id that
 * {@code updateDisplay(id, y)} uses to redraw that output in place; {@code render(x)} makes the bundle
 * without showing it. Every notebook cell sees these as plain functions. Outside a kernel they print text.
 */
public final class Display {
    private static volatile NotebookOutput output = new TextOutput();

    private Display() {
    }

    /**
     * Called by the kernel at start (code outside a kernel never calls it), and by an output widget while it captures
     * what a callback shows; returns the output it replaces.
     */
    public static NotebookOutput connect(NotebookOutput notebook) {
        NotebookOutput before = output;
        output = notebook;
        return before;
    }

    /** Where rich output goes now. */
    public static NotebookOutput connected() {
        return output;
    }

    /** Whether output reaches a notebook (true) or standard output as text (false). */
    public static boolean inNotebook() {
        return !(output instanceof TextOutput);
    }

    public static String display(Object value) {
        return display(value, new String[0]);
    }

    public static String display(Object value, String... mimeTypes) {
        String id = UUID.randomUUID().toString();
        output.show(render(value, mimeTypes), id);
        return id;
    }

    public static void updateDisplay(String displayId, Object value) {
        updateDisplay(displayId, value, new String[0]);
    }

    public static void updateDisplay(String displayId, Object value, String... mimeTypes) {
        output.update(render(value, mimeTypes), displayId);
    }

    /** Clears this cell's output: at once, or just before its next output when {@code waitForNext} (no flicker). */
    public static void clearOutput(boolean waitForNext) {
        output.clear(waitForNext);
    }

    public static void clearOutput() {
        clearOutput(false);
    }

    /** Shows a long text (a file, a model's summary) in the front end's pager rather than in the cell's output. */
    public static void page(Object value) {
        output.page(value instanceof CharSequence text ? text.toString()
                : String.valueOf(render(value, MIMEType.TEXT_PLAIN.toString()).getData(MIMEType.TEXT_PLAIN)));
    }

    public static DisplayData render(Object value) {
        return render(value, new String[0]);
    }

    public static DisplayData render(Object value, String... mimeTypes) {
        if (value instanceof DisplayData data) return data;
        if (value instanceof Widget widget && mimeTypes.length == 0) return widget.view();
        return output.render(value, mimeTypes);
    }

    /** Adds every {@link RenderExtension} on the classpath to a renderer (the kernel's, or the text fallback's). */
    public static Renderer extend(Renderer renderer) {
        ServiceLoader.load(RenderExtension.class).forEach(extension -> extension.registerAll(renderer));
        return renderer;
    }

    /** Prints the text/plain form; an update prints again, so progress shows as successive lines. */
    private static final class TextOutput implements NotebookOutput {
        private final Renderer renderer = newTextRenderer();

        private static Renderer newTextRenderer() {
            Renderer renderer = new Renderer();
            Image.registerAll(renderer);
            Text.registerAll(renderer);
            return extend(renderer);
        }

        @Override
        public DisplayData render(Object value, String... mimeTypes) {
            if (value == null) return new DisplayData("null");
            return mimeTypes.length == 0 ? renderer.render(value) : renderer.renderAs(value, mimeTypes);
        }

        @Override
        public void show(DisplayData data, String displayId) {
            Object text = data.getData(MIMEType.TEXT_PLAIN);
            if (text != null) System.out.println(text);
        }

        @Override
        public void update(DisplayData data, String displayId) {
            show(data, displayId);
        }

        @Override
        public void clear(boolean waitForNext) {
            // printed text cannot be taken back
        }

        @Override
        public void page(String text) {
            System.out.println(text);
        }
    }
}
