package org.alcove.server;

import org.alcove.server.accounts.UserStore;
import org.alcove.server.audit.AuditLog;
import org.alcove.server.auth.JoinTokens;
import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.ops.Drain;
import org.alcove.server.ops.LiveCounts;
import org.alcove.server.ops.Metrics;
import org.alcove.server.room.LiveAdmin;
import org.alcove.server.room.LiveRooms;
import org.alcove.server.room.LiveSessions;
import org.alcove.server.store.SessionStore;
import org.alcove.server.ws.LiveSockets;
import org.alcove.signaling.protocol.Role;
import org.eclipse.jetty.server.Handler;
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
 * The live side wired, one per server: the rooms ({@code room/}), the sockets ({@code ws/}) that
 * reach them only through {@link org.alcove.server.room.SocketEvents}, and the one timer thread
 * that ticks every room once a second, sweeps the sockets (write timeout, silence, a ping every
 * {@code ws.ping-interval}) and runs their auth deadlines. It sits with {@link Server} because it
 * is wiring: the one class besides it that knows both packages.
 */
final class LiveSide implements LiveCounts {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSide.class);
    private static final long TICK_MILLIS = 1000;
    private static final long CLOSE_GRACE_MILLIS = 2000;

    private final AlcoveConfig.Socket config;
    private final LiveRooms rooms;
    private final LiveSockets sockets;
    private final ScheduledExecutorService timers;

    LiveSide(AlcoveConfig config, JoinTokens tokens, SessionStore sessions, UserStore users, AuditLog audit,
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
        this.rooms = new LiveRooms(config, tokens, sessions, users, audit, clock, metrics);
        this.sockets = new LiveSockets(config.socket(), rooms, timers, metrics, drain);
    }

    /** What the scheduling side calls when a session is cancelled or a link revoked. */
    LiveSessions liveSessions() {
        return rooms.liveSessions();
    }

    /** What the admin side sees of and does to live rooms. */
    LiveAdmin liveAdmin() {
        return rooms.liveAdmin();
    }

    /** The {@code /ws} upgrade handler (see {@link LiveSockets#handler}). */
    Handler handler(org.eclipse.jetty.server.Server jetty, ContextHandler context, Supplier<URI> publicUrl) {
        return sockets.handler(jetty, context, publicUrl);
    }

    // --- operations: drain and metrics (ops/) ---

    /** Draining has started: tell every open socket when it will be closed ({@code server-shutdown}). */
    void announceShutdown() {
        sockets.announceShutdown();
    }

    /** Open sockets, joined or not. */
    int openSockets() {
        return sockets.openSockets();
    }

    @Override
    public int openSockets(Role role) {
        return sockets.openSockets(role);
    }

    @Override
    public int activeSessions() {
        return rooms.activeSessions();
    }

    @Override
    public int waitingParticipants() {
        return rooms.waitingParticipants();
    }

    // --- end operations ---

    /** Starts the timer thread. */
    void start() {
        long pingEvery = Math.max(1, config.pingInterval().toMillis() / TICK_MILLIS);
        AtomicLong ticks = new AtomicLong();
        timers.scheduleWithFixedDelay(() -> {
            try {
                rooms.tick();
                sockets.sweep(ticks.incrementAndGet() % pingEvery == 0);
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
    void stop() {
        timers.shutdownNow();
        sockets.closeAll();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_GRACE_MILLIS);
        while (sockets.openSockets() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
