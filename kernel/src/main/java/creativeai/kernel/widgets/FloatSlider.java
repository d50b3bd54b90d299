package creativeai.kernel.widgets;

import java.util.Locale;

/**
 * A slider over real numbers (ipywidgets' {@code FloatSlider}):
 * {@code FloatSlider.of("temperature", 0.8).range(0.1, 2).step(0.05)}.
 */
public final class FloatSlider extends Slider<Double> {
    private FloatSlider(String description) {
        super("FloatSlider", description, 0.0, 0.0, 100.0, 0.1, ".2f");
    }

    /** A slider labelled {@code description} at {@code value}, over 0 to 100 until {@link #range} says otherwise. */
    public static FloatSlider of(String description, double value) {
        FloatSlider slider = new FloatSlider(description);
        slider.setRange(Math.min(0, value), Math.max(100, value));
        slider.setValue(value);
        return slider;
    }

    public FloatSlider range(double min, double max) {
        setRange(min, max);
        return this;
    }

    public FloatSlider step(double step) {
        setStep(step);
        return this;
    }

    public FloatSlider value(double value) {
        setValue(value);
        return this;
    }

    @Override
    protected Double of(double value) {
        return value;
    }

    @Override
    protected String valueText() {
        return String.format(Locale.ROOT, "%.2f", value());
    }
}
