package creativeai.kernel.widgets;

/** A slider over whole numbers (ipywidgets' {@code IntSlider}): {@code IntSlider.of("top-k", 5).range(1, 40)}. */
public final class IntSlider extends Slider<Integer> {
    private IntSlider(String description) {
        super("IntSlider", description, 0, 0, 100, 1, "d");
    }

    /** A slider labelled {@code description} at {@code value}, over 0 to 100 until {@link #range} says otherwise. */
    public static IntSlider of(String description, int value) {
        IntSlider slider = new IntSlider(description);
        slider.setRange(Math.min(0, value), Math.max(100, value));
        slider.setValue(value);
        return slider;
    }

    public IntSlider range(int min, int max) {
        setRange(min, max);
        return this;
    }

    public IntSlider step(int step) {
        setStep(step);
        return this;
    }

    public IntSlider value(int value) {
        setValue(value);
        return this;
    }

    @Override
    protected Integer of(double value) {
        return (int) Math.round(value);
    }

    @Override
    protected String valueText() {
        return String.valueOf(value());
    }
}
