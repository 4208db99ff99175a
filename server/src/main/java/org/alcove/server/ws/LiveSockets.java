package org.alcove.server.ws;

import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.ops.Drain;
import org.alcove.server.ops.Metrics;
import org.alcove.server.room.SocketEvents;
import org.alcove.signaling.protocol.CloseCode;
import org.alcove.signaling.protocol.MessageCodec;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.protocol.ServerMessage;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The socket side of the live server assembled, one per server: the {@code /ws} handler and every
 * socket it opened, joined or not, which the sweep drops or pings, a shutdown notice and the final
 * close reach, and the metrics count. What the sockets say goes to {@code rooms} and nowhere else.
 * Its periodic work is driven from outside: {@link #sweep} about once a second, on the thread that
 * also runs the auth deadlines ({@code timers}).
 */
public final class LiveSockets {
    private final AlcoveConfig.Socket config;
    private final Drain drain;
    private final Set<SocketConnection> open = ConcurrentHashMap.newKeySet();
    private final SocketInput input;

    public LiveSockets(AlcoveConfig.Socket config, SocketEvents rooms, ScheduledExecutorService timers,
                       Metrics metrics, Drain drain) {
        this.config = config;
        this.drain = drain;
        this.input = new SocketInput(config, new MessageCodec(), rooms, open, timers, metrics, drain);
    }

    /**
     * The {@code /ws} upgrade handler for {@code context}; it declines (returns false for)
     * every other request, so it can sit in a handler sequence. Pages may open the socket from
     * {@code publicUrl}'s origin, the server's own, and {@code ws.allowed-origins}.
     */
    public Handler handler(Server jetty, ContextHandler context, Supplier<URI> publicUrl) {
        return SignalingRoute.handler(jetty, context, config, input,
                new AllowedOrigins(publicUrl, config.allowedOrigins()));
    }

    /**
     * Drops sockets whose writes stalled or whose client went silent; when asked, pings the rest,
     * except those whose client sent a message since the last ping round. A browser sends its own
     * {@code ping} every 10 s and gets a {@code pong}: that traffic already keeps the socket and any
     * proxy on the way alive, and pinging it too would double the keep-alive work of every idle socket.
     */
    public void sweep(boolean ping) {
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

    /** Draining has started: tell every open socket when it will be closed ({@code server-shutdown}). */
    public void announceShutdown() {
        ServerMessage notice = new ServerMessage.ServerShutdown(drain.closesAt());
        for (SocketConnection connection : open) {
            connection.send(notice);
        }
    }

    /** Server shutdown: every socket is closed with 1001 after what is already queued. */
    public void closeAll() {
        for (SocketConnection connection : open) {
            connection.close(CloseCode.GOING_AWAY);
        }
    }

    /** Open sockets, joined or not. */
    public int openSockets() {
        return open.size();
    }

    /** Open sockets whose seat has {@code role}; {@code null} counts those not (yet) seated. */
    public int openSockets(Role role) {
        int count = 0;
        for (SocketConnection connection : open) {
            count += connection.role() == role ? 1 : 0;
        }
        return count;
    }
}
