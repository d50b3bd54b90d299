package creativeai.kernel.widgets;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A button (ipywidgets' {@code Button}): {@code Button.of("write another").onClick(() -> ...)}. */
public final class Button extends DomWidget {
    private final List<Runnable> clicks = new CopyOnWriteArrayList<>();

    private Button(String description) {
        super("Button");
        define("button_style", "");
        define("description", description);
        define("disabled", false);
        define("icon", "");
        define("style", new Style("ButtonStyle", Style.defaults("button_color", null, "font_family", null,
                "font_size", null, "font_style", null, "font_variant", null, "font_weight", null, "text_color", null,
                "text_decoration", null)));
    }

    public static Button of(String description) {
        return new Button(description);
    }

    /** Runs {@code action} at every click (on the kernel's callback thread, after the cell that runs, if any). */
    public Button onClick(Runnable action) {
        clicks.add(action);
        return this;
    }

    /** Clicks the button from Java: the click actions run now, on this thread. */
    public void click() {
        clicks.forEach(Runnable::run);
    }

    @Override
    protected void custom(Map<String, Object> content) {
        if (!"click".equals(content.get("event"))) throw new IllegalArgumentException("a button knows no event " + content.get("event"));
        click();
    }

    @Override
    public String fallbackHtml() {
        return "<button disabled>" + escape(get("description")) + "</button>";
    }

    @Override
    public String fallbackText() {
        return "[" + get("description") + "]";
    }
}
