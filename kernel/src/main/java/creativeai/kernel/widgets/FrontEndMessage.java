package creativeai.kernel.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a front end's message to a widget asks, applied to the widget: {@code update} (a changed state, echoed back
 * in ipywidgets 8's {@code echo_update} so other views of the notebook follow), {@code request_state} (send the
 * whole state) or {@code custom} (a button's click). Values are checked one by one: a refused one is named in
 * {@link #refused()} and the widget keeps its value, the others are taken.
 *
 * @param echo     the values taken, to echo
 * @param refused  why each refused attribute was refused
 * @param restate  attributes to send back with the kernel's value (refused ones), or the whole state on request
 * @param toRun    what the kernel must run afterwards (listeners of the changed widget, a click), on its callback thread
 */
public record FrontEndMessage(Map<String, Object> echo, List<String> refused, Map<String, Object> restate, List<Runnable> toRun) {

    /** Applies {@code data} (a comm message's data, as plain Java) to the widget with the message's buffers. */
    public static FrontEndMessage apply(Widget widget, Map<String, Object> data, List<byte[]> buffers) {
        Object method = data.get("method");
        Map<String, Object> echo = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        Map<String, Object> restate = new LinkedHashMap<>();
        List<Runnable> toRun = new ArrayList<>();
        if ("update".equals(method)) {
            if (!(data.get("state") instanceof Map<?, ?> state)) throw new IllegalArgumentException("an update without a 'state' object");
            Map<String, Object> sent = withBuffers(state, data.get("buffer_paths"), buffers);
            for (Map.Entry<String, Object> change : sent.entrySet()) {
                try {
                    echo.put(change.getKey(), widget.receive(change.getKey(), change.getValue()));
                } catch (IllegalArgumentException | ClassCastException e) {
                    refused.add(change.getKey() + ": " + e.getMessage());
                    Map<String, Object> kept = widget.state();
                    if (kept.containsKey(change.getKey())) restate.put(change.getKey(), kept.get(change.getKey()));
                }
            }
            if (!echo.isEmpty()) toRun.addAll(widget.listeners());
        } else if ("request_state".equals(method)) {
            restate.putAll(widget.state());
        } else if ("custom".equals(method)) {
            if (!(data.get("content") instanceof Map<?, ?> content)) throw new IllegalArgumentException("a custom message without 'content'");
            Map<String, Object> typed = new LinkedHashMap<>();
            content.forEach((k, v) -> typed.put(String.valueOf(k), v));
            toRun.add(() -> widget.custom(typed));
        } else {
            throw new IllegalArgumentException("no widget method '" + method + "' (update, request_state and custom are known)");
        }
        return new FrontEndMessage(echo, refused, restate, toRun);
    }

    private static Map<String, Object> withBuffers(Map<?, ?> state, Object paths, List<byte[]> buffers) {
        Map<String, Object> sent = new LinkedHashMap<>();
        state.forEach((k, v) -> sent.put(String.valueOf(k), v));
        if (paths == null) return sent;
        if (!(paths instanceof List<?> list) || list.size() != buffers.size()) {
            throw new IllegalArgumentException("buffer_paths does not match the " + buffers.size() + " buffers sent");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof List<?> path) || path.size() != 1) throw new IllegalArgumentException("only top-level buffer paths are known: " + list.get(i));
            sent.put(String.valueOf(path.get(0)), buffers.get(i));
        }
        return sent;
    }
}
