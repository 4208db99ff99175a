package org.alcove.server.room;

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

/** Keep-alive and shutdown of the socket itself, with short ping and idle settings. */
class TransportIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Map<String, String> FAST_KEEPALIVE = Map.of("ws.ping-interval", "PT1S", "ws.idle-timeout", "PT3S");

    @RegisterExtension
    static final LiveStage live = new LiveStage(FAST_KEEPALIVE);

    @Test
    void the_server_pings_and_a_quiet_client_that_answers_stays_connected() throws InterruptedException {
        BookedSession booking = live.book(1);
        try (SignalingClient client = SignalingClient.join(live.uri(), booking.clientToken(0))) {
            client.nextOfType("welcome", WAIT);
            Thread.sleep(4500);
            assertTrue(client.pingsReceived() >= 2, "pings: " + client.pingsReceived());
            assertTrue(client.isOpen());
            client.send(new ClientMessage.Ping());
            client.nextOfType("pong", WAIT);
        }
    }

    @Test
    void a_client_that_sends_its_own_pings_is_not_pinged_by_the_server_too() throws InterruptedException {
        BookedSession booking = live.book(1);
        try (SignalingClient client = SignalingClient.join(live.uri(), booking.clientToken(0))) {
            client.nextOfType("welcome", WAIT);
            // Like the browser (every 10 s against a 10 s ping interval), only faster than the rounds.
            for (int i = 0; i < 20; i++) {
                client.send(new ClientMessage.Ping());
                Thread.sleep(200);
            }
            // A quiet client gets at least two pings in this time (the test above).
            assertTrue(client.pingsReceived() <= 1, "pings: " + client.pingsReceived());
            assertTrue(client.isOpen());
        }
    }

    @Test
    void a_client_that_stops_answering_pings_is_dropped_and_its_seat_held() {
        BookedSession booking = live.book(1);
        try (LiveStage.Call call = live.admitted(booking, 0)) {
            SignalingClient therapist = call.therapist();
            SignalingClient client = call.client();
            // The therapist keeps answering; only the client goes silent.
            client.stopAnsweringPings();

            assertEquals(booking.clientId(0), therapist.nextOfType("peer-reconnecting", Duration.ofSeconds(10))
                    .path("participantId").asText());
            assertTrue(therapist.isOpen());
        }
    }

    @Test
    void stopping_the_server_closes_every_socket_with_1001() {
        // A server of its own, since the test stops it.
        LiveStage stopping = LiveStage.open(Map.of());
        BookedSession booking = stopping.book(1);
        try (SignalingClient client = SignalingClient.join(stopping.uri(), booking.clientToken(0))) {
            client.nextOfType("welcome", WAIT);
            stopping.close();
            assertEquals(1001, client.awaitClose(WAIT));
        }
    }
}
