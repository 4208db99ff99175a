package org.alcove.server.ws;

import org.alcove.server.ops.Metrics;
import org.alcove.server.room.RoomSocket;
import org.alcove.signaling.protocol.CloseCode;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.MessageCodec;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.protocol.ServerMessage;
import org.alcove.signaling.room.Participant;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One socket as the rooms address it ({@link RoomSocket}) and as the server writes to it: its
 * {@link SocketWriter}, its inbound {@link RateLimit} and where it stands in the handshake. It
 * knows the seat it took only by opaque ids, for its log lines and counts, never its room.
 */
final class SocketConnection implements RoomSocket {
    private static final Logger LOG = LoggerFactory.getLogger(SocketConnection.class);

    enum Phase {
        /** Open, waiting for {@code auth}. */
        AWAITING_AUTH,
        /** {@code auth} received and handed to the rooms, its token being checked. */
        AUTHENTICATING,
        /** Refused or turned away before the rooms saw it; closing. */
        REFUSED,
        /** Seated in a room; every further message goes there. */
        JOINED,
        /** The socket closed (or the auth deadline passed). */
        CLOSED
    }

    private final String id;
    private final Session session;
    private final String address;
    private final MessageCodec codec;
    private final SocketWriter writer;
    private final RateLimit rateLimit;
    private final Metrics metrics;
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.AWAITING_AUTH);
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
                     int ratePerSecond, int rateBurst, Metrics metrics) {
        this.id = id;
        this.session = session;
        this.address = address;
        this.codec = codec;
        this.writer = new SocketWriter(session, queueMessages);
        this.rateLimit = new RateLimit(ratePerSecond, rateBurst, System.nanoTime());
        this.metrics = metrics;
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
        writer.dead();
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

    /** Loses to {@link #markClosed}: a socket that closed while its token was checked is no longer authenticating. */
    @Override
    public boolean seated(String sessionId, Participant who) {
        this.sessionId = sessionId;
        this.who = who;
        return phase.compareAndSet(Phase.AUTHENTICATING, Phase.JOINED);
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
    @Override
    public void send(ServerMessage message) {
        if (message instanceof ServerMessage.Welcome) {
            // Join latency is transport time, from this socket's open: measured where the socket is.
            metrics.joined(Duration.ofNanos(System.nanoTime() - openedAt));
        }
        if (!writer.offer(codec.write(message))) {
            LOG.info("connection {} closing: {}", id, ErrorCode.SLOW_CONSUMER.wireName());
            writer.abandon(codec.write(new ServerMessage.Error(ErrorCode.SLOW_CONSUMER)), CloseCode.SLOW_CONSUMER);
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
    @Override
    public void close(CloseCode code) {
        writer.close(code);
    }

    boolean closing() {
        return writer.closing();
    }

    /** Closes the connection without the close handshake when its writes are stuck. */
    boolean disconnectIfStalled(long nowNanos, long writeTimeoutNanos) {
        if (!writer.stalled(nowNanos, writeTimeoutNanos)) {
            return false;
        }
        drop("write timeout");
        return true;
    }

    /** Aborts the TCP connection without a close handshake (the peer is not listening anyway). */
    private void drop(String why) {
        if (dropped.compareAndSet(false, true)) {
            LOG.info("connection {} dropped: {}", id, why);
            writer.dead();
            session.disconnect();
        }
    }

    /** A WebSocket ping; the client's pong keeps the idle timeout from firing. Control frames may interleave with data. */
    void ping() {
        if (session.isOpen() && !writer.closing()) {
            session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        }
    }
}
