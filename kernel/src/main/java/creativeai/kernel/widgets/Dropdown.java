package creativeai.kernel.widgets;

import java.util.List;

/** A drop-down list of options (ipywidgets' {@code Dropdown}): {@code Dropdown.of("corpus", List.of("sonnets", "Tang"))}. */
public final class Dropdown extends Selection {
    private Dropdown(String description, List<String> options) {
        super("Dropdown", description, options, Style.defaults("description_width", ""));
    }

    public static Dropdown of(String description, List<String> options) {
        return new Dropdown(description, options);
    }

    @Override
    public Dropdown value(String option) {
        super.value(option);
        return this;
    }
}
