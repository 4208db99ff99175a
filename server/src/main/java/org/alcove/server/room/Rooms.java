package org.alcove.server.room;

import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.store.SessionRecord;
import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.room.Effect;
import org.alcove.signaling.room.Occupancy;
import org.alcove.signaling.room.Participant;
import org.alcove.signaling.room.Room;
import org.alcove.signaling.room.RoomEvent;
import org.alcove.signaling.room.RoomPolicy;
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
 * connection keep the order the room produced them in; records are persisted after the
 * lock. Rooms are created on the first successful join and dropped by the ticker once ended.
 */
public final class Rooms implements LiveSessions {
    private static final Logger LOG = LoggerFactory.getLogger(Rooms.class);
    /** A room nobody is in this long after its end is dropped even if it never saw its end tick. */
    private static final Duration FORGET_IDLE_AFTER_END = Duration.ofHours(1);
    private static final int MAX_PARTICIPANTS = 6;

    private final Map<String, Room> live = new ConcurrentHashMap<>();
    /** Ended rooms seen by one tick already; touched only by the ticker thread. */
    private final Set<String> retiring = new HashSet<>();
    private final RoomPolicy policy;
    private final RoomRecorder recorder;
    private final Clock clock;

    Rooms(AlcoveConfig.Room config, RoomRecorder recorder, Clock clock) {
        this.policy = new RoomPolicy(config.reconnectGrace(), config.endWarning(), config.overrun(),
                config.maxExtension(), MAX_PARTICIPANTS);
        this.recorder = recorder;
        this.clock = clock;
    }

    /** Seats an authenticated connection in the room of {@code session}, creating the room if needed. */
    void join(SocketConnection connection, SessionRecord session, Participant who, String resumeKey) {
        while (true) {
            Room room = live.computeIfAbsent(session.id(),
                    id -> new Room(new Schedule(id, session.startsAt(), session.endsAt()), policy));
            List<RoomEvent> events;
            synchronized (room) {
                // The ticker may have dropped this room between lookup and lock: then use a fresh one.
                if (live.get(session.id()) != room) {
                    continue;
                }
                if (!connection.joined(room)) {
                    return;
                }
                events = apply(room.join(connection, who, resumeKey, now()));
            }
            recorder.record(events);
            LOG.info("connection {} joined session={} participant={} role={}", connection.id(), session.id(),
                    who.id(), who.role());
            return;
        }
    }

    /** A parsed message from a joined connection. */
    void handle(SocketConnection connection, ClientMessage message) {
        inRoom(connection, room -> room.handle(connection, message, now()));
    }

    /** A joined connection's socket closed. */
    void disconnected(SocketConnection connection) {
        inRoom(connection, room -> room.disconnected(connection, now()));
    }

    @Override
    public void cancel(String sessionId) {
        inSession(sessionId, room -> room.end(EndReason.CANCELLED, now()));
    }

    @Override
    public void revoke(String sessionId, String participantId, ErrorCode why) {
        inSession(sessionId, room -> room.revoke(participantId, why, now()));
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

    /** Advances every room's time; called about once a second by one thread. */
    void tick() {
        Instant now = now();
        for (Map.Entry<String, Room> entry : live.entrySet()) {
            Room room = entry.getValue();
            List<RoomEvent> events;
            synchronized (room) {
                events = apply(room.tick(now));
                retireIfEnded(entry.getKey(), room);
                if (room.idle() && now.isAfter(room.schedule().endsAt().plus(policy.overrun()).plus(FORGET_IDLE_AFTER_END))) {
                    live.remove(entry.getKey(), room);
                }
            }
            recorder.record(events);
        }
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
        List<RoomEvent> events;
        synchronized (room) {
            events = apply(call.apply(room));
        }
        recorder.record(events);
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
    private static List<RoomEvent> apply(List<Effect> effects) {
        List<RoomEvent> events = new ArrayList<>();
        for (Effect effect : effects) {
            if (effect instanceof Effect.Send send) {
                ((SocketConnection) send.to()).send(send.message());
            } else if (effect instanceof Effect.Close close) {
                SocketConnection connection = (SocketConnection) close.connection();
                LOG.info("connection {} closing: {}", connection.id(), close.code().reason());
                connection.close(close.code());
            } else if (effect instanceof Effect.Record record) {
                events.add(record.event());
            }
        }
        return events;
    }

    private Instant now() {
        return clock.instant();
    }
}
