package org.alcove.server.room;

import org.alcove.signaling.protocol.CloseCode;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.MessageCodec;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.protocol.ServerMessage;
import org.alcove.signaling.room.Connection;
import org.alcove.signaling.room.Participant;
import org.alcove.signaling.room.Room;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One socket as the room sees it ({@link Connection}) and as the server writes to it: its
 * {@link Outbox}, its inbound {@link RateLimit} and where it stands in the handshake.
 */
final class SocketConnection implements Connection {
    private static final Logger LOG = LoggerFactory.getLogger(SocketConnection.class);

    enum Phase {
        /** Open, waiting for {@code auth}. */
        AWAITING_AUTH,
        /** {@code auth} received and being checked, or refused and closing. */
        AUTHENTICATING,
        /** Handed to a room; every further message goes there. */
        JOINED,
        /** The socket closed (or the auth deadline passed). */
        CLOSED
    }

    private final String id;
    private final Session session;
    private final String address;
    private final MessageCodec codec;
    private final Outbox outbox;
    private final RateLimit rateLimit;
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.AWAITING_AUTH);
    private volatile Room room;
    /** The seat's opaque ids and role once joined: for log context and metrics only. */
    private volatile String sessionId;
    private volatile Participant who;
    /** When the socket opened, by {@link System#nanoTime()}: the start of the join latency. */
    private final long openedAt = System.nanoTime();
    private volatile Future<?> authDeadline;
    /** When the client was last heard from (any frame, pongs included), by {@link System#nanoTime()}. */
    private volatile long lastHeard = System.nanoTime();
    private final AtomicBoolean dropped = new AtomicBoolean();
    /** A message arrived since the last ping round (see {@link #spokeSinceLastRound}). */
    private volatile boolean spoke;

    SocketConnection(String id, Session session, String address, MessageCodec codec, int queueMessages,
                     int ratePerSecond, int rateBurst) {
        this.id = id;
        this.session = session;
        this.address = address;
        this.codec = codec;
        this.outbox = new Outbox(session, queueMessages);
        this.rateLimit = new RateLimit(ratePerSecond, rateBurst, System.nanoTime());
    }

    @Override
    public String id() {
        return id;
    }

    Phase phase() {
        return phase.get();
    }

    /**
     * The client's IP address as the upgrade request saw it (the forwarded one behind a trusted
     * proxy, see {@code http.forwarded-headers}), for throttling only: never logged or stored.
     */
    String address() {
        return address;
    }

    /** Moves from {@code from} to {@code to}; false if another thread got there first. */
    boolean advance(Phase from, Phase to) {
        return phase.compareAndSet(from, to);
    }

    /** Marks the socket closed; returns the phase it was in. */
    Phase markClosed() {
        cancelAuthDeadline();
        outbox.dead();
        return phase.getAndSet(Phase.CLOSED);
    }

    void authDeadline(Future<?> deadline) {
        this.authDeadline = deadline;
    }

    void cancelAuthDeadline() {
        Future<?> deadline = authDeadline;
        if (deadline != null) {
            deadline.cancel(false);
            // A joined socket stays for hours: it keeps no reference to its spent timer (and what that captures).
            authDeadline = null;
        }
    }

    /**
     * Set by {@link Rooms} under the room's lock, before any effect for this connection is
     * applied. False when the socket closed while its token was being checked: it must not
     * take a seat, since no close would ever release it.
     */
    boolean joined(Room room, String sessionId, Participant who) {
        this.room = room;
        this.sessionId = sessionId;
        this.who = who;
        return phase.compareAndSet(Phase.AUTHENTICATING, Phase.JOINED);
    }

    Room room() {
        return room;
    }

    /** The session this socket joined, or {@code null} before that. */
    String sessionId() {
        return sessionId;
    }

    /** The participant this socket speaks for, or {@code null} before it joined. */
    String participantId() {
        Participant seat = who;
        return seat == null ? null : seat.id();
    }

    /** The role of the joined seat; {@code null} while unauthenticated. */
    Role role() {
        Participant seat = who;
        return seat == null || phase() != Phase.JOINED ? null : seat.role();
    }

    long openedAt() {
        return openedAt;
    }

    /** The client sent something (a message or a pong). */
    void heard() {
        lastHeard = System.nanoTime();
    }

    /** The client sent a message (not a pong): it is alive and keeping the socket busy itself. */
    void spoke() {
        spoke = true;
    }

    /**
     * Whether the client sent a message since the previous call; resets. Called by the ping round
     * only. A message racing the reset counts in one round or the next: at worst one extra ping.
     */
    boolean spokeSinceLastRound() {
        boolean was = spoke;
        spoke = false;
        return was;
    }

    /**
     * Drops a connection whose client has not answered pings (nor sent anything) for
     * {@code silenceNanos}: a peer that vanished without closing keeps TCP writable for a long
     * time, and our own pings would keep Jetty's idle timer from firing.
     */
    boolean disconnectIfSilent(long nowNanos, long silenceNanos) {
        if (nowNanos - lastHeard <= silenceNanos) {
            return false;
        }
        drop("no pong");
        return true;
    }

    RateLimit.Verdict rate() {
        return rateLimit.take(System.nanoTime());
    }

    /** Queues a message; a full queue closes the connection as a slow consumer. */
    void send(ServerMessage message) {
        if (!outbox.offer(codec.write(message))) {
            LOG.info("connection {} closing: {}", id, ErrorCode.SLOW_CONSUMER.wireName());
            outbox.abandon(codec.write(new ServerMessage.Error(ErrorCode.SLOW_CONSUMER)), CloseCode.SLOW_CONSUMER);
        }
    }

    /** Sends {@code error} and, for a fatal code, closes with its close code after it. */
    void refuse(ServerMessage.Error error) {
        send(error);
        if (error.code().fatal()) {
            close(error.code().closeCode());
        }
    }

    void refuse(ErrorCode code) {
        refuse(new ServerMessage.Error(code));
    }

    /** Closes after everything queued so far. */
    void close(CloseCode code) {
        outbox.close(code);
    }

    boolean closing() {
        return outbox.closing();
    }

    /** Closes the connection without the close handshake when its writes are stuck. */
    boolean disconnectIfStalled(long nowNanos, long writeTimeoutNanos) {
        if (!outbox.stalled(nowNanos, writeTimeoutNanos)) {
            return false;
        }
        drop("write timeout");
        return true;
    }

    /** Aborts the TCP connection without a close handshake (the peer is not listening anyway). */
    private void drop(String why) {
        if (dropped.compareAndSet(false, true)) {
            LOG.info("connection {} dropped: {}", id, why);
            outbox.dead();
            session.disconnect();
        }
    }

    /** A WebSocket ping; the client's pong keeps the idle timeout from firing. Control frames may interleave with data. */
    void ping() {
        if (session.isOpen() && !outbox.closing()) {
            session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        }
    }
}
