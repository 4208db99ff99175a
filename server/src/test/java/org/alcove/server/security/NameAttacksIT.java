package org.alcove.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.alcove.server.ops.LogCapture;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.SignalingClient;
import org.alcove.signaling.protocol.ClientMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.alcove.server.security.Messages.WAIT;
import static org.alcove.server.security.Messages.quoted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names and strings written to break what shows or records them: control characters and line
 * breaks are refused at booking, markup travels as plain text (DisplayEscapingIT shows the pages
 * render it as text), and no input can forge a log line.
 */
@Adversarial
class NameAttacksIT {
    static final String FORGED = "2026-01-01 INFO forged";
    @RegisterExtension
    static final Arena ARENA = new Arena();

    private static Arena arena() {
        return ARENA;
    }

    /**
     * Attack: names with control characters, line breaks or direction overrides at booking (they
     * could break a page or forge a log line). Outcome: 400 invalid-field naming the field, for
     * client names and staff account names alike; nothing is stored.
     */
    @Test
    void names_with_control_characters_or_line_breaks_are_refused_at_booking() {
        Api api = arena().api();
        String admin = api.loginAdmin();
        for (String name : List.of("Robert\u0000", "Robert\n" + FORGED, "Robert\r" + FORGED, "Robert\u001b[31m",
                "Robert\u2028" + FORGED, "Robert\u0085", "Robert\u202egnp.exe", "\tRobert", "Rob\u200Bert",
                "\uFEFFRobert", "Rob\u2060ert")) {
            String body = "{\"startsAt\":\"" + arena().now() + "\",\"durationMinutes\":50,\"clients\":[{\"name\":"
                    + quoted(name) + "}]}";
            Api.Response booked = api.send("POST", "/api/sessions", arena().therapistLogin(), body);
            assertEquals(400, booked.status(), name + ": " + booked.body());
            assertEquals("urn:alcove:problem:invalid-field", booked.json().path("type").asText(), booked.body());
            assertEquals("clients[0].name", booked.json().path("field").asText(), booked.body());

            String account = "{\"email\":\"ctl" + Math.abs(name.hashCode()) + "@example.test\",\"name\":" + quoted(name)
                    + ",\"role\":\"therapist\",\"password\":\"long-enough-password\"}";
            Api.Response created = api.send("POST", "/api/users", admin, account);
            assertEquals(400, created.status(), name + ": " + created.body());
            assertEquals("name", created.json().path("field").asText(), created.body());
        }
    }

    /**
     * Attack: markup and SQL in names. Outcome: accepted (they are just text), stored and sent in
     * messages exactly as written, JSON-escaped; the browser test DisplayEscapingIT shows pages
     * render them as text.
     */
    @Test
    void names_with_markup_and_quotes_travel_exactly_as_written() {
        // Scripts that need joiners and direction marks keep them: Persian with a ZWNJ, an emoji ZWJ sequence.
        Api.Response scripts = arena().api().send("POST", "/api/sessions", arena().therapistLogin(),
                "{\"startsAt\":\"" + arena().now() + "\",\"durationMinutes\":50,\"clients\":[{\"name\":"
                        + quoted("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 \uD83D\uDC69\u200D\uD83D\uDCBB") + "}]}");
        assertEquals(201, scripts.status(), scripts.body());
        String name = "<img src=x onerror=alert(1)>\"Robert'); DROP TABLE sessions;--";
        JsonNode session = arena().api().schedule(arena().therapistLogin(), arena().now(), 50, name);
        String clientId = session.path("clientLinks").get(0).path("clientId").asText();
        String therapistToken = Api.tokenOf(session.path("therapistLink").asText());
        String clientToken = Api.tokenOf(session.path("clientLinks").get(0).path("link").asText());
        try (SignalingClient therapist = SignalingClient.join(arena().uri(), therapistToken);
             SignalingClient client = SignalingClient.join(arena().uri(), clientToken)) {
            therapist.nextOfType("welcome", WAIT);
            client.nextOfType("welcome", WAIT);
            JsonNode waiting;
            do {
                waiting = therapist.nextOfType("waiting-list", WAIT).path("waiting");
            } while (waiting.isEmpty());
            assertEquals(clientId, waiting.get(0).path("participantId").asText());
            assertEquals(name, waiting.get(0).path("name").asText());
        }
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
            BookedSession booking = arena().book(1);
            try (Arena.Call call = arena().admitted(booking, 0)) {
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
            try (SignalingClient stranger = SignalingClient.connect(arena().uri())) {
                stranger.send("{\"type\":\"auth\",\"token\":\"garbage\\n" + FORGED + "\"}");
                stranger.awaitClose(WAIT);
            }
            arena().api().send("POST", "/api/sessions", arena().therapistLogin(), "{\"startsAt\":\"" + arena().now()
                    + "\",\"durationMinutes\":50,\"clients\":[{\"name\":\"x\\n" + FORGED + "\"}]}");
            arena().api().send("GET", "/api/sessions/%0A" + FORGED.replace(" ", "%20"), arena().therapistLogin(), null);
            arena().api().send("POST", "/api/auth/login", null, "{\"email\":\"a@b.test\\n" + FORGED + "\",\"password\":\"x\"}");
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
    }
}
