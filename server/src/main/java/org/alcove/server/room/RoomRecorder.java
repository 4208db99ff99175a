package org.alcove.server.room;

import org.alcove.server.store.AuditEvent;
import org.alcove.server.store.AuditLog;
import org.alcove.server.store.ParticipantStatus;
import org.alcove.server.store.SessionStore;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.room.RoomEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;

/**
 * Persists what rooms report: one audit row per {@link RoomEvent}, plus the stored state the
 * event changes (declined and removed links, extensions, the end). Runs after the room's lock
 * is released; a failure is logged with opaque ids and never reaches the socket.
 */
final class RoomRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(RoomRecorder.class);

    private final SessionStore sessions;
    private final AuditLog audit;

    RoomRecorder(SessionStore sessions, AuditLog audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    void record(List<RoomEvent> events) {
        for (RoomEvent event : events) {
            try {
                audit.append(auditRow(event));
                persistState(event);
            } catch (RuntimeException e) {
                LOG.warn("persisting {} failed session={} participant={}: {}", event.type(), event.sessionId(),
                        event.participantId(), e.getClass().getSimpleName());
            }
        }
    }

    /** {@code room.joined}, {@code room.grace-expired}, ... with outcome {@code ok} or a stable code. */
    static AuditEvent auditRow(RoomEvent event) {
        String name = "room." + event.type().name().toLowerCase(Locale.ROOT).replace('_', '-');
        String outcome = switch (event.type()) {
            case SEAT_REFUSED -> "seat-taken";
            case ENDED -> event.endReason() == null ? "ok" : event.endReason().wireName();
            case JOINED, ADMITTED, DECLINED, REMOVED, LEFT, REVOKED, DISCONNECTED, RECONNECTED, GRACE_EXPIRED,
                 REPLACED, EXTENDED -> "ok";
        };
        String role = event.role() == null ? null : event.role().name();
        return new AuditEvent(event.at(), event.sessionId(), event.participantId(), role, name, outcome, null);
    }

    private void persistState(RoomEvent event) {
        switch (event.type()) {
            case DECLINED -> sessions.setParticipantStatus(event.sessionId(), event.participantId(), ParticipantStatus.DECLINED);
            case REMOVED -> sessions.setParticipantStatus(event.sessionId(), event.participantId(), ParticipantStatus.REMOVED);
            case EXTENDED -> sessions.extend(event.sessionId(), event.endsAt());
            case ENDED -> {
                // A cancellation is stored by the scheduling side before the room hears of it.
                if (event.endReason() != EndReason.CANCELLED) {
                    sessions.markEnded(event.sessionId(), event.endReason(), event.at());
                }
            }
            // REVOKED: the new link was stored by the scheduling side before the room heard of it.
            case JOINED, ADMITTED, LEFT, REVOKED, DISCONNECTED, RECONNECTED, GRACE_EXPIRED, SEAT_REFUSED, REPLACED -> {
            }
        }
    }
}
