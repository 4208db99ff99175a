package org.alcove.server.room;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.LiveStage;
import org.alcove.server.testing.SignalingClient;
import org.alcove.signaling.protocol.ClientMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The waiting room, admission and the relay, through real sockets. */
class WaitingRoomIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofMillis(500);

    @RegisterExtension
    static final LiveStage live = new LiveStage();

    @Test
    void a_waiting_client_learns_nothing_while_others_negotiate() throws InterruptedException {
        BookedSession booking = live.book(2);
        try (LiveStage.Call call = live.admitted(booking, 0)) {
            SignalingClient therapist = call.therapist();
            SignalingClient admitted = call.client();

            try (SignalingClient waiting = SignalingClient.join(live.uri(), booking.clientToken(1))) {
                assertEquals("waiting", waiting.nextOfType("welcome", WAIT).path("state").asText());
                LiveStage.awaitWaiting(therapist, booking.clientId(1));

                therapist.send(new ClientMessage.Offer(booking.clientId(0), "v=0 offer"));
                assertEquals("v=0 offer", admitted.nextOfType("offer", WAIT).path("sdp").asText());
                admitted.send(new ClientMessage.Answer(booking.therapistId(), "v=0 answer"));
                therapist.nextOfType("answer", WAIT);
                admitted.send(new ClientMessage.Candidate(booking.therapistId(), "candidate:1 1 udp 1 192.0.2.1 9 typ host", "0", 0));
                therapist.nextOfType("candidate", WAIT);

                // Its own negotiation goes nowhere either.
                waiting.send(new ClientMessage.Offer(booking.therapistId(), "v=0 sneaky"));
                assertEquals("not-allowed", waiting.nextErrorCode(WAIT));

                Thread.sleep(QUIET.toMillis());
                // Its whole history: the welcome and the refusal, nothing about anyone else.
                assertEquals(List.of("welcome", "error"), waiting.types());
                therapist.expectNothingOfType("offer", Duration.ZERO);
            }
        }
    }

    @Test
    void relayed_messages_carry_the_sender_stamped_by_the_server_whatever_the_client_claims() {
        BookedSession booking = live.book(2);
        try (LiveStage.Group call = live.admittedAll(booking)) {
            SignalingClient therapist = call.therapist();
            SignalingClient client = call.client(0);
            SignalingClient other = call.client(1);

            // A client-written "from" is ignored by the codec: the server stamps the real sender.
            client.send("{\"type\":\"offer\",\"to\":\"" + booking.therapistId() + "\",\"sdp\":\"v=0 forged\",\"from\":\""
                    + booking.clientId(1) + "\"}");
            JsonNode offer = therapist.nextOfType("offer", WAIT);
            assertEquals(booking.clientId(0), offer.path("from").asText());
            assertEquals("v=0 forged", offer.path("sdp").asText());

            // Any other sender-like field is an unknown field: refused, nothing relayed.
            client.send("{\"type\":\"offer\",\"to\":\"" + booking.therapistId() + "\",\"sdp\":\"x\",\"sender\":\"t\"}");
            JsonNode refused = client.nextOfType("error", WAIT);
            assertEquals("invalid-field", refused.path("code").asText());
            assertEquals("sender", refused.path("field").asText(), refused.toString());
            therapist.expectNothingOfType("offer", QUIET);

            // Relay reaches exactly the addressee.
            client.send(new ClientMessage.Candidate(booking.clientId(1), "candidate:1 1 udp 1 192.0.2.1 9 typ host", "0", 0));
            assertEquals(booking.clientId(0), other.nextOfType("candidate", WAIT).path("from").asText());
            therapist.expectNothingOfType("candidate", QUIET);
            assertTrue(client.isOpen());
        }
    }

    @Test
    void a_declined_client_is_closed_and_the_link_cannot_come_back() {
        BookedSession booking = live.book(1);
        try (LiveStage.Call call = live.waiting(booking, 0)) {
            SignalingClient therapist = call.therapist();
            SignalingClient client = call.client();
            therapist.send(new ClientMessage.Decline(booking.clientId(0)));
            assertEquals("declined", client.nextErrorCode(WAIT));
            assertEquals(4008, client.awaitClose(WAIT));
        }
        try (SignalingClient again = SignalingClient.join(live.uri(), booking.clientToken(0))) {
            assertEquals("declined", again.nextErrorCode(WAIT));
            assertEquals(4008, again.awaitClose(WAIT));
        }
        // The therapist can change their mind only by sending a new link.
        String fresh = live.reissue(booking, 0);
        try (SignalingClient renewed = SignalingClient.join(live.uri(), fresh)) {
            assertEquals("waiting", renewed.nextOfType("welcome", WAIT).path("state").asText());
        }
    }

    @Test
    void a_removed_client_is_closed_the_others_see_it_leave_and_the_link_cannot_come_back() {
        BookedSession booking = live.book(1);
        try (LiveStage.Call call = live.admitted(booking, 0)) {
            SignalingClient therapist = call.therapist();
            SignalingClient client = call.client();
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
