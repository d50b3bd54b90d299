package creativeai.kernel.widgets;

import java.util.Map;

/**
 * A control's style (ipywidgets' {@code SliderStyle}, {@code ButtonStyle}, ...): the properties that are not CSS
 * layout, such as the width of a description. Made by the controls themselves, with ipywidgets' defaults.
 */
public final class Style extends Appearance {
    Style(String name, Map<String, Object> defaults) {
        super("@jupyter-widgets/controls", name);
        defaults.forEach(this::define);
    }

    /** Style defaults as alternating names and values (values may be null, which {@code Map.of} refuses). */
    static Map<String, Object> defaults(Object... namesAndValues) {
        Map<String, Object> defaults = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) defaults.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return defaults;
    }

    /** Sets one style property by its ipywidgets name (e.g. {@code description_width}); returns this style. */
    public Style property(String property, Object value) {
        setProperty(property, value);
        return this;
    }
}
