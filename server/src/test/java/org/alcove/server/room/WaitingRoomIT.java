package org.alcove.server.room;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.SignalingClient;
import org.alcove.signaling.protocol.ClientMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The waiting room, admission and the relay, through real sockets. */
class WaitingRoomIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final List<String> LEAKS = List.of("roster", "peer-joined", "peer-left", "peer-reconnecting",
            "peer-reconnected", "offer", "answer", "candidate", "ice-restart", "waiting-list");
    private static LiveFixture live;

    @BeforeAll
    static void start() throws Exception {
        live = LiveFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        live.close();
    }

    @Test
    void a_waiting_client_learns_nothing_while_others_negotiate() {
        LiveFixture.Booking booking = live.book(2);
        try (SignalingClient therapist = SignalingClient.join(live.uri(), booking.therapistToken());
             SignalingClient admitted = SignalingClient.join(live.uri(), booking.clientToken(0))) {
            therapist.nextOfType("welcome", WAIT);
            admitted.nextOfType("welcome", WAIT);
            therapist.send(new ClientMessage.Admit(booking.clientId(0)));
            admitted.nextOfType("roster", WAIT);

            try (SignalingClient waiting = SignalingClient.join(live.uri(), booking.clientToken(1))) {
                assertEquals("waiting", waiting.nextOfType("welcome", WAIT).path("state").asText());
                JsonNode list = therapist.nextOfType("waiting-list", WAIT);
                assertTrue(list.toString().contains(booking.clientId(1)));

                therapist.send(new ClientMessage.Offer(booking.clientId(0), "v=0 offer"));
                assertEquals("v=0 offer", admitted.nextOfType("offer", WAIT).path("sdp").asText());
                admitted.send(new ClientMessage.Answer(booking.therapistId(), "v=0 answer"));
                therapist.nextOfType("answer", WAIT);
                admitted.send(new ClientMessage.Candidate(booking.therapistId(), "candidate:1 1 udp 1 192.0.2.1 9 typ host", "0", 0));
                therapist.nextOfType("candidate", WAIT);

                // Its own negotiation goes nowhere either.
                waiting.send(new ClientMessage.Offer(booking.therapistId(), "v=0 sneaky"));
                assertEquals("not-allowed", waiting.nextErrorCode(WAIT));

                for (String type : LEAKS) {
                    waiting.expectNothingOfType(type, type.equals("roster") ? QUIET : Duration.ZERO);
                }
                therapist.expectNothingOfType("offer", Duration.ZERO);
            }
        }
    }

    @Test
    void relayed_messages_carry_the_sender_stamped_by_the_server_and_a_client_sender_field_is_refused() {
        LiveFixture.Booking booking = live.book(1);
        try (SignalingClient therapist = SignalingClient.join(live.uri(), booking.therapistToken());
             SignalingClient client = SignalingClient.join(live.uri(), booking.clientToken(0))) {
            therapist.nextOfType("welcome", WAIT);
            client.nextOfType("welcome", WAIT);
            therapist.send(new ClientMessage.Admit(booking.clientId(0)));
            client.nextOfType("roster", WAIT);

            client.send("{\"type\":\"offer\",\"to\":\"" + booking.therapistId() + "\",\"sdp\":\"x\",\"from\":\""
                    + booking.therapistId() + "\"}");
            JsonNode refused = client.nextOfType("error", WAIT);
            assertEquals("invalid-field", refused.path("code").asText());
            assertTrue(refused.path("message").asText().contains("from"));
            client.send("{\"type\":\"offer\",\"to\":\"" + booking.therapistId() + "\",\"sdp\":\"x\",\"sender\":\"t\"}");
            assertEquals("invalid-field", client.nextErrorCode(WAIT));
            therapist.expectNothingOfType("offer", QUIET);

            client.send(new ClientMessage.Offer(booking.therapistId(), "v=0 real"));
            JsonNode offer = therapist.nextOfType("offer", WAIT);
            assertEquals(booking.clientId(0), offer.path("from").asText());
            assertEquals("v=0 real", offer.path("sdp").asText());
            assertTrue(client.isOpen());
        }
    }

    @Test
    void a_declined_client_is_closed_and_the_link_cannot_come_back() {
        LiveFixture.Booking booking = live.book(1);
        try (SignalingClient therapist = SignalingClient.join(live.uri(), booking.therapistToken());
             SignalingClient client = SignalingClient.join(live.uri(), booking.clientToken(0))) {
            therapist.nextOfType("welcome", WAIT);
            client.nextOfType("welcome", WAIT);
            therapist.send(new ClientMessage.Decline(booking.clientId(0)));
            assertEquals("declined", client.nextErrorCode(WAIT));
            assertEquals(4008, client.awaitClose(WAIT));
        }
        try (SignalingClient again = SignalingClient.join(live.uri(), booking.clientToken(0))) {
            assertEquals("declined", again.nextErrorCode(WAIT));
            assertEquals(4008, again.awaitClose(WAIT));
        }
    }

    @Test
    void a_removed_client_is_closed_the_others_see_it_leave_and_the_link_cannot_come_back() {
        LiveFixture.Booking booking = live.book(1);
        try (SignalingClient therapist = SignalingClient.join(live.uri(), booking.therapistToken());
             SignalingClient client = SignalingClient.join(live.uri(), booking.clientToken(0))) {
            therapist.nextOfType("welcome", WAIT);
            client.nextOfType("welcome", WAIT);
            therapist.send(new ClientMessage.Admit(booking.clientId(0)));
            client.nextOfType("roster", WAIT);
            therapist.send(new ClientMessage.Remove(booking.clientId(0)));
            assertEquals("removed", client.nextErrorCode(WAIT));
            assertEquals(4007, client.awaitClose(WAIT));
            assertEquals("removed", therapist.nextOfType("peer-left", WAIT).path("reason").asText());
        }
        try (SignalingClient again = SignalingClient.join(live.uri(), booking.clientToken(0))) {
            assertEquals("removed", again.nextErrorCode(WAIT));
            assertEquals(4007, again.awaitClose(WAIT));
        }
    }
}
