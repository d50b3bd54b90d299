package creativeai.kernel.widgets;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A widget state as the protocol carries it: JSON, with a widget that another holds written as
 * {@code "IPY_MODEL_<id>"} and binary values (an image's bytes) moved out into buffers, each named by its path in
 * {@code buffer_paths}. Also the reverse for values the front end sends, typed as the attribute they change.
 */
public final class WidgetState {
    private final JsonObject json = new JsonObject();
    private final JsonArray bufferPaths = new JsonArray();
    private final List<byte[]> buffers = new ArrayList<>();

    private WidgetState() {
    }

    /** The JSON form of some attributes of a widget, and the buffers taken out of it. */
    public static WidgetState of(Map<String, Object> attributes) {
        WidgetState state = new WidgetState();
        attributes.forEach((key, value) -> {
            JsonElement json = state.toJson(value, key);
            if (!(value instanceof byte[])) state.json.add(key, json); // a buffer's key is left out, as ipywidgets does
        });
        return state;
    }

    public JsonObject json() {
        return json;
    }

    public JsonArray bufferPaths() {
        return bufferPaths;
    }

    public List<byte[]> buffers() {
        return buffers;
    }

    private JsonElement toJson(Object value, String path) {
        if (value == null) return JsonNull.INSTANCE;
        if (value instanceof Widget widget) return new JsonPrimitive("IPY_MODEL_" + widget.id());
        if (value instanceof byte[] bytes) {
            JsonArray where = new JsonArray();
            where.add(path);
            bufferPaths.add(where);
            buffers.add(bytes);
            return JsonNull.INSTANCE;
        }
        if (value instanceof Boolean b) return new JsonPrimitive(b);
        if (value instanceof Number n) return new JsonPrimitive(n);
        if (value instanceof String s) return new JsonPrimitive(s);
        if (value instanceof List<?> list) {
            JsonArray array = new JsonArray();
            for (Object item : list) array.add(toJson(item, path));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject object = new JsonObject();
            map.forEach((k, v) -> object.add(String.valueOf(k), toJson(v, path)));
            return object;
        }
        throw new IllegalArgumentException("a widget attribute cannot hold a " + value.getClass().getName());
    }

    /** A value the front end sent, as the Java type of the attribute's current value; refuses any other JSON type. */
    static Object sameType(Object current, Object sent, String key) {
        if (sent == null) {
            if (current == null) return null;
            throw new IllegalArgumentException("'" + key + "' cannot be null");
        }
        if (current == null || current.getClass() == sent.getClass()) return sent;
        if (current instanceof Integer && sent instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) return d.intValue();
            throw new IllegalArgumentException("'" + key + "' must be a whole number, not " + d);
        }
        if (current instanceof Double && sent instanceof Integer i) return i.doubleValue();
        if (current instanceof List && sent instanceof List) return sent;
        throw new IllegalArgumentException("'" + key + "' must be a " + kind(current) + ", not a " + kind(sent) + " (" + sent + ")");
    }

    private static String kind(Object value) {
        if (value instanceof Integer) return "whole number";
        if (value instanceof Double) return "number";
        if (value instanceof Boolean) return "true/false";
        if (value instanceof String) return "string";
        if (value instanceof List) return "list";
        return value.getClass().getSimpleName();
    }

    /** JSON as plain Java: numbers become Integer when whole and small, Double otherwise. */
    public static Object plain(JsonElement element) {
        if (element == null || element.isJsonNull()) return null;
        if (element.isJsonArray()) {
            List<Object> list = new ArrayList<>();
            element.getAsJsonArray().forEach(item -> list.add(plain(item)));
            return list;
        }
        if (element.isJsonObject()) {
            Map<String, Object> map = new java.util.LinkedHashMap<>();
            element.getAsJsonObject().entrySet().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        if (primitive.isBoolean()) return primitive.getAsBoolean();
        if (primitive.isString()) return primitive.getAsString();
        double number = primitive.getAsDouble();
        String text = primitive.getAsString();
        boolean whole = !text.contains(".") && !text.contains("e") && !text.contains("E");
        return whole && Math.abs(number) <= Integer.MAX_VALUE ? (Object) (int) number : (Object) number;
    }
}
