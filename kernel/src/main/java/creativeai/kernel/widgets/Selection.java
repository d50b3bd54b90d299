package creativeai.kernel.widgets;

import java.util.List;
import java.util.Map;

/**
 * What {@link Dropdown} and {@link ToggleButtons} share: one of a list of options, chosen by its index. The front
 * end sends the index; one outside the list is refused.
 */
public abstract class Selection extends Control {
    protected Selection(String name, String description, List<String> options, Map<String, Object> styleDefaults) {
        super(name, description, styleDefaults);
        if (options.isEmpty()) throw new IllegalArgumentException(description + ": a choice needs at least one option");
        define("_options_labels", List.copyOf(options));
        define("index", 0);
    }

    public List<String> options() {
        return get("_options_labels");
    }

    public int index() {
        return get("index");
    }

    /** The chosen option. */
    public String value() {
        return options().get(index());
    }

    /** Chooses an option by its label. */
    public Selection value(String option) {
        int index = options().indexOf(option);
        if (index < 0) throw new IllegalArgumentException(description() + ": no option '" + option + "' (the options are " + options() + ")");
        set("index", index);
        return this;
    }

    @Override
    protected boolean editable(String key) {
        return key.equals("index");
    }

    @Override
    protected Object accept(String key, Object value) {
        int index = (Integer) value;
        if (index < 0 || index >= options().size()) throw new IllegalArgumentException("index " + index + " is outside the " + options().size() + " options");
        return index;
    }

    @Override
    protected String valueText() {
        return value();
    }
}
