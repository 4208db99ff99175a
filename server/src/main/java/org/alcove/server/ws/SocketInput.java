package org.alcove.server.ws;

import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.ops.Drain;
import org.alcove.server.ops.LogScope;
import org.alcove.server.ops.Metrics;
import org.alcove.server.room.SocketEvents;
import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.CloseCode;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.MessageCodec;
import org.alcove.signaling.protocol.ProtocolException;
import org.alcove.signaling.protocol.ServerMessage;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What happens to everything a socket sends, in order: the rate limit, then the auth
 * deadline and the first message, which must be {@code auth}, then parsing; what passes is
 * forwarded to the rooms ({@link SocketEvents}), which decide everything about joining.
 * Jetty delivers one socket's frames one at a time (the next frame is demanded only after
 * the previous callback returned), so per-connection input needs no locking here.
 */
final class SocketInput {
    private static final Logger LOG = LoggerFactory.getLogger(SocketInput.class);

    private final AlcoveConfig.Socket config;
    private final MessageCodec codec;
    private final SocketEvents rooms;
    /** Every open socket; {@link LiveSockets} sweeps and counts them. */
    private final Set<SocketConnection> open;
    private final ScheduledExecutorService timers;
    private final Metrics metrics;
    private final Drain drain;
    private final AtomicLong ids = new AtomicLong();

    SocketInput(AlcoveConfig.Socket config, MessageCodec codec, SocketEvents rooms, Set<SocketConnection> open,
                ScheduledExecutorService timers, Metrics metrics, Drain drain) {
        this.config = config;
        this.codec = codec;
        this.rooms = rooms;
        this.open = open;
        this.timers = timers;
        this.metrics = metrics;
        this.drain = drain;
    }

    SocketConnection opened(Session session, String address) {
        SocketConnection connection = new SocketConnection("c" + ids.incrementAndGet(), session, address, codec,
                config.queueMessages(), config.ratePerSecond(), config.rateBurst(), metrics);
        open.add(connection);
        if (drain.underway()) {
            turnAway(connection);
            return connection;
        }
        connection.authDeadline(timers.schedule(() -> scoped(connection, () -> refuseLate(connection)),
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
                case AUTHENTICATING, REFUSED, CLOSED -> {
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
            // Whatever became of its join: one still being checked must learn the socket is gone.
            if (was == SocketConnection.Phase.AUTHENTICATING || was == SocketConnection.Phase.JOINED) {
                try {
                    rooms.closed(connection);
                } catch (RuntimeException e) {
                    LOG.error("connection {} failed handling its close: {}", connection.id(), e.getClass().getSimpleName());
                    LOG.debug("close handling failure detail", e);
                }
            }
        });
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
        if (drain.underway()) {
            if (connection.advance(SocketConnection.Phase.AWAITING_AUTH, SocketConnection.Phase.REFUSED)) {
                connection.cancelAuthDeadline();
                turnAway(connection);
            }
            return;
        }
        if (!connection.advance(SocketConnection.Phase.AWAITING_AUTH, SocketConnection.Phase.AUTHENTICATING)) {
            return;
        }
        connection.cancelAuthDeadline();
        rooms.authenticated(connection, auth, connection.address());
    }

    private void dispatch(SocketConnection connection, String text) {
        ClientMessage message;
        try {
            message = codec.parse(text);
        } catch (ProtocolException e) {
            metrics.rejected(null, e.code());
            connection.refuse(ServerMessage.Error.about(e.code(), e.field()));
            return;
        }
        rooms.message(connection, message);
    }

    private void refuseAuth(SocketConnection connection, ErrorCode code, String field) {
        if (connection.advance(SocketConnection.Phase.AWAITING_AUTH, SocketConnection.Phase.REFUSED)) {
            connection.cancelAuthDeadline();
            connection.refuse(ServerMessage.Error.about(code, field));
            rooms.refusedWithoutToken(code);
        }
    }

    private void refuseLate(SocketConnection connection) {
        if (connection.advance(SocketConnection.Phase.AWAITING_AUTH, SocketConnection.Phase.REFUSED)) {
            connection.refuse(ErrorCode.AUTH_TIMEOUT);
            rooms.refusedWithoutToken(ErrorCode.AUTH_TIMEOUT);
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
}
