package org.alcove.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.SignalingClient;
import org.alcove.signaling.protocol.ClientMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile message content on a joined socket, and hostile names at booking. Every refusal is the
 * documented {@code error} (the socket stays open unless the docs say it closes), nothing reaches
 * another participant, and the bystander call on the same server carries on.
 */
@Adversarial
class MessageAttacksIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    static final String FORGED = "2026-01-01 INFO forged";
    /**
     * The bystander sends 20 candidates each way per check; a dozen quick tests in one second would
     * run it into the shipped rate limit (bursts of 200, 50 a second). Rate limiting is attacked on
     * its own, with the shipped limits, in SocketFloodAttacksIT.
     */
    static final Map<String, String> UNLIMITED_RATE = Map.of("ws.rate-per-second", "100000", "ws.rate-burst", "100000");
    private static Arena arena;

    @BeforeAll
    static void start() {
        arena = Arena.start(UNLIMITED_RATE);
    }

    @AfterAll
    static void stop() {
        arena.close();
    }

    /** Attack: text that is not one JSON object. Outcome: error malformed-message each time, socket open, nothing relayed. */
    @Test
    void malformed_json_gets_malformed_message_and_changes_nothing() {
        Arena.Booking booking = arena.book(1);
        try (Arena.Call call = arena.admitted(booking, 0)) {
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
        arena.bystander().assertUndisturbed();
    }

    /**
     * Attack: duplicate keys, hoping one parser layer reads the first and another the last (a ping
     * that is really a leave, an offer to two people). Outcome: malformed-message; the seat stays.
     */
    @Test
    void duplicate_keys_are_refused_rather_than_resolved() {
        Arena.Booking booking = arena.book(1);
        try (Arena.Call call = arena.admitted(booking, 0)) {
            String to = booking.therapistId();
            expectErrors(call.client(), Map.of(
                    "{\"type\":\"ping\",\"type\":\"leave\"}", "malformed-message",
                    "{\"type\":\"offer\",\"to\":\"" + to + "\",\"to\":\"" + booking.clientId(0) + "\",\"sdp\":\"v=0\"}",
                    "malformed-message",
                    "{\"type\":\"offer\",\"to\":\"" + to + "\",\"sdp\":\"v=0\",\"sdp\":\"v=1\"}", "malformed-message"));
            assertNothingRelayed(call.therapist());
            assertFalse(call.therapist().types().contains("peer-left"), "a duplicated type made the client leave");
        }
        arena.bystander().assertUndisturbed();
    }

    /** Attack: unknown fields and types, wrongly typed values, values the type coerces. Outcome: invalid-field naming the field, or unknown-type. */
    @Test
    void unknown_and_mistyped_fields_are_refused_with_the_field_named() {
        Arena.Booking booking = arena.book(1);
        try (Arena.Call call = arena.admitted(booking, 0)) {
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
        arena.bystander().assertUndisturbed();
    }

    /**
     * Attack: 10,000 levels of nesting (arrays and objects), aimed at the parser's stack, including
     * before {@code type} where the parser must buffer what it has not yet typed. Outcome:
     * malformed-message at nesting level 9, or invalid-field when an unknown or mistyped field is
     * refused before its value is even read; no server error, socket open.
     */
    @Test
    void deep_nesting_is_refused_without_exhausting_the_stack() {
        Arena.Booking booking = arena.book(1);
        try (Arena.Call call = arena.admitted(booking, 0)) {
            expectErrors(call.client(), Map.of(
                    "[".repeat(10_000), "malformed-message",
                    "{\"x\":" + "[".repeat(10_000), "malformed-message",
                    "{\"x\":" + "[".repeat(5_000) + "]".repeat(5_000) + ",\"type\":\"ping\"}", "malformed-message",
                    "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000), "malformed-message",
                    "{\"type\":\"ping\",\"x\":" + "[".repeat(10_000), "invalid-field",
                    "{\"type\":\"offer\",\"to\":\"x\",\"sdp\":" + "{\"a\":".repeat(5_000), "invalid-field"));
            assertNothingRelayed(call.therapist());
        }
        arena.bystander().assertUndisturbed();
    }

    /**
     * Attack: strings just under and just over the 64 KiB message limit. Outcome: under, the
     * field's own limit answers (invalid-field); over, the socket is closed with 1009.
     */
    @Test
    void huge_strings_meet_the_field_limit_below_the_message_limit_and_1009_above_it() {
        Arena.Booking booking = arena.book(2);
        try (Arena.Call call = arena.admitted(booking, 0)) {
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
        try (SignalingClient lone = SignalingClient.join(arena.uri(), booking.clientToken(1))) {
            lone.nextOfType("welcome", WAIT);
            lone.send("{\"type\":\"ping\",\"pad\":\"" + "p".repeat(65536) + "\"}");
            assertEquals(1009, lone.awaitClose(WAIT));
        }
        arena.bystander().assertUndisturbed();
    }

    /** Attack: an SDP or candidate over its field limit (48 KiB, 1 KiB) or an id over 128. Outcome: invalid-field naming it, nothing relayed. */
    @Test
    void oversized_sdp_candidates_and_ids_are_invalid_fields() {
        Arena.Booking booking = arena.book(1);
        try (Arena.Call call = arena.admitted(booking, 0)) {
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
        arena.bystander().assertUndisturbed();
    }

    /**
     * Attack: SDP that is not SDP at all (markup, quotes, NUL, bare CRs). The server relays SDP
     * opaquely (the browser's parser is the judge). Outcome: it arrives byte for byte, stamped
     * with the real sender, at the one admitted peer named in {@code to} and nowhere else.
     */
    @Test
    void malformed_sdp_is_relayed_unchanged_only_to_the_named_admitted_peer() {
        Arena.Booking booking = arena.book(2);
        try (Threesome call = Threesome.admitted(arena, booking)) {
            String junk = "not sdp <script>alert(1)</script>\u0000\r\r\n\"'); DROP TABLE sessions;-- \u202e\uD83D\uDE00";
            call.therapist.send(new ClientMessage.Offer(booking.clientId(0), junk));
            JsonNode offer = call.first.nextOfType("offer", WAIT);
            assertEquals(junk, offer.path("sdp").asText());
            assertEquals(booking.therapistId(), offer.path("from").asText());
            assertAnswered(call.second);
            assertFalse(call.second.types().contains("offer"), "the offer reached a participant it was not addressed to");
            assertNothingRelayed(call.therapist);
        }
        arena.bystander().assertUndisturbed();
    }

    /** Attack: a client writes a {@code from} naming the therapist, to pass its message off as theirs. Outcome: ignored, the relayed copy names the real sender. */
    @Test
    void a_spoofed_from_is_overwritten_with_the_real_sender() {
        Arena.Booking booking = arena.book(2);
        try (Threesome call = Threesome.admitted(arena, booking)) {
            String spoof = "{\"type\":\"offer\",\"to\":\"" + booking.clientId(1) + "\",\"sdp\":\"v=0 spoof\",\"from\":\""
                    + booking.therapistId() + "\"}";
            call.first.send(spoof);
            JsonNode offer = call.second.nextOfType("offer", WAIT);
            assertEquals(booking.clientId(0), offer.path("from").asText());
            call.first.send("{\"type\":\"candidate\",\"from\":\"" + booking.therapistId() + "\",\"to\":\"" + booking.clientId(1)
                    + "\",\"candidate\":\"candidate:1 1 udp 1 192.0.2.1 9 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}");
            assertEquals(booking.clientId(0), call.second.nextOfType("candidate", WAIT).path("from").asText());
            assertFalse(call.first.types().contains("error"), "the spoofing client was refused instead");
            assertNothingRelayed(call.therapist);
        }
        arena.bystander().assertUndisturbed();
    }

    /**
     * Attack: negotiation out of order for the state: offer, answer, candidate and ice-restart from
     * a client still waiting; offer as the first message; a second auth. Outcome: not-allowed
     * (nothing reaches the therapist), auth-required with close 4015, already-authenticated.
     */
    @Test
    void negotiation_before_admission_or_before_auth_is_refused() {
        Arena.Booking booking = arena.book(1);
        try (SignalingClient therapist = SignalingClient.join(arena.uri(), booking.therapistToken());
             SignalingClient waiting = SignalingClient.join(arena.uri(), booking.clientToken(0))) {
            therapist.nextOfType("welcome", WAIT);
            waiting.nextOfType("welcome", WAIT);
            String to = booking.therapistId();
            expectErrors(waiting, Map.of(
                    json(Map.of("type", "offer", "to", to, "sdp", "v=0")), "not-allowed",
                    json(Map.of("type", "answer", "to", to, "sdp", "v=0")), "not-allowed",
                    json(Map.of("type", "candidate", "to", to, "candidate", "candidate:1 1 udp 1 192.0.2.1 9 typ host")),
                    "not-allowed",
                    json(Map.of("type", "ice-restart", "to", to)), "not-allowed",
                    json(Map.of("type", "auth", "token", booking.clientToken(0))), "already-authenticated"));
            therapist.send(new ClientMessage.Offer(booking.clientId(0), "v=0"));
            assertEquals("unknown-participant", therapist.nextErrorCode(WAIT));
            assertNothingRelayed(therapist);
            assertFalse(waiting.types().contains("offer"), "an offer reached a waiting client");
        }
        try (SignalingClient early = SignalingClient.connect(arena.uri())) {
            early.send(json(Map.of("type", "offer", "to", booking.therapistId(), "sdp", "v=0")));
            assertEquals("auth-required", early.nextErrorCode(WAIT));
            assertEquals(4015, early.awaitClose(WAIT));
        }
        arena.bystander().assertUndisturbed();
    }

    /**
     * Attack: an answer (and candidates) with no offer before it. The server keeps no negotiation
     * state (perfect negotiation is the peers' job, and they discard an answer they did not ask
     * for). Outcome: relayed like any answer, to the named peer only; the room is unaffected.
     */
    @Test
    void an_answer_without_an_offer_is_relayed_as_is_to_the_named_peer() {
        Arena.Booking booking = arena.book(2);
        try (Threesome call = Threesome.admitted(arena, booking)) {
            call.first.send(new ClientMessage.Answer(booking.therapistId(), "v=0 unsolicited"));
            JsonNode answer = call.therapist.nextOfType("answer", WAIT);
            assertEquals("v=0 unsolicited", answer.path("sdp").asText());
            assertEquals(booking.clientId(0), answer.path("from").asText());
            assertAnswered(call.second);
            assertFalse(call.second.types().contains("answer"));
            assertFalse(call.first.types().contains("error"));
        }
        arena.bystander().assertUndisturbed();
    }

    /**
     * Attack: names with control characters, line breaks or direction overrides at booking (they
     * could break a page or forge a log line). Outcome: 400 invalid-field naming the field, for
     * client names and staff account names alike; nothing is stored.
     */
    @Test
    void names_with_control_characters_or_line_breaks_are_refused_at_booking() {
        Api api = arena.api();
        String admin = api.loginAdmin();
        for (String name : List.of("Robert\u0000", "Robert\n" + FORGED, "Robert\r" + FORGED, "Robert\u001b[31m",
                "Robert\u2028" + FORGED, "Robert\u0085", "Robert\u202egnp.exe", "\tRobert")) {
            String body = "{\"startsAt\":\"" + arena.now() + "\",\"durationMinutes\":50,\"clients\":[{\"name\":"
                    + quoted(name) + "}]}";
            Api.Response booked = api.send("POST", "/api/sessions", arena.therapistLogin(), body);
            assertEquals(400, booked.status(), name + ": " + booked.body());
            assertEquals("urn:alcove:problem:invalid-field", booked.json().path("type").asText(), booked.body());
            assertEquals("clients[0].name", booked.json().path("field").asText(), booked.body());

            String account = "{\"email\":\"ctl" + Math.abs(name.hashCode()) + "@example.test\",\"name\":" + quoted(name)
                    + ",\"role\":\"therapist\",\"password\":\"long-enough-password\"}";
            Api.Response created = api.send("POST", "/api/users", admin, account);
            assertEquals(400, created.status(), name + ": " + created.body());
            assertEquals("name", created.json().path("field").asText(), created.body());
        }
        arena.bystander().assertUndisturbed();
    }

    /**
     * Attack: markup and SQL in names. Outcome: accepted (they are just text), stored and sent in
     * messages exactly as written, JSON-escaped; the browser test DisplayEscapingIT shows pages
     * render them as text.
     */
    @Test
    void names_with_markup_and_quotes_travel_exactly_as_written() {
        String name = "<img src=x onerror=alert(1)>\"Robert'); DROP TABLE sessions;--";
        JsonNode session = arena.api().schedule(arena.therapistLogin(), arena.now(), 50, name);
        String clientId = session.path("clientLinks").get(0).path("clientId").asText();
        String therapistToken = Api.tokenOf(session.path("therapistLink").asText());
        String clientToken = Api.tokenOf(session.path("clientLinks").get(0).path("link").asText());
        try (SignalingClient therapist = SignalingClient.join(arena.uri(), therapistToken);
             SignalingClient client = SignalingClient.join(arena.uri(), clientToken)) {
            therapist.nextOfType("welcome", WAIT);
            client.nextOfType("welcome", WAIT);
            JsonNode waiting;
            do {
                waiting = therapist.nextOfType("waiting-list", WAIT).path("waiting");
            } while (waiting.isEmpty());
            assertEquals(clientId, waiting.get(0).path("participantId").asText());
            assertEquals(name, waiting.get(0).path("name").asText());
        }
        arena.bystander().assertUndisturbed();
    }

    /**
     * Attack: text crafted to look like a log line ("\n2026-01-01 INFO forged") in message types,
     * field names, values, paths and booking names. Outcome: no text log line starts with it, and
     * every JSON log line is still one parseable object.
     */
    @Test
    void no_input_can_forge_a_log_line_in_either_format() throws Exception {
        List<String> text;
        List<String> json;
        try (LogCapture textLog = LogCapture.text(); LogCapture jsonLog = LogCapture.json()) {
            Arena.Booking booking = arena.book(1);
            try (Arena.Call call = arena.admitted(booking, 0)) {
                String nl = "\\n" + FORGED;
                call.client().send("{\"type\":\"ping" + nl + "\"}");
                call.client().nextErrorCode(WAIT);
                call.client().send("{\"type\":\"ping\",\"x" + nl + "\":1}");
                call.client().nextErrorCode(WAIT);
                call.client().send("{\"type\":\"offer\",\"to\":\"" + booking.therapistId() + nl + "\",\"sdp\":\"v=0" + nl + "\"}");
                call.client().nextErrorCode(WAIT);
                call.client().send(new ClientMessage.Offer(booking.therapistId(), "v=0\n" + FORGED + "\r" + FORGED));
                call.therapist().nextOfType("offer", WAIT);
                call.client().send("{\"type\":\"auth\",\"token\":\"x\n" + FORGED + "\"}");
                call.client().nextErrorCode(WAIT);
            }
            try (SignalingClient stranger = SignalingClient.connect(arena.uri())) {
                stranger.send("{\"type\":\"auth\",\"token\":\"garbage\\n" + FORGED + "\"}");
                stranger.awaitClose(WAIT);
            }
            arena.api().send("POST", "/api/sessions", arena.therapistLogin(), "{\"startsAt\":\"" + arena.now()
                    + "\",\"durationMinutes\":50,\"clients\":[{\"name\":\"x\\n" + FORGED + "\"}]}");
            arena.api().send("GET", "/api/sessions/%0A" + FORGED.replace(" ", "%20"), arena.therapistLogin(), null);
            arena.api().send("POST", "/api/auth/login", null, "{\"email\":\"a@b.test\\n" + FORGED + "\",\"password\":\"x\"}");
            text = textLog.lines();
            json = jsonLog.lines();
        }
        assertFalse(text.isEmpty(), "nothing was captured: the check would be empty");
        for (String line : text) {
            assertFalse(line.startsWith(FORGED), "forged text log line: " + line);
        }
        ObjectMapper mapper = new ObjectMapper();
        for (String line : json) {
            assertTrue(mapper.readTree(line).isObject(), "not one JSON object: " + line);
        }
        arena.bystander().assertUndisturbed();
    }

    /** Therapist and two admitted clients. */
    private record Threesome(SignalingClient therapist, SignalingClient first, SignalingClient second) implements AutoCloseable {
        static Threesome admitted(Arena arena, Arena.Booking booking) {
            SignalingClient therapist = SignalingClient.join(arena.uri(), booking.therapistToken());
            therapist.nextOfType("welcome", WAIT);
            SignalingClient first = SignalingClient.join(arena.uri(), booking.clientToken(0));
            SignalingClient second = SignalingClient.join(arena.uri(), booking.clientToken(1));
            first.nextOfType("welcome", WAIT);
            second.nextOfType("welcome", WAIT);
            therapist.send(new ClientMessage.Admit(booking.clientId(0)));
            first.nextOfType("roster", WAIT);
            therapist.send(new ClientMessage.Admit(booking.clientId(1)));
            second.nextOfType("roster", WAIT);
            first.nextOfType("peer-joined", WAIT);
            return new Threesome(therapist, first, second);
        }

        @Override
        public void close() {
            second.close();
            first.close();
            therapist.close();
        }
    }

    private static void expectErrors(SignalingClient socket, Map<String, String> cases) {
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            socket.send(bad.getKey());
            assertEquals(bad.getValue(), socket.nextErrorCode(WAIT),
                    bad.getKey().substring(0, Math.min(80, bad.getKey().length())));
        }
        assertAnswered(socket);
    }

    /** The socket is open and still served: a ping gets its pong. */
    private static void assertAnswered(SignalingClient socket) {
        assertTrue(socket.isOpen(), "closed: " + socket.closeCode());
        socket.send(new ClientMessage.Ping());
        socket.nextOfType("pong", WAIT);
    }

    /** Nothing was relayed to {@code peer}, and it is still served. */
    private static void assertNothingRelayed(SignalingClient peer) {
        assertAnswered(peer);
        for (String type : peer.types()) {
            assertFalse(List.of("offer", "answer", "candidate", "ice-restart").contains(type),
                    "the peer received " + type + ": " + peer.types());
        }
    }

    private static String json(Map<String, Object> fields) {
        try {
            return Api.JSON.writeValueAsString(fields);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quoted(String text) {
        return json(Map.of("v", text)).substring(5, json(Map.of("v", text)).length() - 1);
    }
}
