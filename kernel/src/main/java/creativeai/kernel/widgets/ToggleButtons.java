package creativeai.kernel.widgets;

import java.util.List;

/** A row of buttons of which one is pressed (ipywidgets' {@code ToggleButtons}). */
public final class ToggleButtons extends Selection {
    private ToggleButtons(String description, List<String> options) {
        super("ToggleButtons", description, options, Style.defaults("button_width", "", "description_width", "", "font_weight", ""));
        define("button_style", "");
        define("icons", List.of());
        define("tooltips", List.of());
    }

    public static ToggleButtons of(String description, List<String> options) {
        return new ToggleButtons(description, options);
    }

    @Override
    public ToggleButtons value(String option) {
        super.value(option);
        return this;
    }
}
