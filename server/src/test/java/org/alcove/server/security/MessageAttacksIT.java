package org.alcove.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.SignalingClient;
import org.alcove.signaling.protocol.ClientMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.alcove.server.security.Messages.WAIT;
import static org.alcove.server.security.Messages.assertAnswered;
import static org.alcove.server.security.Messages.assertNothingRelayed;
import static org.alcove.server.security.Messages.expectErrors;
import static org.alcove.server.security.Messages.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Hostile message text on a joined socket: what the strict parser and the field limits answer.
 * Every refusal is the documented {@code error} and the socket stays open (except over the
 * message limit, 1009); nothing reaches the peer; the bystander call carries on. Relay rules are
 * attacked in {@link RelayAttacksIT}, names and logs in {@link NameAttacksIT}.
 */
@Adversarial
class MessageAttacksIT {
    @RegisterExtension
    static final Arena ARENA = new Arena();

    private static Arena arena() {
        return ARENA;
    }

    /** Attack: text that is not one JSON object. Outcome: error malformed-message each time, socket open, nothing relayed. */
    @Test
    void malformed_json_gets_malformed_message_and_changes_nothing() {
        BookedSession booking = arena().book(1);
        try (Arena.Call call = arena().admitted(booking, 0)) {
            String to = booking.therapistId();
            expectErrors(call.client(), Map.ofEntries(
                    Map.entry("{not json", "malformed-message"),
                    Map.entry("", "malformed-message"),
                    Map.entry("null", "malformed-message"),
                    Map.entry("[]", "malformed-message"),
                    Map.entry("\"auth\"", "malformed-message"),
                    Map.entry("42", "malformed-message"),
                    Map.entry("{\"type\":\"ping\"}{\"type\":\"leave\"}", "malformed-message"),
                    Map.entry("{\"type\":\"ping\",}", "malformed-message"),
                    Map.entry("{'type':'ping'}", "malformed-message"),
                    Map.entry("{\"type\":\"ping\"/* hi */}", "malformed-message"),
                    Map.entry("\uFEFF{\"type\":\"ping\"}", "malformed-message"),
                    Map.entry("{\"type\":\"offer\",\"to\":\"" + to + "\",\"sdp\":NaN}", "malformed-message")));
            assertNothingRelayed(call.therapist());
        }
    }

    /**
     * Attack: duplicate keys, hoping one parser layer reads the first and another the last (a ping
     * that is really a leave, an offer to two people). Outcome: malformed-message; the seat stays.
     */
    @Test
    void duplicate_keys_are_refused_rather_than_resolved() {
        BookedSession booking = arena().book(1);
        try (Arena.Call call = arena().admitted(booking, 0)) {
            String to = booking.therapistId();
            expectErrors(call.client(), Map.of(
                    "{\"type\":\"ping\",\"type\":\"leave\"}", "malformed-message",
                    "{\"type\":\"offer\",\"to\":\"" + to + "\",\"to\":\"" + booking.clientId(0) + "\",\"sdp\":\"v=0\"}",
                    "malformed-message",
                    "{\"type\":\"offer\",\"to\":\"" + to + "\",\"sdp\":\"v=0\",\"sdp\":\"v=1\"}", "malformed-message"));
            assertNothingRelayed(call.therapist());
            assertFalse(call.therapist().types().contains("peer-left"), "a duplicated type made the client leave");
        }
    }

    /** Attack: unknown fields and types, wrongly typed values, values the type coerces. Outcome: invalid-field naming the field, or unknown-type. */
    @Test
    void unknown_and_mistyped_fields_are_refused_with_the_field_named() {
        BookedSession booking = arena().book(1);
        try (Arena.Call call = arena().admitted(booking, 0)) {
            String to = booking.therapistId();
            Map<String, String> cases = new LinkedHashMap<>();
            cases.put("{\"type\":\"ping\",\"extra\":1}", "invalid-field extra");
            cases.put("{\"type\":\"ping\",\"Type\":\"leave\"}", "invalid-field Type");
            cases.put("{\"type\":\"PING\"}", "unknown-type");
            cases.put("{\"type\":\"ping \"}", "unknown-type");
            cases.put("{}", "invalid-field type");
            cases.put("{\"type\":null}", "invalid-field type");
            cases.put("{\"type\":123}", "unknown-type");
            cases.put("{\"type\":[\"ping\"]}", "invalid-field type");
            cases.put("{\"type\":\"offer\",\"to\":5,\"sdp\":\"v=0\"}", "invalid-field to");
            cases.put("{\"type\":\"offer\",\"to\":\"" + to + "\",\"sdp\":{\"v\":0}}", "invalid-field sdp");
            cases.put("{\"type\":\"offer\",\"to\":\"" + to + "\",\"sdp\":[\"v=0\"]}", "invalid-field sdp");
            cases.put("{\"type\":\"offer\",\"to\":\"" + to + "\",\"sdp\":true}", "invalid-field sdp");
            cases.put("{\"type\":\"candidate\",\"to\":\"" + to + "\",\"candidate\":\"c\",\"sdpMLineIndex\":\"0\"}",
                    "invalid-field sdpMLineIndex");
            cases.put("{\"type\":\"candidate\",\"to\":\"" + to + "\",\"candidate\":\"c\",\"sdpMLineIndex\":0.5}",
                    "invalid-field sdpMLineIndex");
            cases.put("{\"type\":\"quality\",\"peerId\":\"" + to + "\",\"rttMs\":\"10\",\"lossPercent\":0,\"relayed\":false}",
                    "invalid-field rttMs");
            cases.put("{\"type\":\"quality\",\"peerId\":\"" + to + "\",\"rttMs\":10,\"lossPercent\":0,\"relayed\":\"no\"}",
                    "invalid-field relayed");
            for (Map.Entry<String, String> bad : cases.entrySet()) {
                call.client().send(bad.getKey());
                JsonNode error = call.client().nextOfType("error", WAIT);
                String got = error.path("code").asText() + (error.has("field") ? " " + error.path("field").asText() : "");
                assertEquals(bad.getValue(), got, bad.getKey());
            }
            Map<String, String> therapistCases = new LinkedHashMap<>();
            therapistCases.put("{\"type\":\"extend\",\"minutes\":\"5\"}", "invalid-field minutes");
            therapistCases.put("{\"type\":\"extend\",\"minutes\":5.5}", "invalid-field minutes");
            therapistCases.put("{\"type\":\"extend\",\"minutes\":1e1}", "invalid-field minutes");
            therapistCases.put("{\"type\":\"extend\",\"minutes\":true}", "invalid-field minutes");
            therapistCases.put("{\"type\":\"extend\",\"minutes\":123456789012345678901234567890}", "malformed-message");
            for (Map.Entry<String, String> bad : therapistCases.entrySet()) {
                call.therapist().send(bad.getKey());
                JsonNode error = call.therapist().nextOfType("error", WAIT);
                String got = error.path("code").asText() + (error.has("field") ? " " + error.path("field").asText() : "");
                assertEquals(bad.getValue(), got, bad.getKey());
            }
            assertFalse(call.therapist().types().contains("session-extended"), "a coerced extend went through");
            assertAnswered(call.client());
            assertAnswered(call.therapist());
        }
    }

    /**
     * Attack: 10,000 levels of nesting (arrays and objects), aimed at the parser's stack, including
     * before {@code type} where the parser must buffer what it has not yet typed. Outcome:
     * malformed-message at nesting level 9, or invalid-field when an unknown or mistyped field is
     * refused before its value is even read; no server error, socket open.
     */
    @Test
    void deep_nesting_is_refused_without_exhausting_the_stack() {
        BookedSession booking = arena().book(1);
        try (Arena.Call call = arena().admitted(booking, 0)) {
            expectErrors(call.client(), Map.of(
                    "[".repeat(10_000), "malformed-message",
                    "{\"x\":" + "[".repeat(10_000), "malformed-message",
                    "{\"x\":" + "[".repeat(5_000) + "]".repeat(5_000) + ",\"type\":\"ping\"}", "malformed-message",
                    "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000), "malformed-message",
                    "{\"type\":\"ping\",\"x\":" + "[".repeat(10_000), "invalid-field",
                    "{\"type\":\"offer\",\"to\":\"x\",\"sdp\":" + "{\"a\":".repeat(5_000), "invalid-field"));
            assertNothingRelayed(call.therapist());
        }
    }

    /**
     * Attack: strings just under and just over the 64 KiB message limit. Outcome: under, the
     * field's own limit answers (invalid-field); over, the socket is closed with 1009.
     */
    @Test
    void huge_strings_meet_the_field_limit_below_the_message_limit_and_1009_above_it() {
        BookedSession booking = arena().book(2);
        try (Arena.Call call = arena().admitted(booking, 0)) {
            String to = booking.therapistId();
            String head = "{\"type\":\"offer\",\"to\":\"" + to + "\",\"sdp\":\"";
            String exactlyAtLimit = head + "v".repeat(65536 - head.length() - 2) + "\"}";
            assertEquals(65536, exactlyAtLimit.length());
            call.client().send(exactlyAtLimit);
            JsonNode error = call.client().nextOfType("error", WAIT);
            assertEquals("invalid-field", error.path("code").asText());
            assertEquals("sdp", error.path("field").asText());
            String padded = "{\"type\":\"ping\",\"pad\":\"";
            call.client().send(padded + "p".repeat(65536 - padded.length() - 2) + "\"}");
            JsonNode unknown = call.client().nextOfType("error", WAIT);
            assertEquals("invalid-field", unknown.path("code").asText());
            assertEquals("pad", unknown.path("field").asText());
            assertAnswered(call.client());
            assertNothingRelayed(call.therapist());
        }
        try (SignalingClient lone = SignalingClient.join(arena().uri(), booking.clientToken(1))) {
            lone.nextOfType("welcome", WAIT);
            lone.send("{\"type\":\"ping\",\"pad\":\"" + "p".repeat(65536) + "\"}");
            assertEquals(1009, lone.awaitClose(WAIT));
        }
    }

    /** Attack: an SDP or candidate over its field limit (48 KiB, 1 KiB) or an id over 128. Outcome: invalid-field naming it, nothing relayed. */
    @Test
    void oversized_sdp_candidates_and_ids_are_invalid_fields() {
        BookedSession booking = arena().book(1);
        try (Arena.Call call = arena().admitted(booking, 0)) {
            String to = booking.therapistId();
            String bigSdp = "v=0\r\n" + "a".repeat(ClientMessage.MAX_SDP);
            Map<String, String> cases = new LinkedHashMap<>();
            cases.put(json(Map.of("type", "offer", "to", to, "sdp", bigSdp)), "sdp");
            cases.put(json(Map.of("type", "answer", "to", to, "sdp", bigSdp)), "sdp");
            cases.put(json(Map.of("type", "candidate", "to", to, "candidate", "c".repeat(ClientMessage.MAX_CANDIDATE + 1))),
                    "candidate");
            cases.put(json(Map.of("type", "candidate", "to", to, "candidate", "c", "sdpMid", "m".repeat(65))), "sdpMid");
            cases.put(json(Map.of("type", "offer", "to", "p".repeat(ClientMessage.MAX_ID + 1), "sdp", "v=0")), "to");
            for (Map.Entry<String, String> bad : cases.entrySet()) {
                call.client().send(bad.getKey());
                JsonNode error = call.client().nextOfType("error", WAIT);
                assertEquals("invalid-field", error.path("code").asText());
                assertEquals(bad.getValue(), error.path("field").asText());
            }
            assertNothingRelayed(call.therapist());
        }
    }
}
