package creativeai.kernel.wire;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Each request a front end sends is checked against the fields the messaging protocol gives it: a required field
 * that is missing or null, or a listed field of another JSON type, is refused with the field's name; fields the
 * protocol does not list pass; the kernel's own message types are refused; the optional flags a handler reads as
 * booleans get the protocol's defaults. The contents are the ones the end-to-end tests (test_wire.py) send.
 */
class RequestShapesTest {
    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private static String refusal(String type, String content) {
        return assertThrows(RefusedMessage.class, () -> RequestShapes.check(type, json(content))).getMessage();
    }

    private static void accepted(String type, String content) {
        assertDoesNotThrow(() -> RequestShapes.check(type, json(content)), type + " " + content);
    }

    @Test
    void theRequestsAClientSendsArePassed() {
        accepted("execute_request", """
                {"code": "int fuzz = 1;", "silent": false, "store_history": true, "user_expressions": {},
                 "allow_stdin": false, "stop_on_error": true}""");
        accepted("complete_request", "{\"code\": \"Math.ma\", \"cursor_pos\": 7}");
        accepted("inspect_request", "{\"code\": \"Math.max\", \"cursor_pos\": 7, \"detail_level\": 0}");
        accepted("is_complete_request", "{\"code\": \"int a =\"}");
        accepted("history_request", "{\"hist_access_type\": \"tail\", \"n\": 3, \"output\": false, \"raw\": true}");
        accepted("kernel_info_request", "{}");
        accepted("comm_info_request", "{\"target_name\": \"jupyter.widget\"}");
        accepted("comm_info_request", "{}");
        accepted("comm_msg", "{\"comm_id\": \"nothing\", \"data\": {\"method\": \"update\", \"state\": {}}}");
        accepted("comm_open", "{\"comm_id\": \"c1\", \"target_name\": \"jupyter.widget\", \"data\": {}}");
        accepted("comm_close", "{\"comm_id\": \"c1\"}");
        accepted("shutdown_request", "{\"restart\": true}");
        accepted("interrupt_request", "{}");
        accepted("input_reply", "{\"value\": \"ada\"}");
    }

    @ParameterizedTest
    @CsvSource({
            "execute_request, '{\"silent\": false}', code",
            "inspect_request, '{\"code\": \"Math.max\"}', cursor_pos",
            "inspect_request, '{\"cursor_pos\": 3}', code",
            "complete_request, '{\"code\": \"Math.\"}', cursor_pos",
            "is_complete_request, '{}', code",
            "history_request, '{\"n\": 3}', hist_access_type",
            "comm_open, '{\"target_name\": \"jupyter.widget\"}', comm_id",
            "comm_open, '{\"comm_id\": \"c1\"}', target_name",
            "comm_msg, '{\"data\": {}}', comm_id",
            "comm_close, '{}', comm_id",
            "input_reply, '{\"code\": \"1\"}', value",
    })
    void aMissingRequiredFieldIsRefusedByName(String type, String content, String field) {
        assertEquals("its content has no '" + field + "'", refusal(type, content));
    }

    @Test
    void aRequiredFieldThatIsNullIsMissing() {
        assertEquals("its content has no 'code'", refusal("execute_request", "{\"code\": null}"));
        assertEquals("its content has no 'cursor_pos'", refusal("complete_request", "{\"code\": \"x\", \"cursor_pos\": null}"));
    }

    @Test
    void anOptionalFieldThatIsNullOrMissingPasses() {
        accepted("execute_request", "{\"code\": \"1\", \"silent\": null, \"user_expressions\": null}");
        accepted("inspect_request", "{\"code\": \"1\", \"cursor_pos\": 0}");
        accepted("history_request", "{\"hist_access_type\": \"range\"}");
        accepted("shutdown_request", "{}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "execute_request | {\"code\": 5} | its 'code' is 5, not a string",
            "execute_request | {\"code\": [\"1\"]} | its 'code' is [\"1\"], not a string",
            "execute_request | {\"code\": {}} | its 'code' is {}, not a string",
            "execute_request | {\"code\": true} | its 'code' is true, not a string",
            "execute_request | {\"code\": \"1\", \"silent\": 0} | its 'silent' is 0, not a boolean",
            "execute_request | {\"code\": \"1\", \"store_history\": \"yes\"} | its 'store_history' is \"yes\", not a boolean",
            "execute_request | {\"code\": \"1\", \"user_expressions\": []} | its 'user_expressions' is [], not a object",
            "execute_request | {\"code\": \"1\", \"allow_stdin\": \"\"} | its 'allow_stdin' is \"\", not a boolean",
            "execute_request | {\"code\": \"1\", \"stop_on_error\": 1} | its 'stop_on_error' is 1, not a boolean",
            "complete_request | {\"code\": \"Math.\", \"cursor_pos\": \"end\"} | its 'cursor_pos' is \"end\", not a number",
            "complete_request | {\"code\": \"Math.\", \"cursor_pos\": true} | its 'cursor_pos' is true, not a number",
            "inspect_request | {\"code\": \"x\", \"cursor_pos\": 1, \"detail_level\": [1, \"two\"]} | its 'detail_level' is [1,\"two\"], not a number",
            "history_request | {\"hist_access_type\": 1} | its 'hist_access_type' is 1, not a string",
            "history_request | {\"hist_access_type\": \"tail\", \"n\": \"3\"} | its 'n' is \"3\", not a number",
            "history_request | {\"hist_access_type\": \"search\", \"pattern\": {}} | its 'pattern' is {}, not a string",
            "comm_info_request | {\"target_name\": 7} | its 'target_name' is 7, not a string",
            "shutdown_request | {\"restart\": \"true\"} | its 'restart' is \"true\", not a boolean",
            "comm_msg | {\"comm_id\": \"c\", \"data\": \"update\"} | its 'data' is \"update\", not a object",
            "comm_open | {\"comm_id\": 1, \"target_name\": \"w\"} | its 'comm_id' is 1, not a string",
            "input_reply | {\"value\": 5} | its 'value' is 5, not a string",
    })
    void aFieldOfAnotherTypeIsRefusedWithWhatItWas(String type, String content, String reason) {
        assertEquals(reason, refusal(type, content));
    }

    @Test
    void numbersAreCheckedForTypeOnlyNotForRange() {
        accepted("complete_request", "{\"code\": \"x\", \"cursor_pos\": -1}");
        accepted("complete_request", "{\"code\": \"x\", \"cursor_pos\": 1.5}");
        accepted("complete_request", "{\"code\": \"x\", \"cursor_pos\": 9223372036854775808}");
    }

    @Test
    void fieldsTheProtocolDoesNotListAreIgnored() {
        accepted("execute_request", "{\"code\": \"1\", \"extra\": [1, \"two\"], \"cursor_pos\": \"nowhere\"}");
        accepted("kernel_info_request", "{\"code\": 5, \"anything\": {\"nested\": {\"deep\": [1]}}}");
        accepted("interrupt_request", "{\"comm_id\": null}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"range", "tail", "search"})
    void theThreeHistoryAccessTypesPass(String access) {
        accepted("history_request", "{\"hist_access_type\": \"" + access + "\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sideways", "", "Tail", "tails", "range|tail"})
    void anyOtherHistoryAccessTypeIsRefused(String access) {
        assertEquals("its hist_access_type is '" + access + "', not range, tail or search",
                refusal("history_request", "{\"hist_access_type\": \"" + access + "\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"execute_reply", "status", "stream", "execute_result", "input_request", "kernel_info_reply"})
    void aMessageTheKernelOnlySendsIsRefused(String type) {
        assertEquals("a " + type + " is a message the kernel sends, not one it takes", refusal(type, "{}"));
    }

    @Test
    void anExecuteRequestGetsTheProtocolDefaultsForWhatItLeftOut() {
        JsonObject content = json("{\"code\": \"1\"}");
        RequestShapes.fillDefaults("execute_request", content);
        assertEquals(json("""
                {"code": "1", "silent": false, "store_history": true, "allow_stdin": true, "stop_on_error": true}"""),
                content);
    }

    @Test
    void defaultsNeverOverrideWhatTheSenderGaveButReplaceNulls() {
        JsonObject content = json("""
                {"code": "1", "silent": true, "store_history": false, "allow_stdin": null, "stop_on_error": false}""");
        RequestShapes.fillDefaults("execute_request", content);
        assertEquals(json("""
                {"code": "1", "silent": true, "store_history": false, "allow_stdin": true, "stop_on_error": false}"""),
                content);
    }

    @Test
    void aHistoryRequestDefaultsToRawInputWithoutOutput() {
        JsonObject content = json("{\"hist_access_type\": \"tail\", \"n\": 3}");
        RequestShapes.fillDefaults("history_request", content);
        assertAll(
                () -> assertEquals(false, content.get("output").getAsBoolean()),
                () -> assertEquals(true, content.get("raw").getAsBoolean()),
                () -> assertEquals(4, content.size()));
    }

    @Test
    void otherTypesGetNoDefaults() {
        JsonObject content = json("{\"code\": \"Math.\", \"cursor_pos\": 5}");
        RequestShapes.fillDefaults("complete_request", content);
        RequestShapes.fillDefaults("status", content);
        assertEquals(json("{\"code\": \"Math.\", \"cursor_pos\": 5}"), content);
        assertNull(content.get("silent"));
    }
}
