package org.alcove.server.room;

import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.ops.Metrics;
import org.alcove.server.store.SessionRecord;
import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.CloseCode;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.ServerMessage;
import org.alcove.signaling.room.Effect;
import org.alcove.signaling.room.IceConfig;
import org.alcove.signaling.room.Occupancy;
import org.alcove.signaling.room.Participant;
import org.alcove.signaling.room.Room;
import org.alcove.signaling.room.RoomEvent;
import org.alcove.signaling.room.RoomPolicy;
import org.alcove.signaling.room.RoomSnapshot;
import org.alcove.signaling.room.Schedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The live rooms, one per session that someone joined. Every call into a room holds that
 * room's lock and queues the resulting sends before releasing it, so messages to one
 * connection keep the order the room produced them in; its records are queued under the
 * lock too, in that order, and persisted after it (see {@link RoomRecorder}). Rooms are created on the first successful join and dropped by the ticker once ended.
 */
public final class Rooms implements LiveSessions, LiveAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(Rooms.class);
    /** A room nobody is in this long after its end is dropped even if it never saw its end tick. */
    private static final Duration FORGET_IDLE_AFTER_END = Duration.ofHours(1);
    private static final int MAX_PARTICIPANTS = RoomPolicy.MAX_PARTICIPANTS;

    private final Map<String, Room> live = new ConcurrentHashMap<>();
    /** Ended rooms seen by one tick already; touched only by the ticker thread. */
    private final Set<String> retiring = new HashSet<>();
    private final RoomPolicy policy;
    private final RoomRecorder recorder;
    private final Clock clock;
    private final Metrics metrics;
    private final IceConfig ice;

    Rooms(AlcoveConfig.Room config, RoomRecorder recorder, Clock clock, Metrics metrics, IceConfig ice) {
        this.policy = new RoomPolicy(config.reconnectGrace(), config.endWarning(), config.overrun(),
                config.maxExtension(), MAX_PARTICIPANTS);
        this.recorder = recorder;
        this.clock = clock;
        this.metrics = metrics;
        this.ice = ice;
    }

    /** Seats an authenticated connection in the room of {@code session}, creating the room if needed. */
    void join(SocketConnection connection, SessionRecord session, Participant who, String resumeKey) {
        LogScope.around(session.id(), who.id(), () -> seat(connection, session, who, resumeKey));
    }

    private void seat(SocketConnection connection, SessionRecord session, Participant who, String resumeKey) {
        while (true) {
            Room room = live.computeIfAbsent(session.id(),
                    id -> new Room(new Schedule(id, session.startsAt(), session.endsAt()), policy, ice));
            synchronized (room) {
                // The ticker may have dropped this room between lookup and lock: then use a fresh one.
                if (live.get(session.id()) != room) {
                    continue;
                }
                if (!connection.joined(room, session.id(), who)) {
                    return;
                }
                recorder.queue(apply(room.join(connection, who, resumeKey, now())));
            }
            recorder.persist();
            LOG.info("connection {} joined session={} participant={} role={}", connection.id(), session.id(),
                    who.id(), who.role());
            return;
        }
    }

    /** A parsed message from a joined connection. */
    void handle(SocketConnection connection, ClientMessage message) {
        inRoom(connection, room -> counted(connection, message, room.handle(connection, message, now())));
    }

    /** Counts the room's refusals of {@code message} (errors sent back to its sender). */
    private List<Effect> counted(SocketConnection sender, ClientMessage message, List<Effect> effects) {
        for (Effect effect : effects) {
            if (effect instanceof Effect.Send send && send.to() == sender
                    && send.message() instanceof ServerMessage.Error error) {
                metrics.rejected(message, error.code());
            }
        }
        return effects;
    }

    /** A joined connection's socket closed. */
    void disconnected(SocketConnection connection) {
        inRoom(connection, room -> room.disconnected(connection, now()));
    }

    @Override
    public void cancel(String sessionId) {
        LogScope.around(sessionId, null, () -> inSession(sessionId, room -> room.end(EndReason.CANCELLED, now())));
    }

    @Override
    public void revoke(String sessionId, String participantId, ErrorCode why) {
        LogScope.around(sessionId, participantId,
                () -> inSession(sessionId, room -> room.revoke(participantId, why, now())));
    }

    @Override
    public Optional<Occupancy> occupancy(String sessionId) {
        Room room = live.get(sessionId);
        if (room == null) {
            return Optional.empty();
        }
        synchronized (room) {
            return room.ended() ? Optional.empty() : Optional.of(room.occupancy());
        }
    }

    /** Rooms that are live and not ended (for metrics). */
    int activeCount() {
        int active = 0;
        for (Room room : live.values()) {
            synchronized (room) {
                active += room.ended() ? 0 : 1;
            }
        }
        return active;
    }

    /** Clients waiting for admission over every live room (for metrics). */
    int waitingCount() {
        int waiting = 0;
        for (Room room : live.values()) {
            synchronized (room) {
                waiting += room.ended() ? 0 : room.occupancy().waiting();
            }
        }
        return waiting;
    }

    @Override
    public List<RoomSnapshot> snapshots() {
        List<RoomSnapshot> snapshots = new ArrayList<>();
        for (Room room : live.values()) {
            synchronized (room) {
                if (!room.ended() && !room.idle()) {
                    snapshots.add(room.snapshot());
                }
            }
        }
        return snapshots;
    }

    @Override
    public void endByAdmin(String sessionId, String reason) {
        inSession(sessionId, room -> room.endByAdmin(reason, now()));
    }

    @Override
    public void removeByAdmin(String sessionId, String participantId, String reason) {
        inSession(sessionId, room -> room.removeByAdmin(participantId, reason, now()));
    }

    /** Advances every room's time; called about once a second by one thread. */
    void tick() {
        Instant now = now();
        for (Map.Entry<String, Room> entry : live.entrySet()) {
            LogScope.around(entry.getKey(), null, () -> tick(entry.getKey(), entry.getValue(), now));
        }
    }

    private void tick(String sessionId, Room room, Instant now) {
        synchronized (room) {
            recorder.queue(apply(room.tick(now)));
            retireIfEnded(sessionId, room);
            if (room.idle() && now.isAfter(room.schedule().endsAt().plus(policy.overrun()).plus(FORGET_IDLE_AFTER_END))) {
                live.remove(sessionId, room);
            }
        }
        recorder.persist();
    }

    private void inRoom(SocketConnection connection, Function<Room, List<Effect>> call) {
        locked(connection.room(), call);
    }

    private void inSession(String sessionId, Function<Room, List<Effect>> call) {
        locked(live.get(sessionId), call);
    }

    /** Calls {@code room} under its lock, queues the effects, then persists the records outside it. */
    private void locked(Room room, Function<Room, List<Effect>> call) {
        if (room == null) {
            return;
        }
        synchronized (room) {
            recorder.queue(apply(call.apply(room)));
        }
        recorder.persist();
    }

    /**
     * An ended room stays for one more tick before it is dropped: until its end is stored, it is
     * what refuses late joins ({@code session-ended}), instead of a fresh room being created.
     */
    private void retireIfEnded(String sessionId, Room room) {
        if (!room.ended()) {
            return;
        }
        if (retiring.remove(sessionId)) {
            live.remove(sessionId, room);
            LOG.info("room closed session={}", sessionId);
        } else {
            retiring.add(sessionId);
        }
    }

    /** Queues sends and closes in order (caller holds the room's lock); returns the records to persist. */
    private List<RoomEvent> apply(List<Effect> effects) {
        List<RoomEvent> events = new ArrayList<>();
        for (Effect effect : effects) {
            if (effect instanceof Effect.Send send) {
                SocketConnection to = (SocketConnection) send.to();
                to.send(send.message());
                count(to, send.message());
            } else if (effect instanceof Effect.Close close) {
                SocketConnection connection = (SocketConnection) close.connection();
                if (close.code() == CloseCode.NORMAL) {
                    // The client's own leave: the "closed: 1000" line that follows says as much.
                    LOG.debug("connection {} closing: {}", connection.id(), close.code().reason());
                } else {
                    LOG.info("connection {} closing: {}", connection.id(), close.code().reason());
                }
                connection.close(close.code());
            } else if (effect instanceof Effect.Record record) {
                events.add(record.event());
            }
        }
        return events;
    }

    private void count(SocketConnection to, ServerMessage message) {
        if (message instanceof ServerMessage.Welcome) {
            metrics.joined(Duration.ofNanos(System.nanoTime() - to.openedAt()));
        } else if (message instanceof ServerMessage.Offer || message instanceof ServerMessage.Answer
                || message instanceof ServerMessage.Candidate || message instanceof ServerMessage.IceRestart) {
            metrics.relayed(message);
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
