package org.alcove.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.security.Forge.Kind;
import org.alcove.server.audit.AuditEvent;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.SignalingClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.alcove.server.security.TokenAttacks.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tokens against time and repetition: the clock leeway at the edges of a link's validity, and the
 * per-address throttle on socket auth. Each test has its own arena, since it moves the clock or
 * spends the address's allowance.
 */
@Adversarial
class TokenTimingIT {
    private static final Duration WAIT = TokenAttacksIT.WAIT;
    /** The default {@code auth.clock-leeway}. */
    private static final Duration LEEWAY = Duration.ofSeconds(30);

    /** Attack: a link used just before it opens. Safe outcome: 1 s outside the leeway not-yet-open (4003, startsAt); 1 s inside admitted. */
    @Test
    void a_link_opens_at_the_edge_of_the_leeway_before_the_window() {
        try (Arena arena = Arena.start()) {
            Instant startsAt = arena.now().plus(Duration.ofHours(1));
            BookedSession booking = arena.book(arena.therapistLogin(), startsAt, 50, 1);
            Instant opens = startsAt.minus(Duration.ofMinutes(15));

            arena.testServer().clock().set(opens.minus(LEEWAY).minusSeconds(1));
            try (SignalingClient early = SignalingClient.join(arena.uri(), booking.clientToken(0))) {
                JsonNode error = early.nextOfType("error", WAIT);
                assertEquals("not-yet-open", error.path("code").asText());
                assertEquals(startsAt, Instant.parse(error.path("startsAt").asText()));
                assertEquals(4003, early.awaitClose(WAIT));
            }
            arena.testServer().clock().set(opens.minus(LEEWAY).plusSeconds(1));
            try (SignalingClient inside = SignalingClient.join(arena.uri(), booking.clientToken(0))) {
                assertEquals(booking.clientId(0), inside.nextOfType("welcome", WAIT).path("participantId").asText());
            }
            arena.bystander().assertUndisturbed();
        }
    }

    /**
     * Attack: correctly signed tokens narrower than the session (nbf later, exp earlier) used at
     * their edges. Safe outcome: within the leeway admitted; 1 s beyond it not-yet-open (4003) or
     * link-expired (4004).
     */
    @Test
    void a_token_s_own_nbf_and_exp_hold_to_the_second_beyond_the_leeway() {
        try (Arena arena = Arena.start(Map.of("auth.signing-key", Forge.keySetting()))) {
            Instant t0 = arena.now();
            BookedSession booking = arena.book(3);
            Instant notBefore = t0.plus(Duration.ofMinutes(10));
            Instant expires = t0.plus(Duration.ofMinutes(20));
            String late = Forge.signed(Kind.JOIN, with(Forge.claimsOf(booking.clientToken(0)), "nbf",
                    notBefore.getEpochSecond()));
            String shortA = Forge.signed(Kind.JOIN, with(Forge.claimsOf(booking.clientToken(1)), "exp",
                    expires.getEpochSecond()));
            String shortB = Forge.signed(Kind.JOIN, with(Forge.claimsOf(booking.clientToken(2)), "exp",
                    expires.getEpochSecond()));

            arena.testServer().clock().set(notBefore.minus(LEEWAY).minusSeconds(1));
            assertRefused(arena, late, "not-yet-open", 4003);
            arena.testServer().clock().set(notBefore.minus(LEEWAY).plusSeconds(1));
            assertAdmitted(arena, late, booking.clientId(0));

            arena.testServer().clock().set(expires.plus(LEEWAY).minusSeconds(1));
            assertAdmitted(arena, shortA, booking.clientId(1));
            arena.testServer().clock().set(expires.plus(LEEWAY).plusSeconds(1));
            assertRefused(arena, shortB, "link-expired", 4004);
            arena.bystander().assertUndisturbed();
        }
    }

    /**
     * Attack: one address presenting forged join tokens over and over. Safe outcome: after
     * {@code auth.socket-failures-per-address} of them (early links do not count) every auth from
     * that address, a genuine link included, is refused with {@code too-many-attempts} (4017)
     * before any token check, the first refusal audited; calls already connected from the same address carry
     * on; once the window has passed the genuine link gets in.
     */
    @Test
    void forged_tokens_from_one_address_are_throttled_while_connected_calls_from_it_carry_on() {
        try (Arena arena = Arena.start(Map.of("auth.socket-failures-per-address", "3"))) {
            BookedSession later = arena.book(arena.therapistLogin(), arena.now().plus(Duration.ofHours(3)), 50, 1);
            for (int i = 0; i < 5; i++) {
                assertRefused(arena, later.clientToken(0), "not-yet-open", 4003);
            }
            for (int i = 0; i < 3; i++) {
                assertRefused(arena, "forged-" + i, "auth-failed", 4002);
            }
            assertRefused(arena, "forged-3", "too-many-attempts", 4017);
            BookedSession now = arena.book(1);
            // The honest cost: a genuine newcomer from the attacker's address waits too.
            assertRefused(arena, now.clientToken(0), "too-many-attempts", 4017);
            arena.bystander().assertUndisturbed();

            List<AuditEvent> throttled = arena.testServer().audit().withoutSession().stream()
                    .filter(row -> row.event().equals("auth.failed") && row.outcome().equals("too-many-attempts"))
                    .toList();
            assertEquals(1, throttled.size(), "only the first throttled refusal is audited");
            assertNull(throttled.get(0).participantId());
            assertTrue(throttled.stream().noneMatch(row -> row.toString().contains("127.0.0.1")), "no address stored");

            arena.advance(Duration.ofMinutes(15));
            assertAdmitted(arena, now.clientToken(0), now.clientId(0));
            arena.bystander().assertUndisturbed();
        }
    }

    private static void assertRefused(Arena arena, String token, String code, int closeCode) {
        try (SignalingClient client = SignalingClient.join(arena.uri(), token)) {
            assertEquals(code, client.nextErrorCode(WAIT));
            assertEquals(closeCode, client.awaitClose(WAIT));
        }
    }

    private static void assertAdmitted(Arena arena, String token, String participantId) {
        try (SignalingClient client = SignalingClient.join(arena.uri(), token)) {
            assertEquals(participantId, client.nextOfType("welcome", WAIT).path("participantId").asText());
        }
    }
}
