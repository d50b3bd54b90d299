package creativeai.kernel.widgets;

/** A one-line text field (ipywidgets' {@code Text}): {@code Text.of("begin with", "Shall I")}. */
public final class Text extends Control {
    private Text(String description, String value) {
        super("Text", description, Style.defaults("background", null, "description_width", "", "font_size", null, "text_color", null));
        define("continuous_update", true);
        define("placeholder", "\u200b");
        define("value", value);
    }

    public static Text of(String description, String value) {
        return new Text(description, value);
    }

    public String value() {
        return get("value");
    }

    public Text value(String value) {
        set("value", value);
        return this;
    }

    @Override
    protected String valueText() {
        return value();
    }
}
