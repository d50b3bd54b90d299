package creativeai.kernel.widgets;

/** A line of text the kernel sets and the student reads (ipywidgets' {@code Label}). */
public final class Label extends DomWidget {
    private Label(String value) {
        super("Label");
        define("description", "");
        define("description_allow_html", false);
        define("placeholder", "\u200b");
        define("style", new Style("LabelStyle", Style.defaults("background", null, "description_width", "",
                "font_family", null, "font_size", null, "font_style", null, "font_variant", null, "font_weight", null,
                "text_color", null, "text_decoration", null)));
        define("value", value);
    }

    public static Label of(String value) {
        return new Label(value);
    }

    public String value() {
        return get("value");
    }

    public Label value(String value) {
        set("value", value);
        return this;
    }

    @Override
    public String fallbackHtml() {
        return "<div class=\"widget-fallback\">" + escape(value()) + "</div>";
    }

    @Override
    public String fallbackText() {
        return value();
    }
}
