package org.alcove.server.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.alcove.server.testing.TestServer;
import org.alcove.signaling.protocol.ClientMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Captures what the server logs (at the shipped INFO level, in both formats) during a whole
 * session, and checks the lines carry the opaque session id and nothing personal.
 */
class LogPrivacyIT {
    private static final String CLIENT_NAME = "Philippa Privatename";
    private static final String CLIENT_EMAIL = "philippaprivatename@example.test";
    private static final String SDP = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "a=candidate:842163049 1 udp 1677729535 203.0.113.7 46154 typ srflx\r\n";
    private static final String CANDIDATE = "candidate:1 1 udp 2122260223 192.0.2.33 54400 typ host";

    @Test
    void a_whole_session_logs_its_opaque_id_and_nothing_personal_in_json_and_text() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(CLIENT_NAME, "Philippa", "Privatename", CLIENT_EMAIL,
                "v=0", "candidate:", "203.0.113.7", "192.0.2.33"));
        String sessionId;
        List<String> json;
        List<String> text;
        try (TestServer server = TestServer.start();
             LogCapture jsonCapture = LogCapture.json();
             LogCapture textCapture = LogCapture.text()) {
            try (ScriptedCall call = ScriptedCall.admitted(server, CLIENT_NAME)) {
                sessionId = call.sessionId();
                secrets.addAll(List.of(call.therapistLogin(), call.therapistToken(), call.clientToken()));
                call.therapist().send(new ClientMessage.Offer(call.clientId(), SDP));
                call.client().nextOfType("offer", ScriptedCall.WAIT);
                call.client().send(new ClientMessage.Candidate(call.therapistId(), CANDIDATE, "0", 0));
                call.therapist().nextOfType("candidate", ScriptedCall.WAIT);
                call.therapist().send(new ClientMessage.End());
                call.client().nextOfType("session-ended", ScriptedCall.WAIT);
                call.client().awaitClose(ScriptedCall.WAIT);
                call.therapist().awaitClose(ScriptedCall.WAIT);
            }
            // Lines about the closes are written as the server sees the sockets go.
            jsonCapture.await(2, line -> line.contains("closed"), ScriptedCall.WAIT);
            json = jsonCapture.lines();
            text = textCapture.lines();
        }

        ObjectMapper mapper = new ObjectMapper();
        int aboutSession = 0;
        for (String line : json) {
            JsonNode entry = mapper.readTree(line);
            assertTrue(entry.isObject(), "not a JSON object: " + line);
            String message = entry.path("formattedMessage").asText();
            boolean closeOfJoined = message.matches("connection c\\d+ closed: .*")
                    && entry.path("mdc").has("participantId");
            if (message.contains(sessionId) || closeOfJoined) {
                aboutSession++;
                assertEquals(sessionId, entry.path("mdc").path("sessionId").asText(), "no sessionId on: " + line);
            }
        }
        assertTrue(aboutSession >= 4, "joins, closes and the room's end are logged: " + json);
        assertTrue(text.stream().anyMatch(line -> line.contains("sessionId=" + sessionId)),
                "the text format shows the session id too: " + text);
        for (String secret : secrets) {
            for (String line : json) {
                assertFalse(line.contains(secret), "JSON log leaks " + secret + ": " + line);
            }
            for (String line : text) {
                assertFalse(line.contains(secret), "text log leaks " + secret + ": " + line);
            }
        }
    }
}
