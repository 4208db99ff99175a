package org.alcove.server.room;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.audit.AuditEvent;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.LiveStage;
import org.alcove.server.testing.SignalingClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who gets in on {@code /ws}: the auth handshake, token checks and their close codes. */
class SocketAuthIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    // A short auth deadline keeps the timeout test quick; the default is 5 s. The join window
    // is not the default 15 minutes, so an opensAt the server did not compute would show.
    @RegisterExtension
    static final LiveStage live = new LiveStage(java.util.Map.of("ws.auth-timeout", "PT1S", "auth.join-opens-before", "PT40M"));

    @Test
    void a_valid_token_gets_a_welcome_with_the_seat_from_the_token() {
        BookedSession booking = live.book(1);
        try (SignalingClient client = SignalingClient.join(live.uri(), booking.clientToken(0))) {
            JsonNode welcome = client.nextOfType("welcome", WAIT);
            assertEquals(booking.clientId(0), welcome.path("participantId").asText());
            assertEquals(booking.sessionId(), welcome.path("sessionId").asText());
            assertEquals("client", welcome.path("role").asText());
            assertEquals("waiting", welcome.path("state").asText());
            assertFalse(welcome.path("resumeKey").asText().isEmpty());
        }
    }

    @Test
    void a_socket_that_never_authenticates_is_closed_after_the_deadline() {
        try (SignalingClient silent = SignalingClient.connect(live.uri())) {
            assertEquals(4001, silent.awaitClose(WAIT));
            assertEquals("auth-timeout", silent.received().get(0).path("code").asText());
        }
    }

    @Test
    void a_first_message_other_than_auth_is_refused() {
        try (SignalingClient client = SignalingClient.connect(live.uri())) {
            client.send("{\"type\":\"ping\"}");
            assertEquals("auth-required", client.nextErrorCode(WAIT));
            assertEquals(4015, client.awaitClose(WAIT));
        }
    }

    @Test
    void garbage_forged_and_tampered_tokens_all_get_the_same_generic_refusal() {
        BookedSession mine = live.book(1);
        BookedSession other = live.book(1);
        String token = mine.clientToken(0);
        String[] parts = token.split("\\.");
        String forgedSignature = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(new byte[32]);
        // Claims of the other session's seat spliced under this token's signature.
        String tampered = parts[0] + "." + other.clientToken(0).split("\\.")[1] + "." + parts[2];

        List<JsonNode> errors = new java.util.ArrayList<>();
        for (String bad : List.of("not-a-token", forgedSignature, tampered)) {
            try (SignalingClient client = SignalingClient.join(live.uri(), bad)) {
                errors.add(client.nextOfType("error", WAIT));
                assertEquals(4002, client.awaitClose(WAIT));
                assertEquals("auth-failed", client.closeReason());
            }
        }
        assertEquals(errors.get(0), errors.get(1));
        assertEquals(errors.get(0), errors.get(2));
    }

    @Test
    void a_link_used_too_early_is_told_when_the_session_starts() {
        Instant startsAt = live.now().plus(Duration.ofHours(3));
        BookedSession later = live.book(startsAt, 50, 1);
        try (SignalingClient client = SignalingClient.join(live.uri(), later.clientToken(0))) {
            JsonNode error = client.nextOfType("error", WAIT);
            assertEquals("not-yet-open", error.path("code").asText());
            assertEquals(startsAt, Instant.parse(error.path("startsAt").asText()));
            assertEquals(startsAt.minus(Duration.ofMinutes(40)), Instant.parse(error.path("opensAt").asText()));
            assertEquals(4003, client.awaitClose(WAIT));
        }
        // And the link does open then, not at the default 15 minutes before.
        live.advance(Duration.ofHours(3).minusMinutes(39));
        try (SignalingClient client = SignalingClient.join(live.uri(), later.clientToken(0))) {
            assertEquals("waiting", client.nextOfType("welcome", WAIT).path("state").asText());
        }
    }

    @Test
    void a_link_used_after_the_session_is_over_has_expired() {
        Instant startsAt = live.now().plus(Duration.ofMinutes(5));
        BookedSession booking = live.book(startsAt, 30, 1);
        live.advance(Duration.ofMinutes(5 + 30 + 11));
        try (SignalingClient client = SignalingClient.join(live.uri(), booking.clientToken(0))) {
            assertEquals("link-expired", client.nextErrorCode(WAIT));
            assertEquals(4004, client.awaitClose(WAIT));
        }
    }

    @Test
    void every_auth_failure_is_audited_without_the_token() {
        BookedSession booking = live.book(1);
        live.cancel(booking);
        try (SignalingClient client = SignalingClient.join(live.uri(), booking.clientToken(0))) {
            assertEquals(4005, client.awaitClose(WAIT));
        }
        List<AuditEvent> rows = live.audit(booking.sessionId());
        AuditEvent failure = rows.stream().filter(row -> row.event().equals("auth.failed")).findFirst().orElseThrow();
        assertEquals("session-cancelled", failure.outcome());
        assertEquals(booking.clientId(0), failure.participantId());
        assertTrue(rows.stream().noneMatch(row -> String.valueOf(row).contains(booking.clientToken(0))));
    }
}
