package org.alcove.server.room;

import org.alcove.server.accounts.UserStore;
import org.alcove.server.throttle.FailureWindow;
import org.alcove.server.auth.JoinTokens;
import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.ice.IceServers;
import org.alcove.server.ops.Drain;
import org.alcove.server.ops.LiveCounts;
import org.alcove.server.ops.Metrics;
import org.alcove.server.audit.AuditLog;
import org.alcove.server.store.SessionStore;
import org.alcove.signaling.protocol.MessageCodec;
import org.alcove.signaling.protocol.Role;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The live socket side assembled, one per server: the {@code /ws} handler, the rooms (the
 * {@link LiveSessions} the scheduling side calls), and one timer thread that ticks every
 * room once a second, pings sockets every {@code ws.ping-interval}, enforces the write
 * timeout and the auth deadline.
 */
public final class Signaling implements LiveCounts {
    private static final Logger LOG = LoggerFactory.getLogger(Signaling.class);
    private static final long TICK_MILLIS = 1000;
    private static final long CLOSE_GRACE_MILLIS = 2000;

    private final AlcoveConfig.Socket config;
    private final Rooms rooms;
    private final SocketInput input;
    private final ScheduledExecutorService timers;

    public Signaling(AlcoveConfig config, JoinTokens tokens, SessionStore sessions, UserStore users, AuditLog audit,
                     Clock clock, Metrics metrics, Drain drain) {
        this.config = config.socket();
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "alcove-rooms");
            thread.setDaemon(true);
            return thread;
        });
        // Every join cancels its auth deadline: drop cancelled timers at once instead of holding
        // thousands of them (and their sockets) in the queue for ws.auth-timeout after a burst of joins.
        timer.setRemoveOnCancelPolicy(true);
        this.timers = timer;
        this.rooms = new Rooms(config.room(), new RoomRecorder(sessions, audit), clock, metrics,
                new IceServers(config.ice()));
        JoinGate gate = new JoinGate(tokens, sessions, users, audit, config, metrics,
                new FailureWindow(config.auth().loginFailureWindow(), clock));
        this.input = new SocketInput(config.socket(), new MessageCodec(), gate, rooms, clock, timers, metrics, drain);
    }

    /** What the scheduling side calls when a session is cancelled or a link revoked. */
    public LiveSessions liveSessions() {
        return rooms;
    }

    /** What the admin side sees of and does to live rooms. */
    public LiveAdmin liveAdmin() {
        return rooms;
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

    // --- operations: drain and metrics (ops/) ---

    /** Draining has started: tell every open socket when it will be closed ({@code server-shutdown}). */
    public void announceShutdown() {
        input.announceShutdown();
    }

    /** Open sockets, joined or not. */
    public int openSockets() {
        return input.openCount();
    }

    @Override
    public int openSockets(Role role) {
        return input.openCount(role);
    }

    @Override
    public int activeSessions() {
        return rooms.activeCount();
    }

    @Override
    public int waitingParticipants() {
        return rooms.waitingCount();
    }

    // --- end operations ---

    /** Starts the timer thread. */
    public void start() {
        long pingEvery = Math.max(1, config.pingInterval().toMillis() / TICK_MILLIS);
        AtomicLong ticks = new AtomicLong();
        timers.scheduleWithFixedDelay(() -> {
            try {
                rooms.tick();
                input.sweep(ticks.incrementAndGet() % pingEvery == 0);
            } catch (RuntimeException e) {
                // Keep the ticker alive: a scheduled task that throws is never run again.
                LOG.error("room tick failed: {}", e.getClass().getSimpleName());
                LOG.debug("room tick failure detail", e);
            }
        }, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Closes every socket with 1001 (after what is already queued), waits up to
     * {@link #CLOSE_GRACE_MILLIS} for the close handshakes so Jetty's own stop does not abort
     * them first, and stops the timer thread.
     */
    public void stop() {
        timers.shutdownNow();
        input.closeAll();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_GRACE_MILLIS);
        while (input.openCount() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
