package org.alcove.signaling.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

class MessageCodecTest {
    private final MessageCodec codec = new MessageCodec();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "", " ", "[]", "\"x\"", "null", "42", "true", "{", "{\"type\":", "{\"type\":\"ping\"",
        "not json", "{'type':'ping'}", "{type:\"ping\"}",
        "{\"type\":\"ping\"} x", "{\"type\":\"ping\"}{}", "{\"type\":\"ping\"}[]",
        "{\"type\":\"ping\",\"type\":\"end\"}", "{\"type\":\"admit\",\"participantId\":\"a\",\"participantId\":\"b\"}",
        "{\"type\":\"extend\",\"minutes\":NaN}", "{\"type\":\"ping\"}\u0000",
    })
    void rejects_anything_that_is_not_one_well_formed_json_object_as_malformed(String text) {
        assertRejected(text, ErrorCode.MALFORMED_MESSAGE, null);
    }

    @Test
    void names_the_type_field_when_it_is_missing() {
        assertRejected("{}", ErrorCode.INVALID_FIELD, "type");
        assertRejected("{\"participantId\":\"c-1\"}", ErrorCode.INVALID_FIELD, "type");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"type\":\"hello\"}", "{\"type\":\"Offer\"}", "{\"type\":\"welcome\"}", "{\"type\":\"\"}",
        "{\"type\":\"ping \"}",
    })
    void rejects_unknown_types(String text) {
        assertRejected(text, ErrorCode.UNKNOWN_TYPE, null);
    }

    static Stream<Arguments> missingOrInvalidFields() {
        String big = "a".repeat(ClientMessage.MAX_SDP + 1);
        return Stream.of(
            Arguments.of("{\"type\":\"auth\"}", "token"),
            Arguments.of("{\"type\":\"auth\",\"token\":\"\"}", "token"),
            Arguments.of("{\"type\":\"auth\",\"token\":null}", "token"),
            Arguments.of("{\"type\":\"auth\",\"token\":\"t\",\"resumeKey\":\"" + "k".repeat(129) + "\"}", "resumeKey"),
            Arguments.of("{\"type\":\"admit\"}", "participantId"),
            Arguments.of("{\"type\":\"decline\",\"participantId\":\"\"}", "participantId"),
            Arguments.of("{\"type\":\"remove\"}", "participantId"),
            Arguments.of("{\"type\":\"offer\",\"sdp\":\"v=0\"}", "to"),
            Arguments.of("{\"type\":\"offer\",\"to\":\"c-1\"}", "sdp"),
            Arguments.of("{\"type\":\"answer\",\"to\":\"c-1\",\"sdp\":\"" + big + "\"}", "sdp"),
            Arguments.of("{\"type\":\"candidate\"}", "to"),
            Arguments.of("{\"type\":\"candidate\",\"to\":\"c-1\",\"sdpMLineIndex\":65}", "sdpMLineIndex"),
            Arguments.of("{\"type\":\"candidate\",\"to\":\"c-1\",\"sdpMLineIndex\":-1}", "sdpMLineIndex"),
            Arguments.of("{\"type\":\"ice-restart\"}", "to"),
            Arguments.of("{\"type\":\"extend\"}", "minutes"),
            Arguments.of("{\"type\":\"extend\",\"minutes\":0}", "minutes"),
            Arguments.of("{\"type\":\"extend\",\"minutes\":61}", "minutes"),
            Arguments.of("{\"type\":\"extend\",\"minutes\":null}", "minutes"),
            // Wrong JSON types are never coerced.
            Arguments.of("{\"type\":\"extend\",\"minutes\":\"5\"}", "minutes"),
            Arguments.of("{\"type\":\"extend\",\"minutes\":5.5}", "minutes"),
            Arguments.of("{\"type\":\"extend\",\"minutes\":true}", "minutes"),
            Arguments.of("{\"type\":\"extend\",\"minutes\":[5]}", "minutes"),
            Arguments.of("{\"type\":\"extend\",\"minutes\":{\"n\":5}}", "minutes"),
            Arguments.of("{\"type\":\"offer\",\"to\":5,\"sdp\":\"v=0\"}", "to"),
            Arguments.of("{\"type\":\"offer\",\"to\":true,\"sdp\":\"v=0\"}", "to"),
            Arguments.of("{\"type\":\"offer\",\"to\":[\"c-1\"],\"sdp\":\"v=0\"}", "to"),
            Arguments.of("{\"type\":\"offer\",\"to\":{\"id\":\"c-1\"},\"sdp\":\"v=0\"}", "to"),
            Arguments.of("{\"type\":\"candidate\",\"to\":\"c-1\",\"sdpMLineIndex\":\"0\"}", "sdpMLineIndex"),
            // Unknown fields are refused by name (except a client-written sender, see below).
            Arguments.of("{\"type\":\"ping\",\"extra\":1}", "extra"),
            Arguments.of("{\"type\":\"admit\",\"participantId\":\"c-1\",\"role\":\"therapist\"}", "role"),
            Arguments.of("{\"type\":\"auth\",\"token\":\"t\",\"sessionId\":\"s-2\"}", "sessionId"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("missingOrInvalidFields")
    void names_the_missing_or_invalid_field(String text, String field) {
        assertRejected(text, ErrorCode.INVALID_FIELD, field);
    }

    @Test
    void ignores_a_sender_written_by_the_client_because_the_server_stamps_it() throws ProtocolException {
        assertEquals(new ClientMessage.Offer("c-1", "v=0"),
                codec.parse("{\"type\":\"offer\",\"from\":\"t-1\",\"to\":\"c-1\",\"sdp\":\"v=0\"}"));
    }

    @Test
    void a_relayed_sdp_reads_back_unchanged_whatever_its_characters() throws Exception {
        ObjectMapper plain = new ObjectMapper();
        for (String sdp : new String[] {"v=0\r\na=x\r\n", "caf\u00e9 \u202e \u0000 \"q\" \\", "\uD83D\uDE00 two units",
                "lone \uD800 high", "lone \uDC00 low"}) {
            String text = codec.write(new ServerMessage.Offer("t-1", sdp));
            JsonNode read = plain.readTree(text.getBytes(StandardCharsets.UTF_8));
            assertEquals("offer", read.path("type").asText());
            assertEquals(sdp, read.path("sdp").asText(), text);
        }
    }

    @Test
    void rejects_deep_nesting_without_throwing_anything_else() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertRejected(deep, ErrorCode.MALFORMED_MESSAGE, null);
        String nested = "{\"a\":".repeat(50) + "1" + "}".repeat(50);
        assertRejected(nested, ErrorCode.MALFORMED_MESSAGE, null);
        String beforeType = "{\"x\":" + "[".repeat(20) + "]".repeat(20) + ",\"type\":\"ping\"}";
        assertRejected(beforeType, ErrorCode.MALFORMED_MESSAGE, null);
    }

    @Test
    void rejects_huge_strings_and_numbers_without_throwing_anything_else() {
        assertRejected("{\"type\":\"offer\",\"to\":\"c-1\",\"sdp\":\"" + "a".repeat(200_000) + "\"}",
                ErrorCode.MALFORMED_MESSAGE, null);
        assertRejected("{\"type\":\"extend\",\"minutes\":" + "9".repeat(50) + "}", ErrorCode.MALFORMED_MESSAGE, null);
        assertRejected("{\"type\":\"" + "x".repeat(100_000) + "\"}", ErrorCode.MALFORMED_MESSAGE, null);
        assertRejected("{\"" + "k".repeat(1000) + "\":1,\"type\":\"ping\"}", ErrorCode.INVALID_FIELD, null);
    }

    @Test
    void parses_every_client_message() throws ProtocolException {
        assertEquals(new ClientMessage.Auth("header.payload.sig", "key-1"),
                codec.parse("{\"type\":\"auth\",\"token\":\"header.payload.sig\",\"resumeKey\":\"key-1\"}"));
        assertEquals(new ClientMessage.Auth("header.payload.sig", null),
                codec.parse("{\"type\":\"auth\",\"token\":\"header.payload.sig\"}"));
        assertEquals(new ClientMessage.Admit("c-1"), codec.parse("{\"type\":\"admit\",\"participantId\":\"c-1\"}"));
        assertEquals(new ClientMessage.Decline("c-1"), codec.parse("{\"participantId\":\"c-1\",\"type\":\"decline\"}"));
        assertEquals(new ClientMessage.Remove("c-1"), codec.parse("{\"type\":\"remove\",\"participantId\":\"c-1\"}"));
        assertEquals(new ClientMessage.Offer("c-1", "v=0\r\n"), codec.parse("{\"type\":\"offer\",\"to\":\"c-1\",\"sdp\":\"v=0\\r\\n\"}"));
        assertEquals(new ClientMessage.Answer("t-1", "v=0"), codec.parse("{\"type\":\"answer\",\"to\":\"t-1\",\"sdp\":\"v=0\"}"));
        assertEquals(new ClientMessage.Candidate("t-1", "candidate:1", "0", 0),
                codec.parse("{\"type\":\"candidate\",\"to\":\"t-1\",\"candidate\":\"candidate:1\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}"));
        assertEquals(new ClientMessage.Candidate("t-1", null, null, null), codec.parse("{\"type\":\"candidate\",\"to\":\"t-1\"}"));
        assertEquals(new ClientMessage.IceRestart("t-1"), codec.parse("{\"type\":\"ice-restart\",\"to\":\"t-1\"}"));
        assertEquals(new ClientMessage.Extend(15), codec.parse("{\"type\":\"extend\",\"minutes\":15}"));
        assertEquals(new ClientMessage.End(), codec.parse("{\"type\":\"end\"}"));
        assertEquals(new ClientMessage.Leave(), codec.parse("{\"type\":\"leave\"}"));
        assertEquals(new ClientMessage.Ping(), codec.parse(" {\"type\":\"ping\"} \n"));
    }

    private void assertRejected(String text, ErrorCode code, String field) {
        ProtocolException e;
        try {
            e = assertThrows(ProtocolException.class, () -> codec.parse(text));
        } catch (AssertionError unexpected) {
            fail("expected " + code + " for " + abbreviate(text), unexpected);
            return;
        }
        assertEquals(code, e.code(), () -> "code for " + abbreviate(text));
        if (field != null || code != ErrorCode.INVALID_FIELD) {
            assertEquals(field, e.field(), () -> "field for " + abbreviate(text));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
