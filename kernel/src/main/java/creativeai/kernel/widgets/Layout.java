package creativeai.kernel.widgets;

/**
 * A widget's CSS layout (ipywidgets' {@code Layout}): every shown widget holds one, and the front end expects it.
 * Each property is null (the browser's default) until set, e.g. {@code slider.layout().property("width", "400px")}.
 */
public final class Layout extends Appearance {
    private static final String[] PROPERTIES = {"align_content", "align_items", "align_self", "border_bottom",
            "border_left", "border_right", "border_top", "bottom", "display", "flex", "flex_flow", "grid_area",
            "grid_auto_columns", "grid_auto_flow", "grid_auto_rows", "grid_column", "grid_gap", "grid_row",
            "grid_template_areas", "grid_template_columns", "grid_template_rows", "height", "justify_content",
            "justify_items", "left", "margin", "max_height", "max_width", "min_height", "min_width", "object_fit",
            "object_position", "order", "overflow", "padding", "right", "top", "visibility", "width"};

    Layout() {
        super("@jupyter-widgets/base", "Layout");
        for (String property : PROPERTIES) define(property, null);
    }

    /** Sets one CSS property (its ipywidgets name, e.g. {@code width}, {@code max_height}); returns this layout. */
    public Layout property(String property, String value) {
        setProperty(property, value);
        return this;
    }
}
