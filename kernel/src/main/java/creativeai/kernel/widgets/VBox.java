package creativeai.kernel.widgets;

import java.util.List;

/** Widgets one above the other (ipywidgets' {@code VBox}). */
public final class VBox extends Box {
    private VBox(List<? extends Widget> children) {
        super("VBox", children);
    }

    public static VBox of(Widget... children) {
        return new VBox(List.of(children));
    }

    public static VBox of(List<? extends Widget> children) {
        return new VBox(children);
    }

    @Override
    protected String direction() {
        return "column";
    }
}
