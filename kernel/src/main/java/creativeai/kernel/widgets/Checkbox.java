package creativeai.kernel.widgets;

/** A box to tick (ipywidgets' {@code Checkbox}): {@code Checkbox.of("keep the rhyme", true)}. */
public final class Checkbox extends Control {
    private Checkbox(String description, boolean value) {
        super("Checkbox", description, Style.defaults("background", null, "description_width", ""));
        define("indent", true);
        define("value", value);
    }

    public static Checkbox of(String description, boolean value) {
        return new Checkbox(description, value);
    }

    public boolean value() {
        return get("value");
    }

    public Checkbox value(boolean value) {
        set("value", value);
        return this;
    }

    @Override
    protected String valueText() {
        return value() ? "yes" : "no";
    }
}
