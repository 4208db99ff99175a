package org.alcove.server.room;

import org.alcove.server.accounts.User;
import org.alcove.server.accounts.UserStore;
import org.alcove.server.throttle.AddressGroup;
import org.alcove.server.throttle.FailureWindow;
import org.alcove.server.auth.JoinClaims;
import org.alcove.server.auth.JoinTokenException;
import org.alcove.server.auth.JoinTokens;
import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.ops.LogScope;
import org.alcove.server.ops.Metrics;
import org.alcove.server.audit.AuditEvent;
import org.alcove.server.audit.AuditLog;
import org.alcove.server.store.ParticipantRecord;
import org.alcove.server.store.ParticipantStatus;
import org.alcove.server.store.SessionRecord;
import org.alcove.server.store.SessionStatus;
import org.alcove.server.store.SessionStore;
import org.alcove.server.store.StoredSeat;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.protocol.ServerMessage;
import org.alcove.signaling.room.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Decides whether a socket's {@code auth} token lets it in, on every connect and reconnect:
 * first the token itself, then the stored state of the session and participant (cancelled,
 * ended, reissued, declined, removed, time window). The seat it grants comes only from the
 * verified claims and the stored row; nothing in the token's header is ever used. Every refusal
 * is audited as {@code auth.failed} (a throttled address only on its first refusal of a spell),
 * and invalid tokens count towards the per-address throttle.
 */
final class JoinGate {
    private static final Logger LOG = LoggerFactory.getLogger(JoinGate.class);

    /** The outcome of one check. */
    sealed interface Verdict {
    }

    /** The socket may take {@code who}'s seat in {@code session}, by the link with {@code tokenId}. */
    record Admitted(SessionRecord session, Participant who, String tokenId) implements Verdict {
    }

    /** The socket is refused with {@code error} (always a fatal code). */
    record Refused(ServerMessage.Error error) implements Verdict {
    }

    private final JoinTokens tokens;
    private final SessionStore sessions;
    private final UserStore users;
    private final AuditLog audit;
    private final AlcoveConfig config;
    private final Metrics metrics;
    private final FailureWindow failures;

    JoinGate(JoinTokens tokens, SessionStore sessions, UserStore users, AuditLog audit, AlcoveConfig config,
             Metrics metrics, FailureWindow failures) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.users = users;
        this.audit = audit;
        this.config = config;
        this.metrics = metrics;
        this.failures = failures;
    }

    /**
     * @param address the socket's source address: past {@code auth.socket-failures-per-address}
     *                invalid tokens from it (from its /64 for IPv6) within the window, its attempts
     *                are refused before the token is even parsed. Never logged or stored.
     */
    Verdict check(String token, String address, Instant now) {
        int limit = config.auth().socketFailuresPerAddress();
        if (limit <= 0) {
            return check(token, now);
        }
        // Counted as a failure before the token is looked at, so sockets racing in from one
        // address cannot all pass while the first ones are checked; a genuine link takes it back.
        FailureWindow.Turn turn = failures.begin(AddressGroup.of(address), limit);
        if (turn instanceof FailureWindow.Refused throttled) {
            if (throttled.first()) {
                return refuse(now, null, ErrorCode.TOO_MANY_ATTEMPTS);
            }
            // Past the first refusal only the metric counts: the attacker cannot fill the audit log.
            metrics.authFailed(ErrorCode.TOO_MANY_ATTEMPTS);
            return new Refused(new ServerMessage.Error(ErrorCode.TOO_MANY_ATTEMPTS));
        }
        Verdict verdict = null;
        try {
            verdict = check(token, now);
            return verdict;
        } finally {
            // Only tokens we never issued stay counted: early, expired and stale links are genuine.
            if (!(verdict instanceof Refused refused && refused.error().code() == ErrorCode.AUTH_FAILED)) {
                failures.retract((FailureWindow.Counted) turn);
            }
        }
    }

    private Verdict check(String token, Instant now) {
        JoinClaims claims;
        try {
            claims = tokens.verify(token);
        } catch (JoinTokenException e) {
            if (e.kind() == JoinTokenException.Kind.INVALID) {
                // No claims: the signature did not verify, so no id from the token is trusted.
                return refuse(now, null, ErrorCode.AUTH_FAILED);
            }
            if (e.kind() == JoinTokenException.Kind.EXPIRED) {
                return refuse(now, e.claims(), ErrorCode.LINK_EXPIRED);
            }
            // A genuine link used early goes through every stored-state check below, so a
            // replaced, removed or cancelled link is told so now rather than at the opening.
            claims = e.claims();
        }
        StoredSeat seat = seatOf(claims);
        if (seat == null) {
            return refuse(now, claims, ErrorCode.AUTH_FAILED);
        }
        SessionRecord session = seat.session();
        ErrorCode over = over(session);
        if (over != null) {
            return refuse(now, claims, over);
        }
        ParticipantRecord participant = seat.participant();
        if (!participant.tokenId().equals(claims.tokenId())) {
            return refuse(now, claims, ErrorCode.LINK_REISSUED);
        }
        if (participant.userId() != null && users.find(participant.userId()).map(User::disabled).orElse(true)) {
            // A disabled staff account's join link stops working like its sign-in does.
            return refuse(now, claims, ErrorCode.ACCOUNT_DISABLED);
        }
        switch (participant.status()) {
            case DECLINED:
                return refuse(now, claims, ErrorCode.DECLINED);
            case REMOVED:
                return refuse(now, claims, ErrorCode.REMOVED);
            case ACTIVE:
                break;
        }
        // The window opens with the same leeway the token's nbf is checked with, so a link opens
        // at one moment whichever check comes first; it closes with the room, exactly.
        if (now.isBefore(claims.notBefore().minus(config.auth().clockLeeway()))
                || now.isBefore(opensAt(session).minus(config.auth().clockLeeway()))) {
            record(now, claims, ErrorCode.NOT_YET_OPEN);
            return new Refused(ServerMessage.Error.notYetOpen(session.startsAt(), opensAt(session), therapistName(session)));
        }
        if (now.isAfter(session.endsAt().plus(config.room().overrun()))) {
            return refuse(now, claims, ErrorCode.LINK_EXPIRED);
        }
        return new Admitted(session, new Participant(participant.id(), participant.role(), participant.name()),
                claims.tokenId());
    }

    /** Audits a socket refused before it presented a token ({@code auth-required}, {@code auth-timeout}). */
    void refusedWithoutToken(ErrorCode code, Instant now) {
        refuse(now, null, code);
    }

    private String therapistName(SessionRecord session) {
        return sessions.participants(session.id()).stream()
                .filter(p -> p.role() == Role.therapist)
                .map(ParticipantRecord::name).findFirst().orElse(null);
    }

    /**
     * The stored seat the verified claims describe, or {@code null} when they describe none we
     * issued: no such session, no such participant in it, another role, or a validity wider
     * than any link for this session could have (nbf before the window opens, exp after the
     * latest possible end). A token's nbf/exp may be narrower, never wider.
     */
    private StoredSeat seatOf(JoinClaims claims) {
        Optional<StoredSeat> seat = sessions.findSeat(claims.sessionId(), claims.participantId());
        if (seat.isEmpty() || seat.get().participant() == null || seat.get().participant().role() != claims.role()) {
            return null;
        }
        SessionRecord session = seat.get().session();
        // Token times are whole seconds, rounded down when issued.
        Instant earliestStart = opensAt(session).truncatedTo(ChronoUnit.SECONDS);
        Instant latestEnd = session.endsAt().plus(config.room().overrun()).plus(config.room().maxExtension());
        if (claims.notBefore().isBefore(earliestStart) || claims.expiresAt().isAfter(latestEnd)) {
            return null;
        }
        return seat.get();
    }

    private Instant opensAt(SessionRecord session) {
        return session.startsAt().minus(config.auth().joinOpensBefore());
    }

    /**
     * Looks at the stored state again once a seat is taken. A cancellation or reissue stored
     * while {@link #check} ran found no room or seat to act on; this finds it. Returns what
     * the room must still be told, or {@code null} when the seat stands.
     */
    ErrorCode recheck(Admitted admitted) {
        Optional<StoredSeat> seat = sessions.findSeat(admitted.session().id(), admitted.who().id());
        if (seat.isEmpty() || seat.get().session().status() == SessionStatus.CANCELLED) {
            return ErrorCode.SESSION_CANCELLED;
        }
        ParticipantRecord participant = seat.get().participant();
        if (participant == null || !participant.tokenId().equals(admitted.tokenId())) {
            return ErrorCode.LINK_REISSUED;
        }
        return participant.status() == ParticipantStatus.REMOVED ? ErrorCode.REMOVED : null;
    }

    /** Why a stored session admits nobody any more, or {@code null} while it is still scheduled. */
    private static ErrorCode over(SessionRecord session) {
        return switch (session.status()) {
            case CANCELLED -> ErrorCode.SESSION_CANCELLED;
            case ENDED -> ErrorCode.SESSION_ENDED;
            case SCHEDULED -> null;
        };
    }

    private Verdict refuse(Instant now, JoinClaims claims, ErrorCode code) {
        record(now, claims, code);
        return new Refused(new ServerMessage.Error(code));
    }

    /** Counts, logs (opaque ids) and audits a refusal. */
    private void record(Instant now, JoinClaims claims, ErrorCode code) {
        String sessionId = claims == null ? null : claims.sessionId();
        String participantId = claims == null ? null : claims.participantId();
        String role = claims == null || claims.role() == null ? null : claims.role().name();
        metrics.authFailed(code);
        LogScope.around(sessionId, participantId,
                () -> LOG.info("join refused: {} session={} participant={}", code.wireName(), sessionId, participantId));
        try {
            audit.append(new AuditEvent(now, sessionId, participantId, role, "auth.failed", code.wireName(), participantId));
        } catch (RuntimeException e) {
            LOG.warn("audit write failed for auth.failed session={}: {}", sessionId, e.getClass().getSimpleName());
        }
    }
}
