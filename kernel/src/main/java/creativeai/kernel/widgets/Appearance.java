package creativeai.kernel.widgets;

/**
 * What {@link Layout} and {@link Style} share: a widget without a view of its own, a set of named properties of how
 * another widget looks. It shows nothing in a static fallback.
 */
public abstract class Appearance extends Widget {
    protected Appearance(String module, String name) {
        super(module, "2.0.0", name, "@jupyter-widgets/base", "2.0.0");
    }

    /** Sets one property by its ipywidgets name; refuses a name this kind of appearance does not have. */
    protected final void setProperty(String property, Object value) {
        if (!state().containsKey(property) || property.startsWith("_")) {
            throw new IllegalArgumentException("no " + getClass().getSimpleName().toLowerCase() + " property '" + property + "'");
        }
        set(property, value);
    }

    @Override
    public String fallbackHtml() {
        return "";
    }

    @Override
    public String fallbackText() {
        return "";
    }
}
