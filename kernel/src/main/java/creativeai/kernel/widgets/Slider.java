package creativeai.kernel.widgets;

/**
 * What {@link IntSlider} and {@link FloatSlider} share: a value between a minimum and a maximum in steps, dragged
 * or clicked in the front end. A value from the front end outside the range is clamped to it, as ipywidgets does.
 */
public abstract class Slider<N extends Number> extends Control {
    protected Slider(String name, String description, N value, N min, N max, N step, String readoutFormat) {
        super(name, description, Style.defaults("description_width", "", "handle_color", null));
        define("behavior", "drag-tap");
        define("continuous_update", true);
        define("max", max);
        define("min", min);
        define("orientation", "horizontal");
        define("readout", true);
        define("readout_format", readoutFormat);
        define("step", step);
        define("value", value);
    }

    /** This slider's number type from a double (an int slider rounds). */
    protected abstract N of(double value);

    public N value() {
        return get("value");
    }

    public N min() {
        return get("min");
    }

    public N max() {
        return get("max");
    }

    /** Whether the front end sends every position while dragging (true) or only where the drag ends. */
    public Slider<N> continuousUpdate(boolean continuous) {
        set("continuous_update", continuous);
        return this;
    }

    protected final void setValue(double value) {
        set("value", clamp(value));
    }

    protected final void setRange(double min, double max) {
        if (!(min <= max)) throw new IllegalArgumentException(description() + ": the minimum " + min + " is above the maximum " + max);
        set("min", of(min));
        set("max", of(max));
        set("value", clamp(value().doubleValue()));
    }

    protected final void setStep(double step) {
        if (!(step > 0)) throw new IllegalArgumentException(description() + ": the step must be positive, not " + step);
        set("step", of(step));
    }

    private N clamp(double value) {
        if (Double.isNaN(value)) throw new IllegalArgumentException(description() + ": the value is not a number");
        return of(Math.max(min().doubleValue(), Math.min(max().doubleValue(), value)));
    }

    @Override
    protected Object accept(String key, Object value) {
        return clamp(((Number) value).doubleValue());
    }
}
