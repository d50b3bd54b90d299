package creativeai.kernel.widgets;

import java.util.List;

/** A widget with a view on the page: it has a layout, CSS classes, a tooltip and a place in the tab order. */
public abstract class DomWidget extends Widget {
    protected DomWidget(String name) {
        super(name);
        defineDom();
    }

    protected DomWidget(String module, String version, String name) {
        super(module, version, name, module, version);
        defineDom();
    }

    private void defineDom() {
        define("_dom_classes", List.of());
        define("layout", new Layout());
        define("tabbable", null);
        define("tooltip", null);
    }

    public Layout layout() {
        return get("layout");
    }

    static String escape(Object value) {
        return String.valueOf(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
