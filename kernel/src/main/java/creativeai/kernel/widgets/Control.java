package creativeai.kernel.widgets;

import java.util.Map;

/**
 * A control a student changes: it has a description (its label), can be disabled, and has a value the front end may
 * change. Its static fallback is the label and the value.
 */
public abstract class Control extends DomWidget {
    protected Control(String name, String description, Map<String, Object> styleDefaults) {
        super(name);
        define("description", description);
        define("description_allow_html", false);
        define("disabled", false);
        define("style", new Style(styleName(name), styleDefaults));
        style().property("description_width", "initial"); // the whole label, not ipywidgets' first eight letters
    }

    private static String styleName(String control) {
        if (control.endsWith("Slider")) return "SliderStyle";
        if (control.equals("Dropdown")) return "DescriptionStyle";
        return control + "Style";
    }

    public String description() {
        return get("description");
    }

    public Style style() {
        return get("style");
    }

    /** The value, as text: what the fallback shows. */
    protected abstract String valueText();

    @Override
    protected boolean editable(String key) {
        return key.equals("value");
    }

    @Override
    public String fallbackHtml() {
        return "<div class=\"widget-fallback\"><b>" + escape(description()) + "</b> " + escape(valueText()) + "</div>";
    }

    @Override
    public String fallbackText() {
        return description() + ": " + valueText();
    }
}
