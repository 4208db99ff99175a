package org.alcove.server.room;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.LiveStage;
import org.alcove.server.testing.SignalingClient;
import org.alcove.signaling.protocol.ClientMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile and careless input on a live socket: each gets its error, nothing else is disturbed. */
class SocketLimitsIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    // A small burst and a slow refill keep the flood test short and independent of machine speed.
    @RegisterExtension
    static final LiveStage live = new LiveStage(Map.of("ws.rate-burst", "20", "ws.rate-per-second", "2"));

    @Test
    void a_message_over_64_kib_closes_the_socket_with_1009() {
        BookedSession booking = live.book(1);
        try (SignalingClient client = SignalingClient.join(live.uri(), booking.clientToken(0))) {
            client.nextOfType("welcome", WAIT);
            client.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(64 * 1024) + "\"}");
            assertEquals(1009, client.awaitClose(WAIT));
        }
    }

    @Test
    void messages_over_the_rate_are_dropped_with_an_error_and_a_flood_closes_the_socket() {
        BookedSession booking = live.book(1);
        try (SignalingClient client = SignalingClient.join(live.uri(), booking.clientToken(0))) {
            client.nextOfType("welcome", WAIT);
            for (int i = 0; i < 25; i++) {
                client.send(new ClientMessage.Ping());
            }
            assertEquals("rate-limited", client.nextErrorCode(WAIT));
            assertTrue(client.isOpen());

            for (int i = 0; i < 40 && client.isOpen(); i++) {
                try {
                    client.send(new ClientMessage.Ping());
                } catch (IllegalStateException closedMeanwhile) {
                    break;
                }
            }
            assertEquals(4014, client.awaitClose(WAIT));
            assertTrue(client.types().contains("error"));
            assertEquals("too-many-messages", client.received().stream()
                    .filter(message -> message.path("type").asText().equals("error"))
                    .reduce((first, second) -> second).orElseThrow().path("code").asText());
        }
    }

    @Test
    void bad_messages_each_get_their_error_and_leave_the_connection_and_other_sessions_alone() {
        BookedSession booking = live.book(1);
        BookedSession other = live.book(1);
        try (LiveStage.Call otherCall = live.admitted(other, 0);
             LiveStage.Call call = live.admitted(booking, 0)) {
            SignalingClient therapist = call.therapist();
            SignalingClient client = call.client();
            SignalingClient otherTherapist = otherCall.therapist();
            SignalingClient otherClient = otherCall.client();

            Map<String, String> cases = Map.of(
                    "{not json", "malformed-message",
                    "[1,2]", "malformed-message",
                    "{\"type\":\"teleport\"}", "unknown-type",
                    "{\"type\":\"offer\",\"to\":\"" + booking.therapistId() + "\"}", "invalid-field",
                    "{\"type\":\"admit\",\"participantId\":\"" + booking.clientId(0) + "\"}", "not-allowed",
                    "{\"type\":\"offer\",\"to\":\"nobody\",\"sdp\":\"x\"}", "unknown-participant",
                    "{\"type\":\"offer\",\"to\":\"" + other.therapistId() + "\",\"sdp\":\"x\"}", "unknown-participant");
            for (Map.Entry<String, String> bad : cases.entrySet()) {
                client.send(bad.getKey());
                assertEquals(bad.getValue(), client.nextErrorCode(WAIT), bad.getKey());
            }
            JsonNode missing = sendAndError(client, "{\"type\":\"offer\",\"to\":\"" + booking.therapistId() + "\"}");
            assertEquals("sdp", missing.path("field").asText(), missing.toString());

            client.send(new ClientMessage.Ping());
            client.nextOfType("pong", WAIT);
            otherTherapist.send(new ClientMessage.Offer(other.clientId(0), "v=0 undisturbed"));
            assertEquals("v=0 undisturbed", otherClient.nextOfType("offer", WAIT).path("sdp").asText());
            otherTherapist.expectNothingOfType("error", Duration.ZERO);
        }
    }

    @Test
    void a_binary_frame_is_refused_with_an_error_and_a_large_one_closes_with_1009() {
        BookedSession booking = live.book(1);
        try (SignalingClient client = SignalingClient.join(live.uri(), booking.clientToken(0))) {
            client.nextOfType("welcome", WAIT);
            client.sendBinary(new byte[]{1, 2, 3});
            assertEquals("binary-not-supported", client.nextErrorCode(WAIT));
            client.send(new ClientMessage.Ping());
            client.nextOfType("pong", WAIT);

            client.sendBinary(new byte[4096]);
            assertEquals(1009, client.awaitClose(WAIT));
        }
    }

    private static JsonNode sendAndError(SignalingClient client, String text) {
        client.send(text);
        return client.nextOfType("error", WAIT);
    }
}
