package creativeai.kernel.widgets;

import java.util.List;
import java.util.stream.Collectors;

/** What {@link HBox} and {@link VBox} share: widgets laid out in a row or a column. */
public abstract class Box extends DomWidget {
    protected Box(String name, List<? extends Widget> children) {
        super(name);
        define("box_style", "");
        define("children", List.copyOf(children));
    }

    public List<Widget> children() {
        return get("children");
    }

    /** Replaces what the box holds (new widgets open first). */
    public Box children(List<? extends Widget> children) {
        set("children", List.copyOf(children));
        return this;
    }

    protected abstract String direction();

    @Override
    public String fallbackHtml() {
        return "<div class=\"widget-fallback\" style=\"display:flex;flex-direction:" + direction() + ";gap:0.5em\">"
                + children().stream().map(Widget::fallbackHtml).map(html -> "<div>" + html + "</div>").collect(Collectors.joining())
                + "</div>";
    }

    @Override
    public String fallbackText() {
        List<String> texts = children().stream().map(Widget::fallbackText).filter(t -> !t.isEmpty()).toList();
        boolean oneLineEach = texts.stream().noneMatch(t -> t.contains("\n"));
        return String.join(direction().equals("row") && oneLineEach ? "   " : "\n", texts); // text has no columns for boxes of lines
    }
}
