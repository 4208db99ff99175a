package org.alcove.server.admin;

import org.alcove.server.accounts.UserStore;
import org.alcove.server.auth.Authenticator;
import org.alcove.server.auth.Caller;
import org.alcove.server.http.ApiException;
import org.alcove.server.http.ApiRequest;
import org.alcove.server.http.Check;
import org.alcove.server.http.Json;
import org.alcove.server.http.Reply;
import org.alcove.server.http.Router;
import org.alcove.server.room.LiveAdmin;
import org.alcove.server.audit.AuditEvent;
import org.alcove.server.audit.AuditLog;
import org.alcove.server.store.ParticipantRecord;
import org.alcove.server.store.ParticipantStatus;
import org.alcove.server.store.SessionRecord;
import org.alcove.server.store.SessionStatus;
import org.alcove.server.store.SessionStore;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.Role;

import java.time.Clock;
import java.time.Instant;

/**
 * {@code /api/admin/live}, {@code /api/admin/sessions/active} and the admin actions on a
 * session. Every route is admin only (therapists 403, anonymous 401). An action is stored first
 * (so a reconnect after it is refused), audited with the admin's id and typed reason, then
 * applied to the live room, if any, which shows the reason to the therapist.
 */
public final class AdminRoutes {
    public static final int MAX_REASON = 500;

    private final SessionStore sessions;
    private final UserStore users;
    private final AuditLog audit;
    private final LiveAdmin live;
    private final Authenticator authenticator;
    private final Clock clock;
    private final LiveFeed feed;

    record ActionRequest(String reason) {
    }

    public AdminRoutes(SessionStore sessions, UserStore users, AuditLog audit, LiveAdmin live,
                       Authenticator authenticator, Clock clock, Json json) {
        this.sessions = sessions;
        this.users = users;
        this.audit = audit;
        this.live = live;
        this.authenticator = authenticator;
        this.clock = clock;
        this.feed = new LiveFeed(live, sessionId -> sessions.find(sessionId)
                .map(s -> new LiveView.Therapist(s.therapistId(),
                        users.find(s.therapistId()).map(u -> u.name()).orElse(null)))
                .orElse(new LiveView.Therapist(null, null)), clock, json);
    }

    public void register(Router router) {
        router.add("GET", "/api/admin/live", request -> {
            String adminId = authenticator.requireAdmin(request).userId();
            // The stream outlives the request's check: a disabled or deleted admin stops receiving at once.
            return Reply.stream(feed.subscribe(() -> users.find(adminId).map(u -> !u.disabled()).orElse(false)));
        });
        router.add("GET", "/api/admin/sessions/active", request -> {
            authenticator.requireAdmin(request);
            return Reply.ok(feed.current());
        });
        router.add("POST", "/api/admin/sessions/{id}/end", this::end);
        router.add("POST", "/api/admin/sessions/{id}/participants/{pid}/remove", this::remove);
    }

    /** Starts pushing live view changes. */
    public void start() {
        feed.start();
    }

    /** Ends every live view stream. */
    public void stop() {
        feed.stop();
    }

    private Reply end(ApiRequest request) {
        Caller admin = authenticator.requireAdmin(request);
        String reason = reason(request);
        SessionRecord session = sessions.find(request.param("id")).orElseThrow(ApiException::notFound);
        Instant now = clock.instant();
        if (session.status() != SessionStatus.SCHEDULED || !sessions.markEnded(session.id(), EndReason.ENDED_BY_ADMIN, now)) {
            throw notScheduled();
        }
        audit.append(new AuditEvent(now, session.id(), null, null, "admin.session-ended", "ok", admin.userId(), reason));
        live.endByAdmin(session.id(), reason);
        return Reply.noContent();
    }

    private Reply remove(ApiRequest request) {
        Caller admin = authenticator.requireAdmin(request);
        String reason = reason(request);
        SessionRecord session = sessions.find(request.param("id")).orElseThrow(ApiException::notFound);
        ParticipantRecord participant = sessions.findParticipant(session.id(), request.param("pid"))
                .orElseThrow(ApiException::notFound);
        if (participant.role() == Role.therapist) {
            // The therapist is never locked out of their own session; end the session instead.
            throw ApiException.conflict("not-removable", "The therapist cannot be removed",
                    "End the session instead.");
        }
        if (session.status() != SessionStatus.SCHEDULED) {
            throw notScheduled();
        }
        if (participant.status() == ParticipantStatus.REMOVED) {
            throw ApiException.conflict("already-removed", "The participant was already removed",
                    "Nothing to do.");
        }
        sessions.setParticipantStatus(session.id(), participant.id(), ParticipantStatus.REMOVED);
        audit.append(new AuditEvent(clock.instant(), session.id(), participant.id(), participant.role().name(),
                "admin.participant-removed", "ok", admin.userId(), reason));
        live.removeByAdmin(session.id(), participant.id(), reason);
        return Reply.noContent();
    }

    private static String reason(ApiRequest request) {
        return Check.paragraph("reason", request.body(ActionRequest.class).reason(), MAX_REASON);
    }

    private static ApiException notScheduled() {
        return ApiException.conflict("session-not-scheduled", "The session has already ended or been cancelled",
                "Only a scheduled session can be changed.");
    }
}
