package creativeai.kernel.widgets;

import java.util.List;

/** Widgets side by side (ipywidgets' {@code HBox}). */
public final class HBox extends Box {
    private HBox(List<? extends Widget> children) {
        super("HBox", children);
    }

    public static HBox of(Widget... children) {
        return new HBox(List.of(children));
    }

    public static HBox of(List<? extends Widget> children) {
        return new HBox(children);
    }

    @Override
    protected String direction() {
        return "row";
    }
}
