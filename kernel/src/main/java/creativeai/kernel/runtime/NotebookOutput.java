package creativeai.kernel.runtime;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Where rich output goes: the running kernel publishes it to the notebook; with no kernel (tests, plain
 * {@code java}) the text form is printed. Installed once by the kernel through {@link Display#connect}.
 */
public interface NotebookOutput {
    /** Renders an object into a MIME bundle, restricted to the given types when any are named. */
    DisplayData render(Object value, String... mimeTypes);

    /** Shows an already rendered bundle as a new output under the given display id. */
    void show(DisplayData data, String displayId);

    /** Replaces the output shown under a display id. */
    void update(DisplayData data, String displayId);

    /** Clears the cell's output now, or (waitForNext) just before its next output arrives, so it does not flicker. */
    void clear(boolean waitForNext);

    /** Shows text in the front end's pager, for reading beside the notebook (JupyterLab puts it below the cell). */
    void page(String text);
}
