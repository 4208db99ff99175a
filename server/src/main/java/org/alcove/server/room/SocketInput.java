package org.alcove.server.room;

import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.ops.Drain;
import org.alcove.server.ops.LogScope;
import org.alcove.server.ops.Metrics;
import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.CloseCode;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.MessageCodec;
import org.alcove.signaling.protocol.ProtocolException;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.protocol.ServerMessage;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What happens to everything a socket sends, in order: the rate limit, then the auth
 * handshake for the first message, then parsing and handing the message to its room.
 * Jetty delivers one socket's frames one at a time (the next frame is demanded only after
 * the previous callback returned), so per-connection input needs no locking here.
 */
final class SocketInput {
    private static final Logger LOG = LoggerFactory.getLogger(SocketInput.class);

    private final AlcoveConfig.Socket config;
    private final MessageCodec codec;
    private final JoinGate gate;
    private final Rooms rooms;
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final Metrics metrics;
    private final Drain drain;
    private final Set<SocketConnection> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();

    SocketInput(AlcoveConfig.Socket config, MessageCodec codec, JoinGate gate, Rooms rooms, Clock clock,
                ScheduledExecutorService timers, Metrics metrics, Drain drain) {
        this.config = config;
        this.codec = codec;
        this.gate = gate;
        this.rooms = rooms;
        this.clock = clock;
        this.timers = timers;
        this.metrics = metrics;
        this.drain = drain;
    }

    SocketConnection opened(Session session, String address) {
        SocketConnection connection = new SocketConnection("c" + ids.incrementAndGet(), session, address, codec,
                config.queueMessages(), config.ratePerSecond(), config.rateBurst());
        open.add(connection);
        if (drain.underway()) {
            turnAway(connection);
            return connection;
        }
        connection.authDeadline(timers.schedule(() -> authTimedOut(connection),
                config.authTimeout().toMillis(), TimeUnit.MILLISECONDS));
        LOG.debug("connection {} opened", connection.id());
        return connection;
    }

    void text(SocketConnection connection, String text) {
        scoped(connection, () -> handleText(connection, text));
    }

    private void handleText(SocketConnection connection, String text) {
        connection.heard();
        connection.spoke();
        if (connection.closing() || !admitRate(connection)) {
            return;
        }
        try {
            switch (connection.phase()) {
                case AWAITING_AUTH -> authenticate(connection, text);
                case JOINED -> dispatch(connection, text);
                case AUTHENTICATING, CLOSED -> {
                }
            }
        } catch (RuntimeException e) {
            // A bug must not take the server down or leak a stack trace to the client.
            // Exception messages can quote the message being handled (SDP, names): class only at ERROR.
            LOG.error("connection {} failed handling a message: {}", connection.id(), e.getClass().getSimpleName());
            LOG.debug("message handling failure detail", e);
            connection.close(CloseCode.SERVER_ERROR);
        }
    }

    /** Binary frames small enough to reach us (see {@link SignalingRoute}) are refused but harmless. */
    void binary(SocketConnection connection) {
        connection.heard();
        if (connection.closing() || !admitRate(connection)) {
            return;
        }
        if (connection.phase() == SocketConnection.Phase.AWAITING_AUTH) {
            refuseAuth(connection, ErrorCode.AUTH_REQUIRED, null);
        } else {
            metrics.rejected(null, ErrorCode.BINARY_NOT_SUPPORTED);
            connection.refuse(ErrorCode.BINARY_NOT_SUPPORTED);
        }
    }

    void pong(SocketConnection connection) {
        connection.heard();
    }

    void closed(SocketConnection connection, int statusCode) {
        if (connection == null || !open.remove(connection)) {
            return;
        }
        scoped(connection, () -> {
            SocketConnection.Phase was = connection.markClosed();
            if (was == SocketConnection.Phase.JOINED) {
                LOG.info("connection {} closed: {}", connection.id(), statusCode);
            } else {
                // A socket that never joined was refused (and that logged) or never tried: at
                // INFO, a throttled attacker's sockets would fill the log one line each.
                LOG.debug("connection {} closed: {}", connection.id(), statusCode);
            }
            if (was == SocketConnection.Phase.JOINED) {
                try {
                    rooms.disconnected(connection);
                } catch (RuntimeException e) {
                    LOG.error("connection {} failed handling its close: {}", connection.id(), e.getClass().getSimpleName());
                    LOG.debug("close handling failure detail", e);
                }
            }
        });
    }

    /**
     * Drops sockets whose writes stalled or whose client went silent; when asked, pings the rest,
     * except those whose client sent a message since the last ping round. A browser sends its own
     * {@code ping} every 10 s and gets a {@code pong}: that traffic already keeps the socket and any
     * proxy on the way alive, and pinging it too would double the keep-alive work of every idle socket.
     */
    void sweep(boolean ping) {
        long now = System.nanoTime();
        long writeTimeout = config.writeTimeout().toNanos();
        long silence = config.idleTimeout().toNanos();
        for (SocketConnection connection : open) {
            if (!connection.disconnectIfStalled(now, writeTimeout) && !connection.disconnectIfSilent(now, silence)
                    && ping && !connection.spokeSinceLastRound()) {
                connection.ping();
            }
        }
    }

    /** Server shutdown: every socket is closed with 1001 after what is already queued. */
    void closeAll() {
        for (SocketConnection connection : open) {
            connection.close(CloseCode.GOING_AWAY);
        }
    }

    int openCount() {
        return open.size();
    }

    /** Open sockets whose joined seat has {@code role}; {@code null} counts those not joined. */
    int openCount(Role role) {
        int count = 0;
        for (SocketConnection connection : open) {
            count += connection.role() == role ? 1 : 0;
        }
        return count;
    }

    /** Draining: every open socket learns when it will be closed. */
    void announceShutdown() {
        ServerMessage notice = new ServerMessage.ServerShutdown(drain.closesAt());
        for (SocketConnection connection : open) {
            connection.send(notice);
        }
    }

    /** While draining, a new socket or join gets the notice and is closed with 1001 at once. */
    private void turnAway(SocketConnection connection) {
        LOG.info("connection {} closing: {}", connection.id(), CloseCode.GOING_AWAY.reason());
        connection.send(new ServerMessage.ServerShutdown(drain.closesAt()));
        connection.close(CloseCode.GOING_AWAY);
    }

    /** False when the message must be dropped; tells the client once per streak of drops. */
    private boolean admitRate(SocketConnection connection) {
        RateLimit.Verdict verdict = connection.rate();
        switch (verdict) {
            case ACCEPT -> {
            }
            case DROP -> metrics.rejected(null, ErrorCode.RATE_LIMITED);
            case DROP_FIRST -> {
                metrics.rejected(null, ErrorCode.RATE_LIMITED);
                connection.refuse(ErrorCode.RATE_LIMITED);
            }
            case ABUSIVE -> {
                metrics.rejected(null, ErrorCode.TOO_MANY_MESSAGES);
                LOG.info("connection {} closing: {}", connection.id(), ErrorCode.TOO_MANY_MESSAGES.wireName());
                connection.refuse(ErrorCode.TOO_MANY_MESSAGES);
            }
        }
        return verdict == RateLimit.Verdict.ACCEPT;
    }

    private void authenticate(SocketConnection connection, String text) {
        ClientMessage message;
        try {
            message = codec.parse(text);
        } catch (ProtocolException e) {
            refuseAuth(connection, ErrorCode.AUTH_REQUIRED, e.field());
            return;
        }
        if (!(message instanceof ClientMessage.Auth auth)) {
            refuseAuth(connection, ErrorCode.AUTH_REQUIRED, null);
            return;
        }
        if (!connection.advance(SocketConnection.Phase.AWAITING_AUTH, SocketConnection.Phase.AUTHENTICATING)) {
            return;
        }
        connection.cancelAuthDeadline();
        if (drain.underway()) {
            turnAway(connection);
            return;
        }
        JoinGate.Verdict verdict = gate.check(auth.token(), connection.address(), clock.instant());
        if (verdict instanceof JoinGate.Admitted admitted) {
            rooms.join(connection, admitted.session(), admitted.who(), auth.resumeKey());
            settleRaces(admitted);
        } else if (verdict instanceof JoinGate.Refused refused) {
            connection.refuse(refused.error());
        }
    }

    /** Applies a cancellation, reissue or removal that was stored while this join was being checked. */
    private void settleRaces(JoinGate.Admitted admitted) {
        ErrorCode stale = gate.recheck(admitted);
        if (stale == null) {
            return;
        }
        String sessionId = admitted.session().id();
        switch (stale) {
            case SESSION_CANCELLED -> rooms.cancel(sessionId);
            case LINK_REISSUED, REMOVED -> rooms.revoke(sessionId, admitted.who().id(), stale);
            default -> throw new IllegalStateException("recheck cannot yield " + stale.wireName());
        }
    }

    private void dispatch(SocketConnection connection, String text) {
        ClientMessage message;
        try {
            message = codec.parse(text);
        } catch (ProtocolException e) {
            metrics.rejected(null, e.code());
            connection.refuse(errorFor(e.code(), e.field()));
            return;
        }
        rooms.handle(connection, message);
    }

    private void refuseAuth(SocketConnection connection, ErrorCode code, String field) {
        if (connection.advance(SocketConnection.Phase.AWAITING_AUTH, SocketConnection.Phase.AUTHENTICATING)) {
            connection.cancelAuthDeadline();
            connection.refuse(errorFor(code, field));
            gate.refusedWithoutToken(code, clock.instant());
        }
    }

    private void authTimedOut(SocketConnection connection) {
        scoped(connection, () -> refuseLate(connection));
    }

    private void refuseLate(SocketConnection connection) {
        if (connection.advance(SocketConnection.Phase.AWAITING_AUTH, SocketConnection.Phase.AUTHENTICATING)) {
            connection.refuse(ErrorCode.AUTH_TIMEOUT);
            gate.refusedWithoutToken(ErrorCode.AUTH_TIMEOUT, clock.instant());
        }
    }

    /** Runs {@code work} naming {@code connection}, and its session and participant once it joined. */
    private static void scoped(SocketConnection connection, Runnable work) {
        if (connection == null) {
            work.run();
            return;
        }
        LogScope.around(connection.id(), connection.sessionId(), connection.participantId(), work);
    }

    /** The fixed description, and the offending field's wire name when the codec knows it. */
    private static ServerMessage.Error errorFor(ErrorCode code, String field) {
        return ServerMessage.Error.about(code, field);
    }
}
