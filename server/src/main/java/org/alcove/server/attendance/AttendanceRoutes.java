package org.alcove.server.attendance;

import org.alcove.server.auth.Authenticator;
import org.alcove.server.auth.Caller;
import org.alcove.server.http.ApiException;
import org.alcove.server.http.Reply;
import org.alcove.server.http.Router;
import org.alcove.server.audit.AuditLog;
import org.alcove.server.store.SessionRecord;
import org.alcove.server.store.SessionStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/sessions/{id}/attendance}: the owning therapist or an admin; anyone else's
 * session answers 404 like a missing one.
 */
public final class AttendanceRoutes {
    private final SessionStore sessions;
    private final AuditLog audit;
    private final Authenticator authenticator;
    private final Clock clock;

    public AttendanceRoutes(SessionStore sessions, AuditLog audit, Authenticator authenticator, Clock clock) {
        this.sessions = sessions;
        this.audit = audit;
        this.authenticator = authenticator;
        this.clock = clock;
    }

    public void register(Router router) {
        router.add("GET", "/api/sessions/{id}/attendance", request -> {
            Caller caller = authenticator.require(request);
            SessionRecord session = sessions.find(request.param("id"))
                    .filter(s -> caller.isAdmin() || s.therapistId().equals(caller.userId()))
                    .orElseThrow(ApiException::notFound);
            List<Attendance.Booked> booked = sessions.participants(session.id()).stream()
                    .map(p -> new Attendance.Booked(p.id(), p.role(), p.name()))
                    .toList();
            // After a crash a stored end is the last moment anyone can have been present.
            Instant now = clock.instant();
            if (session.endedAt() != null && session.endedAt().isBefore(now)) {
                now = session.endedAt();
            }
            return Reply.ok(Attendance.of(session.id(), booked, audit.forSession(session.id()), now));
        });
    }
}
