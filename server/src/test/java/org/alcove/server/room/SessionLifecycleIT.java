package org.alcove.server.room;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.audit.AuditEvent;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.LiveStage;
import org.alcove.server.testing.SignalingClient;
import org.alcove.signaling.protocol.ClientMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cancel, reissue, extend and end reach live sockets and stick for later joins. */
class SessionLifecycleIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    static final LiveStage live = new LiveStage();

    @Test
    void cancelling_a_session_disconnects_everyone_and_keeps_them_out() {
        BookedSession booking = live.book(1);
        try (LiveStage.Call call = live.waiting(booking, 0)) {
            SignalingClient therapist = call.therapist();
            SignalingClient client = call.client();

            live.cancel(booking);

            for (SignalingClient socket : List.of(therapist, client)) {
                assertEquals("cancelled", socket.nextOfType("session-ended", WAIT).path("reason").asText());
                assertEquals(4005, socket.awaitClose(WAIT));
            }
        }
        try (SignalingClient again = SignalingClient.join(live.uri(), booking.clientToken(0))) {
            assertEquals("session-cancelled", again.nextErrorCode(WAIT));
            assertEquals(4005, again.awaitClose(WAIT));
        }
    }

    @Test
    void a_reissued_link_replaces_the_old_one_everywhere() {
        BookedSession booking = live.book(1);
        try (SignalingClient old = SignalingClient.join(live.uri(), booking.clientToken(0))) {
            old.nextOfType("welcome", WAIT);
            String fresh = live.reissue(booking, 0);

            assertEquals("link-reissued", old.nextErrorCode(WAIT));
            assertEquals(4006, old.awaitClose(WAIT));

            try (SignalingClient stale = SignalingClient.join(live.uri(), booking.clientToken(0))) {
                assertEquals("link-reissued", stale.nextErrorCode(WAIT));
                assertEquals(4006, stale.awaitClose(WAIT));
            }
            try (SignalingClient renewed = SignalingClient.join(live.uri(), fresh)) {
                assertEquals(booking.clientId(0), renewed.nextOfType("welcome", WAIT).path("participantId").asText());
            }
        }
    }

    @Test
    void the_therapist_extends_then_ends_and_the_links_stop_working() {
        BookedSession booking = live.book(1);
        try (LiveStage.Call call = live.admitted(booking, 0)) {
            SignalingClient therapist = call.therapist();
            SignalingClient client = call.client();
            Instant endsAt = Instant.parse(call.therapistWelcome().path("endsAt").asText());

            therapist.send(new ClientMessage.Extend(15));
            JsonNode extended = client.nextOfType("session-extended", WAIT);
            assertEquals(endsAt.plus(Duration.ofMinutes(15)), Instant.parse(extended.path("endsAt").asText()));
            live.awaitStored(() -> live.testServer().sessions().find(booking.sessionId()).orElseThrow().endsAt()
                    .equals(endsAt.plus(Duration.ofMinutes(15))));

            therapist.send(new ClientMessage.End());
            for (SignalingClient socket : List.of(therapist, client)) {
                assertEquals("ended-by-therapist", socket.nextOfType("session-ended", WAIT).path("reason").asText());
                assertEquals(4010, socket.awaitClose(WAIT));
            }
        }
        for (String token : List.of(booking.therapistToken(), booking.clientToken(0))) {
            try (SignalingClient again = SignalingClient.join(live.uri(), token)) {
                assertEquals("session-ended", again.nextErrorCode(WAIT));
                assertEquals(4010, again.awaitClose(WAIT));
            }
        }
    }

    @Test
    void everyone_is_warned_before_the_end_and_disconnected_when_time_is_up() {
        BookedSession booking = live.book(live.now(), 30, 1);
        try (LiveStage.Call call = live.waiting(booking, 0)) {
            SignalingClient therapist = call.therapist();
            SignalingClient client = call.client();
            Instant endsAt = Instant.parse(call.therapistWelcome().path("endsAt").asText());

            live.advance(Duration.ofMinutes(26));
            assertEquals(endsAt, Instant.parse(client.nextOfType("session-warning", WAIT).path("endsAt").asText()));
            therapist.nextOfType("session-warning", WAIT);

            live.advance(Duration.ofMinutes(4).plus(live.testServer().config().room().overrun()).plusSeconds(1));
            for (SignalingClient socket : List.of(therapist, client)) {
                assertEquals("time-up", socket.nextOfType("session-ended", WAIT).path("reason").asText());
                assertEquals(4010, socket.awaitClose(WAIT));
            }
        }
        live.awaitStored(() -> live.testServer().sessions().find(booking.sessionId()).orElseThrow().status()
                == org.alcove.server.store.SessionStatus.ENDED);
    }

    @Test
    void the_audit_trail_records_join_admit_decline_leave_and_end_with_opaque_ids_only() {
        BookedSession booking = live.book(2);
        try (LiveStage.Call call = live.admitted(booking, 0);
             SignalingClient declined = SignalingClient.join(live.uri(), booking.clientToken(1))) {
            SignalingClient therapist = call.therapist();
            SignalingClient admitted = call.client();
            declined.nextOfType("welcome", WAIT);
            therapist.send(new ClientMessage.Decline(booking.clientId(1)));
            declined.awaitClose(WAIT);
            admitted.send(new ClientMessage.Leave());
            assertEquals(1000, admitted.awaitClose(WAIT));
            therapist.send(new ClientMessage.End());
            therapist.awaitClose(WAIT);
        }
        live.awaitStored(() -> events(booking).contains("room.ended"));

        Set<String> events = events(booking);
        for (String expected : List.of("room.joined", "room.admitted", "room.declined", "room.left", "room.ended")) {
            assertTrue(events.contains(expected), expected + " in " + events);
        }
        List<AuditEvent> rows = live.audit(booking.sessionId());
        AuditEvent admit = rows.stream().filter(row -> row.event().equals("room.admitted")).findFirst().orElseThrow();
        assertEquals(booking.clientId(0), admit.participantId());
        assertEquals("client", admit.role());
        String all = rows.toString();
        for (String secret : List.of(booking.therapistToken(), booking.clientToken(0), "@", LiveStage.CLIENT_NAME_PREFIX)) {
            assertFalse(all.contains(secret), "audit rows contain " + secret);
        }
    }

    private static Set<String> events(BookedSession booking) {
        return live.audit(booking.sessionId()).stream().map(AuditEvent::event).collect(Collectors.toSet());
    }
}
