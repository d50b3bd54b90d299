package creativeai.kernel.widgets;

import creativeai.kernel.runtime.Display;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One widget model of the Jupyter widget protocol (version 2, as ipywidgets 8 and JupyterLab's
 * {@code jupyterlab_widgets} speak it): a named state that lives both here and in the notebook's browser tab, kept
 * in step in both directions. Subclasses declare their attributes with the same names and defaults as the matching
 * ipywidgets class, so what a Python tutorial says about {@code IntSlider} holds for this one. A widget opens its
 * comm when first shown (or put in a box that is); outside a kernel it lives here only, and its listeners still run
 * (tests rely on that).
 */
public abstract class Widget {
    /** The MIME type of a widget's view in a display bundle. */
    public static final String VIEW_MIME_TYPE = "application/vnd.jupyter.widget-view+json";
    private final String id = UUID.randomUUID().toString().replace("-", "");
    private final Map<String, Object> state = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean opened;
    private volatile boolean closed;

    /** @param module the JavaScript package, e.g. {@code @jupyter-widgets/controls}; name: e.g. {@code IntSlider} */
    protected Widget(String module, String moduleVersion, String name, String viewModule, String viewModuleVersion) {
        state.put("_model_module", module);
        state.put("_model_module_version", moduleVersion);
        state.put("_model_name", name + "Model");
        state.put("_view_count", null);
        state.put("_view_module", viewModule);
        state.put("_view_module_version", viewModuleVersion);
        state.put("_view_name", name.endsWith("Style") ? "StyleView" : name + "View");
    }

    /** A widget of ipywidgets' controls package (version 2.0.0) with its view of the same name. */
    protected Widget(String name) {
        this("@jupyter-widgets/controls", "2.0.0", name, "@jupyter-widgets/controls", "2.0.0");
    }

    /** The comm id, which is also the model id a front end knows this widget by. */
    public final String id() {
        return id;
    }

    /** Declares an attribute and its default; called from constructors, before the widget is opened. */
    protected final void define(String key, Object value) {
        state.put(key, value);
    }

    /**
     * Opens the widget's comm, after those of the widgets it holds: the front end creates the model from the whole
     * state. A widget opens when first shown or put in an open box; until then a change stays in Java.
     */
    final synchronized void open() {
        if (opened || closed) return;
        for (Widget part : parts()) part.open();
        opened = true;
        WidgetLink.current().open(this);
    }

    /** Closes the widget's comm: the front end forgets the model and its views go blank. It cannot be shown again. */
    public final synchronized void close() {
        if (opened && !closed) WidgetLink.current().close(this);
        closed = true;
    }

    @SuppressWarnings("unchecked")
    protected final <T> T get(String key) {
        return (T) state.get(key);
    }

    /**
     * Changes an attribute from Java: the front end is told; if it is the value a student changes (a slider's value, a
     * choice's index), the listeners run, as they do when the student changes it.
     */
    protected final void set(String key, Object value) {
        Object old = state.put(key, value);
        if (Objects.equals(old, value)) return;
        if (opened && !closed) {
            if (value instanceof Widget widget) widget.open();
            if (value instanceof List<?> list) list.stream().filter(Widget.class::isInstance).forEach(w -> ((Widget) w).open());
            WidgetLink.current().update(this, Collections.singletonMap(key, value));
        }
        if (editable(key)) changed();
    }

    /** Runs the listeners, after a change from Java. */
    protected final void changed() {
        for (Runnable listener : listeners) listener.run();
    }

    /** The listeners, for the kernel to run after a change from the front end (each once per burst of changes). */
    final List<Runnable> listeners() {
        return List.copyOf(listeners);
    }

    /** Calls {@code listener} after every change of this widget's value (or choice), from the front end or from Java. */
    public Widget onChange(Runnable listener) {
        listeners.add(listener);
        return this;
    }

    /** The whole state, as sent to the front end when the comm opens (and saved with the notebook). */
    public final Map<String, Object> state() {
        synchronized (state) {
            return new LinkedHashMap<>(state);
        }
    }

    /** The widgets this one holds (a box's children, a control's layout and style), opened before it. */
    public List<Widget> parts() {
        List<Widget> parts = new ArrayList<>();
        for (Object value : state().values()) {
            if (value instanceof Widget widget) parts.add(widget);
            if (value instanceof List<?> list) list.stream().filter(Widget.class::isInstance).map(Widget.class::cast).forEach(parts::add);
        }
        return parts;
    }

    /**
     * Takes a change the front end sent: the attribute must exist, must not be one of the protocol's own names, and the
     * value must have the attribute's type; {@link #accept} may refine it (a slider clamps to its range). Returns the
     * value taken; throws {@link IllegalArgumentException} (for the kernel's log) when it refuses.
     */
    final Object receive(String key, Object value) {
        if (key.startsWith("_") || !state.containsKey(key)) throw new IllegalArgumentException("no attribute '" + key + "' to change");
        if (!editable(key)) throw new IllegalArgumentException("'" + key + "' is set by the kernel only");
        Object current = state.get(key);
        Object typed = WidgetState.sameType(current, value, key);
        Object taken = accept(key, typed);
        state.put(key, taken);
        return taken;
    }

    /** Which attributes the front end may change (by default: none; controls open their value). */
    protected boolean editable(String key) {
        return false;
    }

    /** Checks or adjusts a value the front end sent for an editable attribute; the default takes it as it is. */
    protected Object accept(String key, Object value) {
        return value;
    }

    /** A message other than a state change ({@code method: custom}); a button's click is one. */
    protected void custom(Map<String, Object> content) {
    }

    /**
     * Shows the widget in the notebook, with its static fallback for front ends without widgets. (A cell whose
     * result is a widget shows it too.)
     */
    public void show() {
        Display.display(this);
    }

    /**
     * The output bundle that shows this widget: the view a widget-aware front end draws, and its last state as HTML
     * and text for the rest (the course site, a terminal, a notebook saved without widget state). Opens the widget.
     */
    public final DisplayData view() {
        if (closed) throw new IllegalStateException("this " + getClass().getSimpleName() + " was closed: make a new one to show");
        open();
        DisplayData bundle = new DisplayData(fallbackText());
        bundle.putHTML(fallbackHtml());
        bundle.putData(VIEW_MIME_TYPE, Map.of("version_major", 2, "version_minor", 0, "model_id", id));
        return bundle;
    }

    /** What a front end without widgets shows: the widget's last state, as HTML. */
    public abstract String fallbackHtml();

    /** What a plain-text front end shows. */
    public abstract String fallbackText();

    @Override
    public String toString() {
        return fallbackText();
    }
}
