package creativeai.kernel.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.Map;

/**
 * The content fields of each message a front end sends, with their JSON types, as the messaging protocol (5.3)
 * gives them: a required field that is missing, or any listed field of another type, is refused before a handler
 * sees it. Fields not listed are ignored, as the protocol asks of new fields.
 */
final class RequestShapes {
    private enum Kind { STRING, NUMBER, BOOLEAN, OBJECT }

    private record Field(Kind kind, boolean required) {
    }

    private static Field required(Kind kind) {
        return new Field(kind, true);
    }

    private static Field optional(Kind kind) {
        return new Field(kind, false);
    }

    private static final Map<String, Map<String, Field>> SHAPES = Map.ofEntries(
            Map.entry("execute_request", Map.of("code", required(Kind.STRING), "silent", optional(Kind.BOOLEAN),
                    "store_history", optional(Kind.BOOLEAN), "user_expressions", optional(Kind.OBJECT),
                    "allow_stdin", optional(Kind.BOOLEAN), "stop_on_error", optional(Kind.BOOLEAN))),
            Map.entry("inspect_request", Map.of("code", required(Kind.STRING), "cursor_pos", required(Kind.NUMBER),
                    "detail_level", optional(Kind.NUMBER))),
            Map.entry("complete_request", Map.of("code", required(Kind.STRING), "cursor_pos", required(Kind.NUMBER))),
            Map.entry("is_complete_request", Map.of("code", required(Kind.STRING))),
            Map.entry("history_request", Map.of("hist_access_type", required(Kind.STRING), "output", optional(Kind.BOOLEAN),
                    "raw", optional(Kind.BOOLEAN), "session", optional(Kind.NUMBER), "start", optional(Kind.NUMBER),
                    "stop", optional(Kind.NUMBER), "n", optional(Kind.NUMBER), "pattern", optional(Kind.STRING),
                    "unique", optional(Kind.BOOLEAN))),
            Map.entry("comm_info_request", Map.of("target_name", optional(Kind.STRING))),
            Map.entry("kernel_info_request", Map.of()),
            Map.entry("shutdown_request", Map.of("restart", optional(Kind.BOOLEAN))),
            Map.entry("interrupt_request", Map.of()),
            Map.entry("comm_open", Map.of("comm_id", required(Kind.STRING), "target_name", required(Kind.STRING),
                    "data", optional(Kind.OBJECT))),
            Map.entry("comm_msg", Map.of("comm_id", required(Kind.STRING), "data", optional(Kind.OBJECT))),
            Map.entry("comm_close", Map.of("comm_id", required(Kind.STRING), "data", optional(Kind.OBJECT))),
            Map.entry("input_reply", Map.of("value", required(Kind.STRING))));

    /** The protocol's defaults for optional fields whose absence Gson would read as false. */
    private static final Map<String, Map<String, Boolean>> DEFAULTS = Map.of(
            "execute_request", Map.of("silent", false, "store_history", true, "allow_stdin", true, "stop_on_error", true),
            "history_request", Map.of("output", false, "raw", true));

    private RequestShapes() {
    }

    /** Puts the protocol's default in for each optional field the sender left out. */
    static void fillDefaults(String type, JsonObject content) {
        DEFAULTS.getOrDefault(type, Map.of()).forEach((field, value) -> {
            if (!content.has(field) || content.get(field).isJsonNull()) content.addProperty(field, value);
        });
    }

    /** Refuses content that lacks a required field or has one of another type; types the kernel only sends pass. */
    static void check(String type, JsonObject content) throws RefusedMessage {
        Map<String, Field> shape = SHAPES.get(type);
        if (shape == null) {
            throw new RefusedMessage("a " + type + " is a message the kernel sends, not one it takes");
        }
        for (Map.Entry<String, Field> entry : shape.entrySet()) {
            JsonElement value = content.get(entry.getKey());
            Field field = entry.getValue();
            if (value == null || value.isJsonNull()) {
                if (field.required()) throw new RefusedMessage("its content has no '" + entry.getKey() + "'");
                continue;
            }
            if (!is(field.kind(), value)) {
                throw new RefusedMessage("its '" + entry.getKey() + "' is " + value + ", not a "
                        + field.kind().name().toLowerCase());
            }
        }
        if (type.equals("history_request") && !content.get("hist_access_type").getAsString().matches("range|tail|search")) {
            throw new RefusedMessage("its hist_access_type is '" + content.get("hist_access_type").getAsString()
                    + "', not range, tail or search");
        }
    }

    private static boolean is(Kind kind, JsonElement value) {
        return switch (kind) {
            case OBJECT -> value.isJsonObject();
            case STRING -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
            case NUMBER -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
            case BOOLEAN -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
        };
    }
}
