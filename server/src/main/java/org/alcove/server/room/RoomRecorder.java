package org.alcove.server.room;

import org.alcove.server.audit.AuditEvent;
import org.alcove.server.audit.AuditLog;
import org.alcove.server.store.ParticipantStatus;
import org.alcove.server.store.SessionStore;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.room.RoomEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Persists what rooms report: one audit row per {@link RoomEvent}, plus the stored state the
 * event changes (declined and removed links, extensions, the end). A room queues its events'
 * rows on the audit log while it holds its lock, so the rows keep the room's order: a client's
 * {@code room.joined} is never stored after the {@code room.admitted} that another thread's call
 * produced next (attendance reads the rows in order). Nothing is written under a room's lock:
 * the audit log's background writer stores the rows, in batches, and a failure is logged with
 * opaque ids and never reaches the socket.
 *
 * <p>Events that change stored state are stored before their caller goes on ({@link #persist}),
 * since seat lookups on a rejoin and the API read that state: the state follows its own row, or
 * is skipped with it. The rest are audit-only: joins and leaves wait neither for the database
 * nor for a lock another join holds.
 */
final class RoomRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(RoomRecorder.class);

    private final SessionStore sessions;
    private final AuditLog audit;
    /** State-changing events queued whose row the writer has not yet handled. */
    private final AtomicInteger unstored = new AtomicInteger();

    RoomRecorder(SessionStore sessions, AuditLog audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    /** Queues a room's events' rows in the order it produced them; the caller holds that room's lock. */
    void queue(List<RoomEvent> events) {
        for (RoomEvent event : events) {
            if (changesState(event)) {
                unstored.incrementAndGet();
                audit.queue(auditRow(event), stored -> {
                    try {
                        if (stored) {
                            persistState(event);
                        }
                    } finally {
                        unstored.decrementAndGet();
                    }
                });
            } else {
                audit.queue(auditRow(event), null);
            }
        }
    }

    /**
     * Called after releasing a room's lock. Returns once every state-changing event queued so far
     * is stored, its row and everything queued before it written first; otherwise returns at once
     * (unless the audit log's queue is full: then this thread writes it).
     */
    void persist() {
        if (unstored.get() > 0) {
            audit.flush();
        } else {
            audit.relieve();
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

    private static boolean changesState(RoomEvent event) {
        return switch (event.type()) {
            case DECLINED, REMOVED, EXTENDED, ENDED -> true;
            case JOINED, ADMITTED, LEFT, REVOKED, DISCONNECTED, RECONNECTED, GRACE_EXPIRED, SEAT_REFUSED, REPLACED -> false;
        };
    }

    private void persistState(RoomEvent event) {
        try {
            storeState(event);
        } catch (RuntimeException e) {
            LOG.warn("persisting {} failed session={} participant={}: {}", event.type(), event.sessionId(),
                    event.participantId(), e.getClass().getSimpleName());
        }
    }

    private void storeState(RoomEvent event) {
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
