package org.alcove.server.room;

import org.alcove.server.store.AuditEvent;
import org.alcove.server.store.AuditLog;
import org.alcove.server.store.ParticipantStatus;
import org.alcove.server.store.SessionStore;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.room.RoomEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Persists what rooms report: one audit row per {@link RoomEvent}, plus the stored state the
 * event changes (declined and removed links, extensions, the end). A room queues its events
 * while it holds its lock and they are persisted after it is released, so the database is not
 * written under a room's lock yet the rows keep the room's order: a client's {@code room.joined}
 * is never stored after the {@code room.admitted} that another thread's call produced next
 * (attendance reads the rows in order). A failure is logged with opaque ids and never reaches
 * the socket.
 *
 * <p>Only events that change stored state (declined and removed links, extensions, the end) are
 * written before the caller goes on, since seat lookups on a rejoin and the API read that state.
 * The rest are audit-only and left to the audit log's background writer ({@link
 * AuditLog#appendLater}): joins and leaves neither wait for the database nor queue on its single
 * writer. The audit log keeps the order either way and makes its readers wait for pending rows.
 */
final class RoomRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(RoomRecorder.class);

    private final SessionStore sessions;
    private final AuditLog audit;
    private final Queue<RoomEvent> queued = new ConcurrentLinkedQueue<>();
    private final Object persisting = new Object();

    RoomRecorder(SessionStore sessions, AuditLog audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    /** Queues a room's events in the order it produced them; the caller holds that room's lock. */
    void queue(List<RoomEvent> events) {
        queued.addAll(events);
    }

    /**
     * Persists everything queued so far, oldest first; called after releasing a room's lock.
     * A drain of audit-only events is handed to the audit log's writer in order. A drain holding
     * an event that changes stored state returns once that state is stored (by this thread or the
     * one before it), its rows written in one transaction after every row handed over before
     * (under load, one thread's drain often holds the events of several joins); should that fail,
     * each is tried on its own so one bad row loses no other.
     */
    void persist() {
        synchronized (persisting) {
            List<RoomEvent> drained = new ArrayList<>();
            RoomEvent event;
            while ((event = queued.poll()) != null) {
                drained.add(event);
            }
            if (drained.isEmpty()) {
                return;
            }
            if (drained.stream().noneMatch(RoomRecorder::changesState)) {
                audit.appendLater(drained.stream().map(RoomRecorder::auditRow).toList());
            } else if (appendAll(drained)) {
                drained.forEach(this::persistState);
            } else if (drained.size() > 1) {
                // An event's stored state follows its audit row, or is skipped with it.
                for (RoomEvent each : drained) {
                    if (append(each)) {
                        persistState(each);
                    }
                }
            }
        }
    }

    private boolean appendAll(List<RoomEvent> events) {
        try {
            audit.appendAll(events.stream().map(RoomRecorder::auditRow).toList());
            return true;
        } catch (RuntimeException e) {
            if (events.size() == 1) {
                failed(events.get(0), e);
            } else {
                LOG.warn("persisting {} room events together failed, retrying one by one: {}", events.size(),
                        e.getClass().getSimpleName());
            }
            return false;
        }
    }

    private boolean append(RoomEvent event) {
        try {
            audit.append(auditRow(event));
            return true;
        } catch (RuntimeException e) {
            failed(event, e);
            return false;
        }
    }

    private void failed(RoomEvent event, RuntimeException e) {
        LOG.warn("persisting {} failed session={} participant={}: {}", event.type(), event.sessionId(),
                event.participantId(), e.getClass().getSimpleName());
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
            failed(event, e);
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
