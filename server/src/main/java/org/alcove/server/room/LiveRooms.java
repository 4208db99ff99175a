package org.alcove.server.room;

import org.alcove.server.accounts.UserStore;
import org.alcove.server.audit.AuditLog;
import org.alcove.server.auth.JoinTokens;
import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.ice.IceServers;
import org.alcove.server.ops.Metrics;
import org.alcove.server.store.SessionStore;
import org.alcove.server.throttle.FailureWindow;
import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.ErrorCode;

import java.time.Clock;

/**
 * The room side of the live server assembled, one per server: the rooms, their recorder, the
 * join policy and the join. It is what the transport talks to ({@link SocketEvents}), what the
 * scheduling side calls ({@link LiveSessions}) and what the admin side sees ({@link LiveAdmin}).
 * Its clock is driven from outside: {@link #tick} about once a second.
 */
public final class LiveRooms implements SocketEvents {
    private final Rooms rooms;
    private final Joins joins;

    public LiveRooms(AlcoveConfig config, JoinTokens tokens, SessionStore sessions, UserStore users, AuditLog audit,
                     Clock clock, Metrics metrics) {
        this.rooms = new Rooms(config.room(), new RoomRecorder(sessions, audit), clock, metrics,
                new IceServers(config.ice()));
        JoinGate gate = new JoinGate(tokens, sessions, users, audit, config, metrics,
                new FailureWindow(config.auth().loginFailureWindow(), clock));
        this.joins = new Joins(gate, rooms, clock);
    }

    @Override
    public void authenticated(RoomSocket socket, ClientMessage.Auth auth, String address) {
        joins.join(socket, auth, address);
    }

    @Override
    public void message(RoomSocket socket, ClientMessage message) {
        rooms.handle(socket, message);
    }

    @Override
    public void closed(RoomSocket socket) {
        rooms.disconnected(socket);
    }

    @Override
    public void refusedWithoutToken(ErrorCode code) {
        joins.refusedWithoutToken(code);
    }

    /** What the scheduling side calls when a session is cancelled or a link revoked. */
    public LiveSessions liveSessions() {
        return rooms;
    }

    /** What the admin side sees of and does to live rooms. */
    public LiveAdmin liveAdmin() {
        return rooms;
    }

    /** Advances every room's time: warnings, the end, grace periods running out. */
    public void tick() {
        rooms.tick();
    }

    /** Rooms that are live and not ended (for metrics). */
    public int activeSessions() {
        return rooms.activeCount();
    }

    /** Clients waiting for admission over every live room (for metrics). */
    public int waitingParticipants() {
        return rooms.waitingCount();
    }
}
