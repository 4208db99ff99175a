package org.alcove.server.room;

import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.ops.LogScope;
import org.alcove.server.ops.Metrics;
import org.alcove.server.store.SessionRecord;
import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.room.Effect;
import org.alcove.signaling.room.IceConfig;
import org.alcove.signaling.room.Occupancy;
import org.alcove.signaling.room.Participant;
import org.alcove.signaling.room.Room;
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
 * Which socket sits in which room is kept here: a socket knows nothing of its room.
 */
final class Rooms implements LiveSessions, LiveAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(Rooms.class);
    /** A room nobody is in this long after its end is dropped even if it never saw its end tick. */
    private static final Duration FORGET_IDLE_AFTER_END = Duration.ofHours(1);
    private static final int MAX_PARTICIPANTS = RoomPolicy.MAX_PARTICIPANTS;

    private final Map<String, Room> live = new ConcurrentHashMap<>();
    /** The room each seated socket is in, until that socket closes. */
    private final Map<RoomSocket, Room> seatedIn = new ConcurrentHashMap<>();
    /** Ended rooms seen by one tick already; touched only by the ticker thread. */
    private final Set<String> retiring = new HashSet<>();
    private final RoomPolicy policy;
    private final RoomRecorder recorder;
    private final Clock clock;
    private final RoomEffects effects;
    private final IceConfig ice;

    Rooms(AlcoveConfig.Room config, RoomRecorder recorder, Clock clock, Metrics metrics, IceConfig ice) {
        this.policy = new RoomPolicy(config.reconnectGrace(), config.endWarning(), config.overrun(),
                config.maxExtension(), MAX_PARTICIPANTS);
        this.recorder = recorder;
        this.clock = clock;
        this.effects = new RoomEffects(metrics);
        this.ice = ice;
    }

    /**
     * Seats a socket whose token was accepted in the room of {@code session}, creating the room if
     * needed; a socket that closed meanwhile takes no seat (see {@link RoomSocket#seated}).
     */
    void seat(RoomSocket socket, SessionRecord session, Participant who, String resumeKey) {
        LogScope.around(session.id(), who.id(), () -> seatIn(socket, session, who, resumeKey));
    }

    private void seatIn(RoomSocket socket, SessionRecord session, Participant who, String resumeKey) {
        while (true) {
            Room room = live.computeIfAbsent(session.id(),
                    id -> new Room(new Schedule(id, session.startsAt(), session.endsAt()), policy, ice));
            synchronized (room) {
                // The ticker may have dropped this room between lookup and lock: then use a fresh one.
                if (live.get(session.id()) != room) {
                    continue;
                }
                // Mapped before the socket counts as seated, so a close that follows finds the room.
                seatedIn.put(socket, room);
                if (!socket.seated(session.id(), who)) {
                    seatedIn.remove(socket, room);
                    return;
                }
                recorder.queue(effects.apply(room.join(socket, who, resumeKey, now())));
            }
            recorder.persist();
            LOG.info("connection {} joined session={} participant={} role={}", socket.id(), session.id(),
                    who.id(), who.role());
            return;
        }
    }

    /** A parsed message from a seated socket. */
    void handle(RoomSocket socket, ClientMessage message) {
        locked(seatedIn.get(socket), room -> effects.counted(socket, message, room.handle(socket, message, now())));
    }

    /** A socket closed: its seat, if it took one, is held for its return. */
    void disconnected(RoomSocket socket) {
        locked(seatedIn.remove(socket), room -> room.disconnected(socket, now()));
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
            recorder.queue(effects.apply(room.tick(now)));
            retireIfEnded(sessionId, room);
            if (room.idle() && now.isAfter(room.schedule().endsAt().plus(policy.overrun()).plus(FORGET_IDLE_AFTER_END))) {
                live.remove(sessionId, room);
            }
        }
        recorder.persist();
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
            recorder.queue(effects.apply(call.apply(room)));
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

    private Instant now() {
        return clock.instant();
    }
}
