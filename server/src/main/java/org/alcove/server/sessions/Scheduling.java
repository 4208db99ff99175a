package org.alcove.server.sessions;

import org.alcove.server.auth.JoinTokens;
import org.alcove.server.room.LiveSessions;
import org.alcove.server.audit.AuditEvent;
import org.alcove.server.audit.AuditLog;
import org.alcove.server.store.Ids;
import org.alcove.server.store.ParticipantRecord;
import org.alcove.server.store.ParticipantStatus;
import org.alcove.server.store.SessionRecord;
import org.alcove.server.store.SessionStatus;
import org.alcove.server.store.SessionStore;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.Role;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Booking, cancelling and reissuing, with their audit rows and the calls that make live rooms
 * follow at once. Callers have already checked access and input; {@link SessionRoutes} does that
 * for HTTP and the demo bootstrap for itself.
 */
public final class Scheduling {
    private final SessionStore store;
    private final JoinTokens tokens;
    private final AuditLog audit;
    private final LiveSessions live;
    private final Clock clock;
    private final Supplier<URI> publicUrl;

    /** A client to book: {@code email} may be {@code null}. */
    public record NewClient(String name, String email) {
    }

    public Scheduling(SessionStore store, JoinTokens tokens, AuditLog audit, LiveSessions live, Clock clock,
                      Supplier<URI> publicUrl) {
        this.store = store;
        this.tokens = tokens;
        this.audit = audit;
        this.live = live;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    public SessionRecord schedule(String therapistId, String therapistName, Instant startsAt, Duration length,
                                  List<NewClient> clients, String actorId) {
        Instant now = clock.instant();
        SessionRecord session = new SessionRecord(Ids.session(), therapistId, startsAt, startsAt.plus(length),
                SessionStatus.SCHEDULED, null, null, now);
        List<ParticipantRecord> participants = new ArrayList<>();
        participants.add(new ParticipantRecord(Ids.participant(), session.id(), Role.therapist, therapistName, null,
                therapistId, Ids.token(), ParticipantStatus.ACTIVE));
        for (NewClient client : clients) {
            participants.add(new ParticipantRecord(Ids.participant(), session.id(), Role.client, client.name(),
                    client.email(), null, Ids.token(), ParticipantStatus.ACTIVE));
        }
        store.create(session, participants);
        audit.append(new AuditEvent(now, session.id(), null, Role.therapist.name(), "session.scheduled", "ok", actorId));
        return session;
    }

    /** A fresh link for the participant's current token id: {@code <publicUrl>/join#<token>}. */
    public String link(SessionRecord session, ParticipantRecord participant) {
        // The fragment is never sent to the server, so the token stays out of access logs.
        return publicUrl.get() + "/join#" + tokens.issue(session, participant);
    }

    /** Cancels a scheduled session and disconnects everyone; false if it had already ended or been cancelled. */
    public boolean cancel(SessionRecord session, String actorId) {
        Instant now = clock.instant();
        if (!store.markEnded(session.id(), EndReason.CANCELLED, now)) {
            return false;
        }
        audit.append(new AuditEvent(now, session.id(), null, null, "session.cancelled", "ok", actorId));
        live.cancel(session.id());
        return true;
    }

    /**
     * Replaces a client's token id, so their earlier links stop working, and disconnects a socket
     * using an old link. A declined or removed client becomes active again: a new link is the
     * therapist's deliberate decision to let them back in (the old link stays refused).
     */
    public ParticipantRecord reissue(SessionRecord session, ParticipantRecord client, String actorId) {
        String tokenId = Ids.token();
        store.replaceTokenId(session.id(), client.id(), tokenId);
        if (client.status() != ParticipantStatus.ACTIVE) {
            store.setParticipantStatus(session.id(), client.id(), ParticipantStatus.ACTIVE);
        }
        audit.append(new AuditEvent(clock.instant(), session.id(), client.id(), client.role().name(),
                "link.reissued", "ok", actorId));
        live.revoke(session.id(), client.id(), ErrorCode.LINK_REISSUED);
        return new ParticipantRecord(client.id(), client.sessionId(), client.role(), client.name(), client.email(),
                client.userId(), tokenId, ParticipantStatus.ACTIVE);
    }
}
