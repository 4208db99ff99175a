package org.alcove.server.room;

import org.alcove.server.accounts.AccountRole;
import org.alcove.server.accounts.User;
import org.alcove.server.accounts.UserStore;
import org.alcove.server.throttle.FailureWindow;
import org.alcove.server.auth.JoinClaims;
import org.alcove.server.auth.JoinTokenException;
import org.alcove.server.auth.JoinTokens;
import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.config.ConfigLoader;
import org.alcove.server.ops.Metrics;
import org.alcove.server.audit.AuditEvent;
import org.alcove.server.audit.AuditLog;
import org.alcove.server.store.ParticipantRecord;
import org.alcove.server.store.ParticipantStatus;
import org.alcove.server.store.SessionRecord;
import org.alcove.server.store.SessionStatus;
import org.alcove.server.store.SessionStore;
import org.alcove.server.store.StoredSeat;
import org.alcove.server.testing.MutableClock;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class JoinGateTest {
    private static final Instant START = Instant.parse("2026-05-01T14:00:00Z");
    private static final Instant END = START.plus(Duration.ofMinutes(50));
    private static final String TOKEN = "token-text";
    private static final String ADDRESS = "192.0.2.10";

    private final JoinTokens tokens = mock(JoinTokens.class);
    private final SessionStore sessions = mock(SessionStore.class);
    private final AuditLog audit = mock(AuditLog.class);
    private final AlcoveConfig config = ConfigLoader.load(Map.of(), Map.of());
    private final UserStore users = mock(UserStore.class);
    private final MutableClock clock = new MutableClock(START);
    private final Metrics metrics = new Metrics();
    private final JoinGate gate = new JoinGate(tokens, sessions, users, audit, config, metrics,
            new FailureWindow(config.auth().loginFailureWindow(), clock));

    private final JoinClaims claims = new JoinClaims("s1", "p1", Role.client, "jti-1", START.minusSeconds(900), END.plusSeconds(600));
    private SessionRecord session = new SessionRecord("s1", "t1", START, END, SessionStatus.SCHEDULED, null, null, START.minusSeconds(86400));
    private ParticipantRecord participant = new ParticipantRecord("p1", "s1", Role.client, "Robin", "robin@example.org", null, "jti-1", ParticipantStatus.ACTIVE);

    @BeforeEach
    void stored() throws JoinTokenException {
        when(tokens.verify(TOKEN)).thenReturn(claims);
        when(sessions.findSeat("s1", "p1")).thenAnswer(call -> Optional.ofNullable(session)
                .map(stored -> new StoredSeat(stored, participant)));
    }

    @Test
    void admits_an_active_participant_with_their_stored_name_and_role() {
        JoinGate.Admitted admitted = assertInstanceOf(JoinGate.Admitted.class, gate.check(TOKEN, ADDRESS, START));
        assertEquals("p1", admitted.who().id());
        assertEquals(Role.client, admitted.who().role());
        assertEquals("Robin", admitted.who().name());
    }

    @Test
    void a_therapist_whose_account_is_disabled_is_refused_as_account_disabled() throws JoinTokenException {
        participant = new ParticipantRecord("p1", "s1", Role.therapist, "Dr T", null, "t1", "jti-1", ParticipantStatus.ACTIVE);
        when(tokens.verify(TOKEN)).thenReturn(new JoinClaims("s1", "p1", Role.therapist, "jti-1", START.minusSeconds(900),
                END.plusSeconds(600)));
        User account = new User("t1", "t@example.org", "Dr T", AccountRole.therapist, "hash", START, false);
        when(users.find("t1")).thenReturn(Optional.of(account));
        assertInstanceOf(JoinGate.Admitted.class, gate.check(TOKEN, ADDRESS, START));

        when(users.find("t1")).thenReturn(Optional.of(new User("t1", "t@example.org", "Dr T", AccountRole.therapist,
                "hash", START, true)));
        assertEquals(ErrorCode.ACCOUNT_DISABLED, refusal(gate.check(TOKEN, ADDRESS, START)));
    }

    @Test
    void a_forged_token_is_refused_and_audited_without_any_id() throws JoinTokenException {
        when(tokens.verify("forged")).thenThrow(new JoinTokenException(JoinTokenException.Kind.INVALID, null));

        assertEquals(ErrorCode.AUTH_FAILED, refusal(gate.check("forged", ADDRESS, START)));
        AuditEvent row = audited();
        assertEquals("auth.failed", row.event());
        assertEquals("auth-failed", row.outcome());
        assertNull(row.sessionId());
        assertNull(row.participantId());
    }

    @Test
    void an_early_token_is_told_when_the_session_starts_and_with_whom() throws JoinTokenException {
        when(tokens.verify("early")).thenThrow(new JoinTokenException(JoinTokenException.Kind.NOT_YET_VALID, claims));
        when(sessions.participants("s1")).thenReturn(List.of(participant,
                new ParticipantRecord("t-seat", "s1", Role.therapist, "Dr Ada", null, "t1", "jti-t", ParticipantStatus.ACTIVE)));

        JoinGate.Refused refused = assertInstanceOf(JoinGate.Refused.class, gate.check("early", ADDRESS, START.minusSeconds(3600)));
        assertEquals(ErrorCode.NOT_YET_OPEN, refused.error().code());
        assertEquals(START, refused.error().startsAt());
        assertEquals(START.minus(config.auth().joinOpensBefore()), refused.error().opensAt());
        assertEquals("Dr Ada", refused.error().therapistName());
        assertEquals("s1", audited().sessionId());
    }

    @Test
    void an_early_token_whose_link_was_replaced_is_told_so_at_once() throws JoinTokenException {
        when(tokens.verify("early")).thenThrow(new JoinTokenException(JoinTokenException.Kind.NOT_YET_VALID, claims));
        participant = new ParticipantRecord("p1", "s1", Role.client, "Robin", "robin@example.org", null, "jti-2", ParticipantStatus.ACTIVE);

        assertEquals(ErrorCode.LINK_REISSUED, refusal(gate.check("early", ADDRESS, START.minusSeconds(3600))));
    }

    @Test
    void an_expired_token_is_refused_as_link_expired() throws JoinTokenException {
        when(tokens.verify("old")).thenThrow(new JoinTokenException(JoinTokenException.Kind.EXPIRED, claims));
        assertEquals(ErrorCode.LINK_EXPIRED, refusal(gate.check("old", ADDRESS, END.plusSeconds(3600))));
    }

    @Test
    void stored_state_decides_even_for_a_valid_token() {
        session = withStatus(SessionStatus.CANCELLED);
        assertEquals(ErrorCode.SESSION_CANCELLED, refusal(gate.check(TOKEN, ADDRESS, START)));
        session = withStatus(SessionStatus.ENDED);
        assertEquals(ErrorCode.SESSION_ENDED, refusal(gate.check(TOKEN, ADDRESS, START)));
        session = null;
        assertEquals(ErrorCode.AUTH_FAILED, refusal(gate.check(TOKEN, ADDRESS, START)));
    }

    @Test
    void participant_state_decides_even_for_a_valid_token() {
        participant = participantWith("jti-2", ParticipantStatus.ACTIVE);
        assertEquals(ErrorCode.LINK_REISSUED, refusal(gate.check(TOKEN, ADDRESS, START)));
        participant = participantWith("jti-1", ParticipantStatus.DECLINED);
        assertEquals(ErrorCode.DECLINED, refusal(gate.check(TOKEN, ADDRESS, START)));
        participant = participantWith("jti-1", ParticipantStatus.REMOVED);
        assertEquals(ErrorCode.REMOVED, refusal(gate.check(TOKEN, ADDRESS, START)));
        participant = null;
        assertEquals(ErrorCode.AUTH_FAILED, refusal(gate.check(TOKEN, ADDRESS, START)));
    }

    @Test
    void a_cancel_or_reissue_stored_during_the_check_is_found_once_seated() {
        JoinGate.Admitted admitted = assertInstanceOf(JoinGate.Admitted.class, gate.check(TOKEN, ADDRESS, START));
        assertNull(gate.recheck(admitted));

        participant = participantWith("jti-2", ParticipantStatus.ACTIVE);
        assertEquals(ErrorCode.LINK_REISSUED, gate.recheck(admitted));
        participant = participantWith("jti-1", ParticipantStatus.REMOVED);
        assertEquals(ErrorCode.REMOVED, gate.recheck(admitted));
        session = withStatus(SessionStatus.CANCELLED);
        assertEquals(ErrorCode.SESSION_CANCELLED, gate.recheck(admitted));
    }

    @Test
    void the_stored_time_window_is_checked_with_the_current_end() {
        // The opening tolerates the clock leeway, as the token's own nbf does.
        Duration opens = config.auth().joinOpensBefore().plus(config.auth().clockLeeway());
        Duration overrun = config.room().overrun();
        assertEquals(ErrorCode.NOT_YET_OPEN, refusal(gate.check(TOKEN, ADDRESS, START.minus(opens).minusSeconds(1))));
        assertInstanceOf(JoinGate.Admitted.class, gate.check(TOKEN, ADDRESS, START.minus(opens)));
        assertInstanceOf(JoinGate.Admitted.class, gate.check(TOKEN, ADDRESS, END.plus(overrun)));
        assertEquals(ErrorCode.LINK_EXPIRED, refusal(gate.check(TOKEN, ADDRESS, END.plus(overrun).plusSeconds(1))));
    }

    @Test
    void a_genuine_signature_whose_validity_is_wider_than_any_link_for_the_session_is_refused_as_invalid()
            throws JoinTokenException {
        Instant opens = START.minus(config.auth().joinOpensBefore());
        Instant latestEnd = END.plus(config.room().overrun()).plus(config.room().maxExtension());
        when(tokens.verify("wide")).thenReturn(new JoinClaims("s1", "p1", Role.client, "jti-1", opens, latestEnd));
        assertInstanceOf(JoinGate.Admitted.class, gate.check("wide", ADDRESS, START), "the widest issued window");

        when(tokens.verify("early")).thenReturn(new JoinClaims("s1", "p1", Role.client, "jti-1",
                opens.minusSeconds(1), END));
        assertEquals(ErrorCode.AUTH_FAILED, refusal(gate.check("early", ADDRESS, START)));
        when(tokens.verify("late")).thenReturn(new JoinClaims("s1", "p1", Role.client, "jti-1", opens,
                latestEnd.plusSeconds(1)));
        assertEquals(ErrorCode.AUTH_FAILED, refusal(gate.check("late", ADDRESS, START)));
        when(tokens.verify("therapist")).thenReturn(new JoinClaims("s1", "p1", Role.therapist, "jti-1", opens, END));
        assertEquals(ErrorCode.AUTH_FAILED, refusal(gate.check("therapist", ADDRESS, START)));
    }

    @Test
    void invalid_tokens_from_one_address_are_throttled_before_verification_but_stale_links_are_not_counted()
            throws JoinTokenException {
        when(tokens.verify("forged")).thenThrow(new JoinTokenException(JoinTokenException.Kind.INVALID, null));
        when(tokens.verify("old")).thenThrow(new JoinTokenException(JoinTokenException.Kind.EXPIRED, claims));
        int limit = config.auth().socketFailuresPerAddress();
        for (int i = 0; i < limit * 2; i++) {
            assertEquals(ErrorCode.LINK_EXPIRED, refusal(gate.check("old", ADDRESS, START)));
        }
        for (int i = 0; i < limit; i++) {
            assertEquals(ErrorCode.AUTH_FAILED, refusal(gate.check("forged", ADDRESS, START)));
        }
        assertEquals(ErrorCode.TOO_MANY_ATTEMPTS, refusal(gate.check(TOKEN, ADDRESS, START)));
        verify(tokens, times(limit)).verify("forged");
        verify(tokens, never()).verify(TOKEN);
        assertInstanceOf(JoinGate.Admitted.class, gate.check(TOKEN, "192.0.2.11", START), "another address");

        clock.advance(config.auth().loginFailureWindow());
        assertInstanceOf(JoinGate.Admitted.class, gate.check(TOKEN, ADDRESS, START), "after the window");
    }

    @Test
    void a_throttled_address_is_audited_once_per_spell_but_every_refusal_is_counted() throws Exception {
        when(tokens.verify("forged")).thenThrow(new JoinTokenException(JoinTokenException.Kind.INVALID, null));
        int limit = config.auth().socketFailuresPerAddress();
        for (int i = 0; i < limit; i++) {
            gate.check("forged", ADDRESS, START);
        }
        for (int i = 0; i < 50; i++) {
            assertEquals(ErrorCode.TOO_MANY_ATTEMPTS, refusal(gate.check("forged", ADDRESS, START)));
        }
        verify(audit, times(1)).append(argThat(row -> row.outcome().equals("too-many-attempts")));
        verify(audit, times(limit)).append(argThat(row -> row.outcome().equals("auth-failed")));
        ByteArrayOutputStream scrape = new ByteArrayOutputStream();
        metrics.scrape(scrape, "text/plain; version=0.0.4; charset=utf-8");
        assertTrue(scrape.toString(StandardCharsets.UTF_8).contains("alcove_auth_failures_total{code=\"too-many-attempts\"} 50.0"),
                "every refusal is counted");
    }

    @Test
    void genuine_links_take_back_the_attempt_they_were_counted_as() throws JoinTokenException {
        when(tokens.verify("forged")).thenThrow(new JoinTokenException(JoinTokenException.Kind.INVALID, null));
        int limit = config.auth().socketFailuresPerAddress();
        for (int i = 0; i < limit - 1; i++) {
            gate.check("forged", ADDRESS, START);
        }
        for (int i = 0; i < limit * 2; i++) {
            assertInstanceOf(JoinGate.Admitted.class, gate.check(TOKEN, ADDRESS, START));
        }
        assertEquals(ErrorCode.AUTH_FAILED, refusal(gate.check("forged", ADDRESS, START)), "the last allowed guess");
        assertEquals(ErrorCode.TOO_MANY_ATTEMPTS, refusal(gate.check(TOKEN, ADDRESS, START)));
    }

    @Test
    void ipv6_addresses_of_one_64_share_their_allowance() throws JoinTokenException {
        when(tokens.verify("forged")).thenThrow(new JoinTokenException(JoinTokenException.Kind.INVALID, null));
        int limit = config.auth().socketFailuresPerAddress();
        for (int i = 0; i < limit; i++) {
            assertEquals(ErrorCode.AUTH_FAILED, refusal(gate.check("forged", "2001:db8:5:6::" + Integer.toHexString(i + 1), START)));
        }
        assertEquals(ErrorCode.TOO_MANY_ATTEMPTS, refusal(gate.check(TOKEN, "2001:db8:5:6:ffff::1", START)));
        assertInstanceOf(JoinGate.Admitted.class, gate.check(TOKEN, "2001:db8:5:7::1", START), "the next /64");
    }

    private SessionRecord withStatus(SessionStatus status) {
        EndReason reason = status == SessionStatus.CANCELLED ? EndReason.CANCELLED : EndReason.ENDED_BY_THERAPIST;
        return new SessionRecord("s1", "t1", START, END, status, reason, START, START.minusSeconds(86400));
    }

    private static ParticipantRecord participantWith(String tokenId, ParticipantStatus status) {
        return new ParticipantRecord("p1", "s1", Role.client, "Robin", "robin@example.org", null, tokenId, status);
    }

    private static ErrorCode refusal(JoinGate.Verdict verdict) {
        return assertInstanceOf(JoinGate.Refused.class, verdict).error().code();
    }

    private AuditEvent audited() {
        ArgumentCaptor<AuditEvent> row = ArgumentCaptor.forClass(AuditEvent.class);
        verify(audit).append(row.capture());
        return row.getValue();
    }
}
