package org.alcove.server.room;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.LiveStage;
import org.alcove.server.testing.SignalingClient;
import org.alcove.signaling.protocol.ClientMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One seat per link: drops and resumes, second devices, the therapist's reconnect. */
class SeatsIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofMillis(500);

    @RegisterExtension
    static final LiveStage live = new LiveStage();

    @Test
    void a_dropped_client_resumes_within_the_grace_period_without_waiting_again() {
        BookedSession booking = live.book(1);
        try (LiveStage.Call call = live.admitted(booking, 0)) {
            SignalingClient therapist = call.therapist();
            SignalingClient first = call.client();
            String resumeKey = call.resumeKey();

            first.drop();
            assertEquals(booking.clientId(0), therapist.nextOfType("peer-reconnecting", WAIT).path("participantId").asText());

            try (SignalingClient back = SignalingClient.join(live.uri(), booking.clientToken(0), resumeKey)) {
                JsonNode welcome = back.nextOfType("welcome", WAIT);
                assertTrue(welcome.path("resumed").asBoolean());
                assertEquals("admitted", welcome.path("state").asText());
                back.nextOfType("roster", WAIT);
                assertEquals(booking.clientId(0), therapist.nextOfType("peer-reconnected", WAIT).path("participantId").asText());
                therapist.expectNothingOfType("peer-left", QUIET);
                therapist.expectNothingOfType("waiting-list", Duration.ZERO);
            }
        }
    }

    @Test
    void a_client_gone_longer_than_the_grace_period_has_left_and_must_wait_again() {
        BookedSession booking = live.book(1);
        try (LiveStage.Call call = live.admitted(booking, 0)) {
            SignalingClient therapist = call.therapist();
            SignalingClient first = call.client();
            String resumeKey = call.resumeKey();
            first.drop();
            therapist.nextOfType("peer-reconnecting", WAIT);

            live.advance(live.testServer().config().room().reconnectGrace().plusSeconds(1));

            JsonNode left = therapist.nextOfType("peer-left", WAIT);
            assertEquals(booking.clientId(0), left.path("participantId").asText());
            assertEquals("connection-lost", left.path("reason").asText());
            try (SignalingClient back = SignalingClient.join(live.uri(), booking.clientToken(0), resumeKey)) {
                JsonNode welcome = back.nextOfType("welcome", WAIT);
                assertEquals("waiting", welcome.path("state").asText());
                back.expectNothingOfType("roster", QUIET);
            }
        }
    }

    @Test
    void a_second_device_without_the_resume_key_is_refused_and_the_first_is_undisturbed() {
        BookedSession booking = live.book(1);
        try (LiveStage.Call call = live.admitted(booking, 0)) {
            SignalingClient therapist = call.therapist();
            SignalingClient first = call.client();

            try (SignalingClient second = SignalingClient.join(live.uri(), booking.clientToken(0))) {
                assertEquals("seat-taken", second.nextErrorCode(WAIT));
                assertEquals(4009, second.awaitClose(WAIT));
            }

            therapist.send(new ClientMessage.Offer(booking.clientId(0), "v=0 still here"));
            assertEquals("v=0 still here", first.nextOfType("offer", WAIT).path("sdp").asText());
            assertTrue(first.isOpen());
            therapist.expectNothingOfType("peer-left", Duration.ZERO);
        }
    }

    @Test
    void a_therapist_who_reconnects_replaces_the_old_connection_and_is_never_locked_out() {
        BookedSession booking = live.book(1);
        try (LiveStage.Call call = live.admitted(booking, 0)) {
            SignalingClient old = call.therapist();
            SignalingClient client = call.client();

            // No resume key: the therapist still gets in, from a new device.
            try (SignalingClient fresh = SignalingClient.join(live.uri(), booking.therapistToken())) {
                assertEquals("admitted", fresh.nextOfType("welcome", WAIT).path("state").asText());
                assertEquals("replaced", old.nextErrorCode(WAIT));
                assertEquals(4011, old.awaitClose(WAIT));
                assertEquals(booking.clientId(0), fresh.nextOfType("roster", WAIT)
                        .path("participants").get(0).path("participantId").asText());

                fresh.drop();
                client.nextOfType("peer-reconnecting", WAIT);
                try (SignalingClient third = SignalingClient.join(live.uri(), booking.therapistToken())) {
                    assertTrue(third.nextOfType("welcome", WAIT).path("resumed").asBoolean());
                    client.nextOfType("peer-reconnected", WAIT);
                }
            }
        }
    }
}
