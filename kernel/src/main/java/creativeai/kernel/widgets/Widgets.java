package creativeai.kernel.widgets;

/**
 * The notebook functions for widgets, imported into every cell like {@code display}: {@code interact(body,
 * controls...)} shows controls that rerun {@code body} when they change; {@code interactive} builds the same without
 * showing it. The controls themselves ({@link IntSlider}, {@link FloatSlider}, {@link Dropdown}, {@link Button},
 * ...) are classes of this package, also imported.
 */
public final class Widgets {
    private Widgets() {
    }

    /**
     * Shows {@code controls} and an output area under them; runs {@code body} now and after every change. Returns
     * nothing, so that a cell ending in it shows the widgets once (use {@link #interactive} to keep them).
     */
    public static void interact(Callback body, Widget... controls) {
        interactive(body, controls).show();
    }

    /** The same as {@link #interact}, not shown yet (put it in a box, or call {@code show()}). */
    public static Interactive interactive(Callback body, Widget... controls) {
        return Interactive.of(body, controls);
    }
}
