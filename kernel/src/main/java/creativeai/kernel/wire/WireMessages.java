package creativeai.kernel.wire;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.adapters.HeaderAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryRequestAdapter;
import org.dflib.jjava.jupyter.messages.adapters.KernelTimestampAdapter;
import org.dflib.jjava.jupyter.messages.adapters.MessageTypeAdapter;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.zeromq.ZMQ;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns the frames of one ZeroMQ message into a Jupyter message, checking everything a sender can get wrong: the
 * {@code <IDS|MSG>} delimiter and the five frames after it, the HMAC signature (compared in constant time), UTF-8
 * text, JSON objects, a header with an id and a known type, and content fields of the types the protocol gives
 * ({@link RequestShapes}). Anything else is a {@link RefusedMessage} that says what was wrong and, when the sender can
 * be answered, to whom. The messaging library's own reader throws on the first surprise, which ended the thread
 * that reads the shell socket: the kernel then looked alive and answered nothing.
 */
final class WireMessages {
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final Type JSON_MAP = new TypeToken<Map<String, Object>>() { }.getType();
    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
            .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
            .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
            .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
            .create();

    private final HMACGenerator signatures;

    WireMessages(HMACGenerator signatures) {
        this.signatures = signatures;
    }

    /**
     * Every frame of the next message on the socket, whatever they hold (a message is never left half read); none when
     * no message came within the socket's receive timeout, or at once with {@link ZMQ#DONTWAIT}.
     */
    static List<byte[]> receiveFrames(ZMQ.Socket socket, int flags) {
        List<byte[]> frames = new ArrayList<>();
        do {
            byte[] frame = frames.isEmpty() ? socket.recv(flags) : socket.recv();
            if (frame == null) break;
            frames.add(frame);
        } while (socket.hasReceiveMore());
        return frames;
    }

    /** The Jupyter message these frames carry, or the reason it is refused. */
    Message<?> parse(List<byte[]> frames) throws RefusedMessage {
        int delimiter = indexOfDelimiter(frames);
        if (delimiter < 0) {
            throw new RefusedMessage("no <IDS|MSG> delimiter among its " + frames.size() + " frames: not a Jupyter message");
        }
        if (frames.size() < delimiter + 6) {
            throw new RefusedMessage((frames.size() - delimiter - 1) + " frames after the delimiter, not the 5 a Jupyter "
                    + "message has (signature, header, parent header, metadata, content)");
        }
        List<byte[]> identities = new ArrayList<>(frames.subList(0, delimiter));
        byte[] signature = frames.get(delimiter + 1);
        byte[] header = frames.get(delimiter + 2);
        byte[] parent = frames.get(delimiter + 3);
        byte[] metadata = frames.get(delimiter + 4);
        byte[] content = frames.get(delimiter + 5);
        List<byte[]> buffers = new ArrayList<>(frames.subList(delimiter + 6, frames.size()));
        checkSignature(signature, header, parent, metadata, content);

        JsonObject headerJson = object("header", text("header", header));
        Header<?> parsedHeader = header(headerJson);
        Message<?> replyTo = new Message<>(identities, parsedHeader, null);
        try {
            Header<?> parentHeader = parentHeader(object("parent header", text("parent header", parent)));
            Map<String, Object> meta = GSON.fromJson(object("metadata", text("metadata", metadata)), JSON_MAP);
            JsonObject contentJson = object("content", text("content", content));
            RequestShapes.check(parsedHeader.getType().getName(), contentJson);
            RequestShapes.fillDefaults(parsedHeader.getType().getName(), contentJson);
            Object body = GSON.fromJson(contentJson, parsedHeader.getType().getContentType());
            @SuppressWarnings({"unchecked", "rawtypes"})
            Message<?> message = new Message(identities, parsedHeader, parentHeader, meta, body, buffers);
            return message;
        } catch (RefusedMessage e) {
            throw e.answering(replyTo);
        } catch (RuntimeException e) { // Gson's own complaints: a field of the wrong shape deeper down
            throw new RefusedMessage("its content does not fit a " + parsedHeader.getType().getName() + ": " + e.getMessage())
                    .answering(replyTo);
        }
    }

    private static int indexOfDelimiter(List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(DELIMITER, frames.get(i))) return i;
        }
        return -1;
    }

    private void checkSignature(byte[] signature, byte[]... parts) throws RefusedMessage {
        String expected = signatures.calculateSignature(parts);
        if (expected == null || expected.isEmpty()) return; // the connection file has no key: messages are not signed
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature)) {
            throw new RefusedMessage("its signature is wrong (a message from someone without this kernel's key, or altered)");
        }
    }

    private static Header<?> header(JsonObject json) throws RefusedMessage {
        String type = string(json, "msg_type");
        string(json, "msg_id");
        if (MessageType.getType(type) == MessageType.UNKNOWN) {
            throw new RefusedMessage("its type '" + type + "' is not a message this kernel handles");
        }
        // a header's other fields are only echoed back: lenient, as ipykernel is, about ones a client left out
        if (!json.has("username") || !json.get("username").isJsonPrimitive()) json.addProperty("username", "");
        if (!json.has("session") || !json.get("session").isJsonPrimitive()) json.addProperty("session", "");
        if (!json.has("version") || !json.get("version").isJsonPrimitive()) json.addProperty("version", Header.PROTOCOL_VERISON);
        if (json.has("date") && !json.get("date").isJsonPrimitive()) json.remove("date");
        try {
            return GSON.fromJson(json, Header.class);
        } catch (RuntimeException e) {
            throw new RefusedMessage("its header cannot be read: " + e.getMessage());
        }
    }

    private static Header<?> parentHeader(JsonObject json) throws RefusedMessage {
        if (json.isEmpty() || !json.has("msg_type")) return null;
        try {
            return header(json);
        } catch (RefusedMessage e) {
            return null; // a parent header is only echoed: an odd one is dropped, not a reason to refuse the request
        }
    }

    private static String string(JsonObject json, String field) throws RefusedMessage {
        JsonElement value = json.get(field);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new RefusedMessage("its header has no " + field + " string");
        }
        return value.getAsString();
    }

    private static JsonObject object(String part, String text) throws RefusedMessage {
        JsonElement json;
        try {
            json = JsonParser.parseString(text);
        } catch (RuntimeException e) {
            throw new RefusedMessage("its " + part + " is not JSON: " + e.getMessage());
        }
        if (!json.isJsonObject()) throw new RefusedMessage("its " + part + " is not a JSON object");
        return json.getAsJsonObject();
    }

    /** The frame as UTF-8 text; malformed bytes are refused with where they are, never silently replaced. */
    static String text(String part, byte[] frame) throws RefusedMessage {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(frame);
        try {
            return decoder.decode(bytes).toString();
        } catch (MalformedInputException e) {
            int at = bytes.position();
            throw new RefusedMessage(String.format("its %s is not UTF-8 text (byte 0x%02x at offset %d)",
                    part, at < frame.length ? frame[at] & 0xff : 0, at));
        } catch (CharacterCodingException e) {
            throw new RefusedMessage("its " + part + " is not UTF-8 text");
        }
    }
}
