package creativeai.kernel.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.comm.CommMsgCommand;
import org.dflib.jjava.jupyter.messages.reply.InputReply;
import org.dflib.jjava.jupyter.messages.request.CompleteRequest;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The frames of one ZeroMQ message become a Jupyter message only when every part a sender can get wrong is right:
 * the delimiter and the five frames after it, an HMAC-SHA256 signature made with the connection's key (computed
 * here with the JDK, as jupyter_client computes it), UTF-8 JSON objects, a header with a string id and a type the
 * kernel takes, and content of the shape the protocol gives. Each refusal says why, and carries the sender and
 * header when an error reply can be sent, none when it cannot. The cases are the ones test_wire.py sends to a
 * running kernel, its seeded fuzz of message shapes and binary garbage included.
 */
class WireMessagesTest {
    private static final String KEY = "2f9d6a1e-54c3-4b7f-9e21-c0ffee123456";
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(US_ASCII);
    private static final byte[] IDENTITY = {0, (byte) 0x80, 0, 0x41, (byte) 0xa7};
    private static final long FUZZ_SEED = 20261206L;

    private final WireMessages wire = new WireMessages(kernelSigner(KEY));

    private static HMACGenerator kernelSigner(String key) {
        try {
            return new HMACGenerator("hmac-sha256", key);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(UTF_8);
    }

    private static byte[] sign(String key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(US_ASCII), "HmacSHA256"));
            for (byte[] part : parts) mac.update(part);
            return HexFormat.of().formatHex(mac.doFinal()).getBytes(US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonObject header(String type) {
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", "c0a8-0001");
        header.addProperty("msg_type", type);
        header.addProperty("username", "ada");
        header.addProperty("session", "session-7");
        header.addProperty("date", "2026-12-06T10:15:30.123456Z");
        header.addProperty("version", "5.3");
        return header;
    }

    private static List<byte[]> signed(byte[] header, byte[] parent, byte[] metadata, byte[] content, byte[]... buffers) {
        List<byte[]> frames = new ArrayList<>(List.of(IDENTITY, DELIMITER, sign(KEY, header, parent, metadata, content),
                header, parent, metadata, content));
        frames.addAll(List.of(buffers));
        return frames;
    }

    private static List<byte[]> request(JsonObject header, byte[] content) {
        return signed(utf8(header.toString()), utf8("{}"), utf8("{}"), content);
    }

    private static List<byte[]> request(String type, String content) {
        return request(header(type), utf8(content));
    }

    private RefusedMessage refused(List<byte[]> frames) {
        return assertThrows(RefusedMessage.class, () -> wire.parse(frames));
    }

    private static void answerable(RefusedMessage refusal, String type) {
        Message<?> sender = refusal.replyTo();
        assertNotNull(sender, "an error reply can be sent for: " + refusal.getMessage());
        assertEquals(type, sender.getHeader().getType().getName());
        assertEquals("c0a8-0001", sender.getHeader().getId());
        assertEquals(1, sender.getIdentities().size());
        assertArrayEquals(IDENTITY, sender.getIdentities().get(0));
    }

    @Test
    void aSignedExecuteRequestIsReadWithItsSenderAndTheProtocolDefaults() throws RefusedMessage {
        Message<?> message = wire.parse(request("execute_request", "{\"code\": \"int a = 1;\"}"));
        Header<?> header = message.getHeader();
        ExecuteRequest content = assertInstanceOf(ExecuteRequest.class, message.getContent());
        assertAll(
                () -> assertEquals(1, message.getIdentities().size()),
                () -> assertArrayEquals(IDENTITY, message.getIdentities().get(0)),
                () -> assertSame(MessageType.EXECUTE_REQUEST, header.getType()),
                () -> assertEquals("c0a8-0001", header.getId()),
                () -> assertEquals("ada", header.getUsername()),
                () -> assertEquals("session-7", header.getSessionId()),
                () -> assertEquals("5.3", header.getVersion()),
                () -> assertEquals("2026-12-06T10:15:30.123456Z", header.getTimestamp().getDateString()),
                () -> assertNull(message.getParentHeader()),
                () -> assertEquals(Map.of(), message.getMetadata()),
                () -> assertEquals(List.of(), message.getBlobs()),
                () -> assertEquals("int a = 1;", content.getCode()),
                () -> assertFalse(content.isSilent()),
                () -> assertTrue(content.shouldStoreHistory()),
                () -> assertTrue(content.isStdinEnabled()),
                () -> assertTrue(content.shouldStopOnError()));
    }

    @Test
    void theParentHeaderMetadataBuffersAndEveryIdentityAreKept() throws RefusedMessage {
        JsonObject parent = header("execute_request");
        parent.addProperty("msg_id", "parent-1");
        byte[] headerFrame = utf8(header("comm_msg").toString());
        byte[] parentFrame = utf8(parent.toString());
        byte[] metadata = utf8("{\"cellId\": \"cell-3\", \"deletedCells\": []}");
        byte[] content = utf8("{\"comm_id\": \"w1\", \"data\": {\"method\": \"update\", \"state\": {\"value\": 4}}}");
        byte[] blob = {(byte) 0xff, 0, (byte) 0xfe};
        List<byte[]> frames = new ArrayList<>(List.of(utf8("second-identity")));
        frames.addAll(signed(headerFrame, parentFrame, metadata, content, blob, new byte[0]));
        Message<?> message = wire.parse(frames);
        CommMsgCommand comm = assertInstanceOf(CommMsgCommand.class, message.getContent());
        assertAll(
                () -> assertEquals(List.of("second-identity", new String(IDENTITY, UTF_8)),
                        message.getIdentities().stream().map(id -> new String(id, UTF_8)).toList()),
                () -> assertEquals("parent-1", message.getParentHeader().getId()),
                () -> assertSame(MessageType.EXECUTE_REQUEST, message.getParentHeader().getType()),
                () -> assertEquals("cell-3", message.getMetadata().get("cellId")),
                () -> assertEquals(List.of(), message.getMetadata().get("deletedCells")),
                () -> assertEquals(2, message.getBlobs().size()),
                () -> assertArrayEquals(blob, message.getBlobs().get(0)),
                () -> assertArrayEquals(new byte[0], message.getBlobs().get(1)),
                () -> assertEquals("w1", comm.getCommID()),
                () -> assertEquals(4, comm.getData().getAsJsonObject("state").get("value").getAsInt()));
    }

    @Test
    void aHistoryRequestAndAnInputReplyAreRead() throws RefusedMessage {
        Message<?> history = wire.parse(request("history_request", "{\"hist_access_type\": \"tail\", \"n\": 3}"));
        HistoryRequest.Tail tail = assertInstanceOf(HistoryRequest.Tail.class, history.getContent());
        assertEquals(3, tail.getMaxReturnLength());
        assertTrue(tail.useRaw());
        assertFalse(tail.includeOutput());
        Message<?> input = wire.parse(request("input_reply", "{\"value\": \"ada\"}"));
        assertEquals("ada", assertInstanceOf(InputReply.class, input.getContent()).getValue());
    }

    @Test
    void aTenMegabyteCellIsReadWholeSoThatTheKernelCanSayItIsTooLong() throws RefusedMessage {
        String code = "int a = 1;\n" + "// filler\n".repeat(1_000_000);
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        Message<?> message = wire.parse(request(header("execute_request"), utf8(content.toString())));
        assertEquals(code, ((ExecuteRequest) message.getContent()).getCode());
    }

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                Arguments.of("execute_request", utf8("{\"silent\": false}"), "its content has no 'code'"),
                Arguments.of("execute_request", utf8("{\"code\": 5}"), "its 'code' is 5, not a string"),
                Arguments.of("complete_request", utf8("{\"code\": \"Math.\", \"cursor_pos\": \"end\"}"),
                        "its 'cursor_pos' is \"end\", not a number"),
                Arguments.of("history_request", utf8("{\"hist_access_type\": \"sideways\"}"),
                        "its hist_access_type is 'sideways', not range, tail or search"),
                Arguments.of("inspect_request", utf8("[1, 2]"), "its content is not a JSON object"),
                Arguments.of("execute_request", concat(utf8("{\"code\": \"int a = 1; // "), new byte[] {(byte) 0xff,
                        (byte) 0xfe}, utf8("\"}")), "its content is not UTF-8 text (byte 0xff at offset 24)"),
                Arguments.of("is_complete_request", new byte[0], "its content is not a JSON object"),
                Arguments.of("is_complete_request", utf8("null"), "its content is not a JSON object"),
                Arguments.of("is_complete_request", utf8("\"code\""), "its content is not a JSON object"),
                Arguments.of("execute_request", utf8("{\"code\": \"1\", \"user_expressions\": []}"),
                        "its 'user_expressions' is [], not a object"),
                Arguments.of("comm_msg", utf8("{\"comm_id\": \"w1\", \"data\": [1, \"two\"]}"),
                        "its 'data' is [1,\"two\"], not a object"),
                Arguments.of("input_reply", utf8("{\"value\": 5}"), "its 'value' is 5, not a string"));
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    @ParameterizedTest
    @MethodSource("malformedRequests")
    void aMalformedRequestIsRefusedWithTheReasonAndCanBeAnswered(String type, byte[] content, String reason) {
        RefusedMessage refusal = refused(request(header(type), content));
        assertEquals(reason, refusal.getMessage());
        answerable(refusal, type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{code: oops", "{\"code\": \"1\"", "{\"code\": \"1\"} trailing", "{\"code\": }"})
    void contentThatIsNotJsonIsRefusedWithTheParsersComplaint(String content) {
        RefusedMessage refusal = refused(request("is_complete_request", content));
        assertTrue(refusal.getMessage().startsWith("its content is not JSON: "), refusal.getMessage());
        assertTrue(refusal.getMessage().length() > "its content is not JSON: ".length(), refusal.getMessage());
        answerable(refusal, "is_complete_request");
    }

    @Test
    void contentOfTheRightFieldTypesThatStillDoesNotFitIsRefusedAndCanBeAnswered() {
        RefusedMessage refusal = refused(request("execute_request",
                "{\"code\": \"1\", \"user_expressions\": {\"x\": {\"nested\": {\"deep\": [1]}}}}"));
        assertTrue(refusal.getMessage().startsWith("its content does not fit a execute_request: "), refusal.getMessage());
        answerable(refusal, "execute_request");
    }

    @Test
    void aWrongSignatureIsRefusedAndCannotBeAnswered() {
        List<byte[]> frames = request("execute_request", "{\"code\": \"1\"}");
        frames.set(2, "0".repeat(64).getBytes(US_ASCII));
        RefusedMessage refusal = refused(frames);
        assertEquals("its signature is wrong (a message from someone without this kernel's key, or altered)",
                refusal.getMessage());
        assertNull(refusal.replyTo());
    }

    @Test
    void aMessageSignedWithAnotherKeyOrAlteredAfterSigningOrUnsignedIsRefused() {
        byte[] header = utf8(header("execute_request").toString());
        byte[] content = utf8("{\"code\": \"1\"}");
        byte[] empty = utf8("{}");
        List<byte[]> otherKey = new ArrayList<>(List.of(DELIMITER, sign(KEY + "x", header, empty, empty, content),
                header, empty, empty, content));
        List<byte[]> altered = request(header("execute_request"), content);
        altered.set(6, utf8("{\"code\": \"System.exit(0);\"}"));
        List<byte[]> reordered = new ArrayList<>(List.of(DELIMITER, sign(KEY, content, empty, empty, header),
                header, empty, empty, content));
        List<byte[]> unsigned = request(header("execute_request"), content);
        unsigned.set(2, new byte[0]);
        List<byte[]> upperCase = request(header("execute_request"), content);
        upperCase.set(2, new String(upperCase.get(2), US_ASCII).toUpperCase().getBytes(US_ASCII));
        for (List<byte[]> frames : List.of(otherKey, altered, reordered, unsigned, upperCase)) {
            RefusedMessage refusal = refused(frames);
            assertTrue(refusal.getMessage().startsWith("its signature is wrong"), refusal.getMessage());
            assertNull(refusal.replyTo());
        }
    }

    @Test
    void aKernelWithoutAKeyTakesMessagesWhateverTheirSignatureFrame() throws RefusedMessage {
        WireMessages unsigned = new WireMessages(HMACGenerator.NO_AUTH_INSTANCE);
        List<byte[]> frames = request("kernel_info_request", "{}");
        frames.set(2, new byte[0]);
        assertSame(MessageType.KERNEL_INFO_REQUEST, unsigned.parse(frames).getHeader().getType());
        frames.set(2, "a1b2".getBytes(US_ASCII));
        assertSame(MessageType.KERNEL_INFO_REQUEST, unsigned.parse(frames).getHeader().getType());
    }

    @Test
    void theSignatureIsCheckedBeforeAnythingIsParsed() {
        List<byte[]> frames = new ArrayList<>(List.of(DELIMITER, utf8("sig"), new byte[] {(byte) 0xff},
                utf8("{"), utf8("["), utf8("no")));
        assertEquals("its signature is wrong (a message from someone without this kernel's key, or altered)",
                refused(frames).getMessage());
    }

    @Test
    void anUnknownTypeIsRefusedAndCannotBeAnswered() {
        RefusedMessage refusal = refused(request("frobnicate_request", "{}"));
        assertEquals("its type 'frobnicate_request' is not a message this kernel handles", refusal.getMessage());
        assertNull(refusal.replyTo());
        String long300 = "x".repeat(300);
        assertEquals("its type '" + long300 + "' is not a message this kernel handles",
                refused(request(long300, "{}")).getMessage());
    }

    @Test
    void aHeaderThatIsNotJsonIsRefusedAndCannotBeAnswered() {
        byte[] empty = utf8("{}");
        RefusedMessage garbage = refused(signed(utf8("\u0000garbage"), empty, empty, empty));
        assertEquals("its header is not a JSON object", garbage.getMessage());
        assertNull(garbage.replyTo());
        RefusedMessage cut = refused(signed(utf8("{\"msg_id\": \"1\", "), empty, empty, empty));
        assertTrue(cut.getMessage().startsWith("its header is not JSON: "), cut.getMessage());
        assertNull(cut.replyTo());
        RefusedMessage array = refused(signed(utf8("[\"execute_request\"]"), empty, empty, empty));
        assertEquals("its header is not a JSON object", array.getMessage());
        RefusedMessage binary = refused(signed(new byte[] {0x7b, (byte) 0xc3, 0x28}, empty, empty, empty));
        assertEquals("its header is not UTF-8 text (byte 0xc3 at offset 1)", binary.getMessage());
        assertNull(binary.replyTo());
    }

    @Test
    void aMessageWithoutTheDelimiterIsRefused() {
        RefusedMessage refusal = refused(List.of(utf8("just"), utf8("some"), utf8("frames")));
        assertEquals("no <IDS|MSG> delimiter among its 3 frames: not a Jupyter message", refusal.getMessage());
        assertNull(refusal.replyTo());
        assertEquals("no <IDS|MSG> delimiter among its 0 frames: not a Jupyter message", refused(List.of()).getMessage());
        assertEquals("no <IDS|MSG> delimiter among its 1 frames: not a Jupyter message",
                refused(List.of(utf8("<IDS|MSG> "))).getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void tooFewFramesAfterTheDelimiterAreRefused(int after) {
        List<byte[]> frames = request("kernel_info_request", "{}").subList(0, 2 + after);
        RefusedMessage refusal = refused(frames);
        assertEquals(after + " frames after the delimiter, not the 5 a Jupyter message has (signature, header, parent "
                + "header, metadata, content)", refusal.getMessage());
        assertNull(refusal.replyTo());
    }

    @Test
    void theFirstDelimiterEndsTheIdentities() throws RefusedMessage {
        List<byte[]> frames = request("kernel_info_request", "{}");
        frames.add(DELIMITER);
        Message<?> message = wire.parse(frames);
        assertEquals(1, message.getIdentities().size());
        assertEquals(1, message.getBlobs().size());
        assertArrayEquals(DELIMITER, message.getBlobs().get(0));
    }

    @Test
    void aHeaderNeedsAnIdAndATypeThatAreStrings() {
        for (String field : List.of("msg_id", "msg_type")) {
            for (JsonElement odd : List.of(JsonNull.INSTANCE, new JsonPrimitive(0), new JsonPrimitive(true),
                    new JsonArray(), new JsonObject())) {
                JsonObject header = header("execute_request");
                header.add(field, odd);
                RefusedMessage refusal = refused(request(header, utf8("{\"code\": \"1\"}")));
                assertEquals("its header has no " + field + " string", refusal.getMessage(), field + " = " + odd);
                assertNull(refusal.replyTo());
            }
            JsonObject header = header("execute_request");
            header.remove(field);
            assertEquals("its header has no " + field + " string",
                    refused(request(header, utf8("{\"code\": \"1\"}"))).getMessage());
        }
    }

    @Test
    void theHeaderFieldsThatAreOnlyEchoedMayBeMissingOrOdd() throws RefusedMessage {
        JsonObject header = header("kernel_info_request");
        header.remove("username");
        header.add("session", new JsonArray());
        header.remove("version");
        header.add("date", new JsonObject());
        Header<?> read = wire.parse(request(header, utf8("{}"))).getHeader();
        assertAll(
                () -> assertEquals("", read.getUsername()),
                () -> assertEquals("", read.getSessionId()),
                () -> assertEquals(Header.PROTOCOL_VERISON, read.getVersion()),
                () -> assertNull(read.getTimestamp()));
        JsonObject numbers = header("kernel_info_request");
        numbers.addProperty("username", 0);
        numbers.add("session", JsonNull.INSTANCE);
        numbers.addProperty("version", 1.5);
        numbers.remove("date");
        Header<?> odd = wire.parse(request(numbers, utf8("{}"))).getHeader();
        assertAll(
                () -> assertEquals("0", odd.getUsername()),
                () -> assertEquals("", odd.getSessionId()),
                () -> assertEquals("1.5", odd.getVersion()),
                () -> assertNull(odd.getTimestamp()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"execute_reply", "status", "stream", "input_request"})
    void aMessageTheKernelSendsIsRefusedAndCanBeAnswered(String type) {
        RefusedMessage refusal = refused(request(header(type), utf8("{\"code\": \"int fuzz = 1;\"}")));
        assertEquals("a " + type + " is a message the kernel sends, not one it takes", refusal.getMessage());
        answerable(refusal, type);
    }

    @Test
    void anotherRequestsContentUnderAKnownTypeIsRefusedByAFieldItLacks() {
        assertEquals("its content has no 'value'",
                refused(request("input_reply", "{\"code\": \"int fuzz = 1;\"}")).getMessage());
        String comm = refused(request("comm_open", "{\"code\": \"int fuzz = 1;\"}")).getMessage();
        assertTrue(Set.of("its content has no 'comm_id'", "its content has no 'target_name'").contains(comm),
                "which of two missing fields is named changes from run to run (Map.of has no order): " + comm);
    }

    @Test
    void anOddParentHeaderIsDroppedNotARefusal() throws RefusedMessage {
        JsonObject unknownType = header("frobnicate");
        JsonObject noId = header("execute_request");
        noId.remove("msg_id");
        JsonObject noType = header("execute_request");
        noType.remove("msg_type");
        for (JsonObject parent : List.of(unknownType, noId, noType, new JsonObject())) {
            byte[] content = utf8("{\"code\": \"1\"}");
            Message<?> message = wire.parse(signed(utf8(header("execute_request").toString()), utf8(parent.toString()),
                    utf8("{}"), content));
            assertNull(message.getParentHeader(), parent.toString());
            assertEquals("1", ((ExecuteRequest) message.getContent()).getCode());
        }
    }

    @Test
    void aParentHeaderOrMetadataThatCannotBeReadIsRefusedAndCanBeAnswered() {
        byte[] header = utf8(header("complete_request").toString());
        byte[] content = utf8("{\"code\": \"Math.\", \"cursor_pos\": 5}");
        byte[] empty = utf8("{}");
        RefusedMessage parent = refused(signed(header, utf8("{oops"), empty, content));
        assertTrue(parent.getMessage().startsWith("its parent header is not JSON: "), parent.getMessage());
        answerable(parent, "complete_request");
        RefusedMessage parentArray = refused(signed(header, utf8("[]"), empty, content));
        assertEquals("its parent header is not a JSON object", parentArray.getMessage());
        answerable(parentArray, "complete_request");
        RefusedMessage metadata = refused(signed(header, empty, utf8("[]"), content));
        assertEquals("its metadata is not a JSON object", metadata.getMessage());
        answerable(metadata, "complete_request");
        RefusedMessage binary = refused(signed(header, empty, new byte[] {(byte) 0x80}, content));
        assertEquals("its metadata is not UTF-8 text (byte 0x80 at offset 0)", binary.getMessage());
        answerable(binary, "complete_request");
    }

    @Test
    void textMustBeStrictUtf8AndTheRefusalSaysWhere() throws RefusedMessage {
        assertEquals("héllo ☃ \uD83D\uDE00", WireMessages.text("content", utf8("héllo ☃ \uD83D\uDE00")));
        assertEquals("", WireMessages.text("content", new byte[0]));
        assertEquals("its content is not UTF-8 text (byte 0xe2 at offset 4)", assertThrows(RefusedMessage.class,
                () -> WireMessages.text("content", new byte[] {'a', 'b', 'c', ' ', (byte) 0xe2, (byte) 0x82})).getMessage());
        assertEquals("its content is not UTF-8 text (byte 0xed at offset 0)", assertThrows(RefusedMessage.class,
                () -> WireMessages.text("content", new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})).getMessage(),
                "a surrogate encoded as UTF-8");
        assertEquals("its header is not UTF-8 text (byte 0xc0 at offset 2)", assertThrows(RefusedMessage.class,
                () -> WireMessages.text("header", new byte[] {'{', '}', (byte) 0xc0, (byte) 0xaf})).getMessage(),
                "an overlong encoding of '/'");
    }

    @Test
    void binaryGarbageIsAlwaysRefusedWithAReason() {
        Random random = new Random(FUZZ_SEED);
        for (int i = 0; i < 200; i++) {
            List<byte[]> frames = new ArrayList<>();
            int count = 1 + random.nextInt(8);
            for (int f = 0; f < count; f++) frames.add(randomBytes(random, random.nextInt(300)));
            assertEquals("no <IDS|MSG> delimiter among its " + count + " frames: not a Jupyter message",
                    refused(frames).getMessage());
            frames.add(random.nextInt(frames.size() + 1), DELIMITER);
            String afterDelimiter = refused(frames).getMessage();
            assertTrue(afterDelimiter.startsWith("its signature is wrong")
                    || afterDelimiter.endsWith("frames after the delimiter, not the 5 a Jupyter message has (signature, "
                    + "header, parent header, metadata, content)"), afterDelimiter);
            byte[] empty = utf8("{}");
            RefusedMessage signedGarbage = refused(signed(randomBytes(random, random.nextInt(300)), empty, empty, empty));
            assertTrue(signedGarbage.getMessage().startsWith("its header is not ")
                    || signedGarbage.getMessage().startsWith("its header has no msg_type string"), signedGarbage.getMessage());
            assertNull(signedGarbage.replyTo());
        }
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private record Template(String type, String content) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template("execute_request", "{\"code\": \"int fuzz = 1;\", \"silent\": false, \"store_history\": true, "
                    + "\"user_expressions\": {}, \"allow_stdin\": false, \"stop_on_error\": true}"),
            new Template("complete_request", "{\"code\": \"Math.ma\", \"cursor_pos\": 7}"),
            new Template("inspect_request", "{\"code\": \"Math.max\", \"cursor_pos\": 7, \"detail_level\": 0}"),
            new Template("is_complete_request", "{\"code\": \"int a =\"}"),
            new Template("history_request", "{\"hist_access_type\": \"tail\", \"n\": 3, \"output\": false, \"raw\": true}"),
            new Template("kernel_info_request", "{}"),
            new Template("comm_info_request", "{\"target_name\": \"jupyter.widget\"}"),
            new Template("comm_msg", "{\"comm_id\": \"nothing\", \"data\": {\"method\": \"update\", \"state\": {}}}"));

    private static final List<String> ODD_VALUES = List.of("null", "0", "-1", "9223372036854775808", "1.5", "\"\"",
            "\"\\u0000\"", "\"" + "é".repeat(100) + "\"", "[]", "{}", "[1, \"two\"]", "true", "{\"nested\": {\"deep\": [1]}}");
    private static final List<String> HEADER_FIELDS = List.of("msg_id", "msg_type", "session", "username", "date",
            "version");

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static JsonElement odd(Random random) {
        return JsonParser.parseString(pick(random, ODD_VALUES));
    }

    /** One message shape a client might send by mistake or on purpose, as test_wire.py's mutate makes them. */
    private static List<byte[]> mutate(Random random, Template template) {
        JsonObject content = JsonParser.parseString(template.content()).getAsJsonObject();
        JsonObject header = header(template.type());
        List<String> fields = new ArrayList<>(content.keySet());
        switch (random.nextInt(8)) {
            case 0 -> {
                if (!fields.isEmpty()) content.remove(pick(random, fields));
            }
            case 1 -> {
                if (!fields.isEmpty()) content.add(pick(random, fields), odd(random));
            }
            case 2 -> content.add(pick(random, List.of("extra", "code", "cursor_pos", "comm_id")), odd(random));
            case 3 -> header.add(pick(random, HEADER_FIELDS), odd(random));
            case 4 -> header.remove(pick(random, HEADER_FIELDS));
            case 5 -> {
                return request(header, randomBytes(random, random.nextInt(64)));
            }
            case 6 -> {
                List<byte[]> frames = request(header, utf8(content.toString())).subList(1, 7);
                return new ArrayList<>(frames.subList(0, 1 + random.nextInt(frames.size() - 1)));
            }
            default -> header.addProperty("msg_type",
                    pick(random, List.of("execute_reply", "status", "stream", "input_reply", "comm_open", "x".repeat(300))));
        }
        return request(header, utf8(content.toString()));
    }

    @Test
    void aSeededFuzzOfMessageShapesIsReadOrRefusedWithAReasonNeverThrownOtherwise() {
        Random random = new Random(FUZZ_SEED);
        int read = 0;
        int answerable = 0;
        int unanswerable = 0;
        for (int i = 0; i < 1_000; i++) {
            List<byte[]> frames = mutate(random, pick(random, TEMPLATES));
            try {
                Message<?> message = wire.parse(frames);
                assertInstanceOf(message.getHeader().getType().getContentType(), message.getContent());
                read++;
            } catch (RefusedMessage refusal) {
                assertFalse(refusal.getMessage().isBlank());
                if (refusal.replyTo() != null) answerable++;
                else unanswerable++;
            } catch (RuntimeException e) {
                fail("message " + i + " of the fuzz (seed " + FUZZ_SEED + ") threw " + e);
            }
        }
        assertTrue(read > 0 && answerable > 0 && unanswerable > 0, read + " read, " + answerable + " answerable, "
                + unanswerable + " unanswerable");
    }

    @Test
    void numbersOutsideAnIntsRangeAreReadNotRefused() throws RefusedMessage {
        for (String cursor : List.of("-1", "1.5", "9223372036854775808")) {
            Message<?> message = wire.parse(request("complete_request",
                    "{\"code\": \"Math.ma\", \"cursor_pos\": " + cursor + "}"));
            assertEquals("Math.ma", assertInstanceOf(CompleteRequest.class, message.getContent()).getCode());
        }
    }
}
