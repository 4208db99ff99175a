package org.alcove.server;

import org.alcove.server.accounts.UserStore;
import org.alcove.server.admin.AdminRoutes;
import org.alcove.server.audit.AuditLog;
import org.alcove.server.auth.JoinTokens;
import org.alcove.server.auth.LoginTokens;
import org.alcove.server.auth.Passwords;
import org.alcove.server.auth.SigningKey;
import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.http.Json;
import org.alcove.server.http.Listener;
import org.alcove.server.http.Router;
import org.alcove.server.http.SecurityHeaders;
import org.alcove.server.http.StaticFiles;
import org.alcove.server.ops.Drain;
import org.alcove.server.ops.Metrics;
import org.alcove.server.ops.MetricsEndpoint;
import org.alcove.server.sessions.Scheduling;
import org.alcove.server.store.Database;
import org.alcove.server.store.SessionStore;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The whole server as one lifecycle object: storage, auth, HTTP routes, static files and the
 * WebSocket side. {@link Main} and the integration tests start the same wiring.
 */
public final class Server {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    private final AlcoveConfig config;
    private final Clock clock;
    private final Drain drain = new Drain();
    /** What start() made, as one value; {@code null} while not started. */
    private volatile Running running;

    /** The running parts {@link #stop()} takes down; during a start that failed half way, some are {@code null}. */
    private record Running(org.eclipse.jetty.server.Server jetty, ServerConnector connector, Router router,
                           LiveSide live, AdminRoutes admin, AuditLog audit, Database database, Metrics metrics) {
    }

    /** @param clock the time every token, schedule and audit row uses ({@code Clock.systemUTC()}; tests control it) */
    public Server(AlcoveConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * Opens the database, starts the HTTP and WebSocket sides and returns what they run on. The
     * returned value is the one way in from outside: the caller keeps it (see {@link Services}).
     */
    public synchronized Services start() throws Exception {
        if (running != null) {
            throw new IllegalStateException("already started");
        }
        Metrics metrics = new Metrics();
        Database database = null;
        AuditLog audit = null;
        org.eclipse.jetty.server.Server jetty = null;
        LiveSide live = null;
        AdminRoutes admin = null;
        try {
            database = Database.open(config.store());
            SecretKey key = SigningKey.load(config.auth(), config.store().dataDir());
            SessionStore sessions = new SessionStore(database);
            audit = new AuditLog(database);
            audit.sealUnhashed();
            UserStore users = new UserStore(database);
            Passwords passwords = new Passwords(config.auth().passwordIterations());
            JoinTokens joinTokens = new JoinTokens(key, config.auth(), config.room(), clock);
            LoginTokens loginTokens = new LoginTokens(key, config.auth(), clock);
            jetty = new org.eclipse.jetty.server.Server();
            ServerConnector connector = Listener.open(jetty, config.http());
            jetty.addConnector(connector);
            jetty.setErrorHandler(SecurityHeaders.errorHandler(config.http().tls()));
            metrics.watch(jetty.getThreadPool());
            ContextHandler context = new ContextHandler("/");
            Handler.Sequence handlers = new Handler.Sequence();
            Json json = new Json();
            Router router = new Router(json, config.http().maxBodyBytes());
            if (config.ops().metricsEnabled()) {
                handlers.addHandler(new MetricsEndpoint(metrics, config.ops().metricsToken(), json));
            }
            handlers.addHandler(router);
            handlers.addHandler(StaticFiles.joinPage());

            live = wireRooms(context, handlers, jetty, metrics, joinTokens, sessions, users, audit);

            handlers.addHandler(StaticFiles.handler());
            context.setHandler(new SecurityHeaders(handlers, config.http().tls()));
            jetty.setHandler(context);

            Scheduling scheduling = new Scheduling(sessions, joinTokens, audit, live.liveSessions(), clock,
                    this::publicUrl);
            Services services = new Services(config, clock, database, sessions, audit, users, passwords, joinTokens,
                    loginTokens, scheduling);
            admin = ApiRoutes.register(router, services, live.liveSessions(), live.liveAdmin(), metrics, drain,
                    this::publicUrl, this::secureCookie);
            running = new Running(jetty, connector, router, live, admin, audit, database, metrics);
            jetty.start();
            live.start();
            admin.start();
            return services;
        } catch (Exception | Error e) {
            running = null;
            try {
                halt(new Running(jetty, null, null, live, admin, audit, database, metrics));
            } catch (Exception stopping) {
                e.addSuppressed(stopping);
            }
            throw e;
        }
    }

    /**
     * The one place the live side plugs in: add the {@code /ws} upgrade handler to
     * {@code handlers} (it runs after the API routes and before the static files) and return the
     * live side, whose {@code LiveSessions} the scheduling routes call on cancel and reissue.
     */
    private LiveSide wireRooms(ContextHandler context, Handler.Sequence handlers, org.eclipse.jetty.server.Server jetty,
                                   Metrics metrics, JoinTokens joinTokens, SessionStore sessions, UserStore users,
                                   AuditLog audit) {
        // The rooms (room/) and the sockets (ws/) that reach them, with their one ticker thread.
        LiveSide live = new LiveSide(config, joinTokens, sessions, users, audit, clock, metrics, drain);
        metrics.watch(live);
        handlers.addHandler(live.handler(jetty, context, this::publicUrl));
        return live;
    }

    /**
     * The graceful path (SIGTERM): {@link #drain()}, then {@link #stop()}. Bounded by the drain
     * period plus the close handshakes and Jetty's own stop; the caller bounds it as a whole.
     */
    public void shutdown() throws Exception {
        drain();
        stop();
        LOG.info("shutdown complete");
    }

    /**
     * Starts draining and waits out {@code ops.drain-period}, or less once every socket is gone:
     * readiness turns not-ready at once, new sockets and joins get {@code server-shutdown} and
     * 1001, and connected sockets get the {@code server-shutdown} notice and keep working until
     * {@link #stop()} closes them with 1001. Calling it again (or while stopped) does nothing more.
     */
    public void drain() {
        LiveSide live;
        synchronized (this) {
            Running parts = running;
            Duration period = config.ops().drainPeriod();
            if (parts == null || !drain.start(clock.instant().plus(period))) {
                return;
            }
            live = parts.live();
            LOG.info("draining: not ready, refusing new sockets, closing {} open sockets within {}",
                    live.openSockets(), period);
            live.announceShutdown();
        }
        // Not holding the lock: stop() may come from another thread and must not wait for this.
        drain.awaitUntil(() -> live.openSockets() == 0, config.ops().drainPeriod());
    }

    /** Whether {@link #drain()} has started. */
    public boolean draining() {
        return drain.underway();
    }

    public synchronized void stop() throws Exception {
        if (running != null) {
            try {
                halt(running);
            } finally {
                // Only now: requests Jetty finishes while stopping may still ask for publicUrl().
                running = null;
            }
        }
    }

    private void halt(Running parts) throws Exception {
        try {
            if (parts.admin() != null) {
                // Live view streams end before Jetty stops, so they do not hold the stop up.
                parts.admin().stop();
            }
            if (parts.live() != null) {
                // Sockets get 1001 before Jetty stops; the timer thread stops ticking rooms.
                parts.live().stop();
            }
            if (parts.jetty() != null) {
                parts.jetty().stop();
            }
        } finally {
            if (parts.audit() != null) {
                // After the rooms and sockets (whose last events it may still hold), before the database.
                parts.audit().close();
            }
            if (parts.database() != null) {
                parts.database().close();
            }
            parts.metrics().close();
        }
    }

    /** Where this server can be reached locally: {@code http(s)://127.0.0.1:<bound port>}. */
    public URI uri() {
        return URI.create(scheme() + "://127.0.0.1:" + started().connector().getLocalPort());
    }

    /** The base of join links: the configured public URL, else {@code http(s)://localhost:<bound port>}. */
    public URI publicUrl() {
        URI configured = config.http().publicUrl();
        return configured != null ? configured : URI.create(scheme() + "://localhost:" + started().connector().getLocalPort());
    }

    private String scheme() {
        return config.http().tls() ? "https" : "http";
    }

    /** The sign-in cookie is {@code Secure} when served over TLS here or by a proxy: never sent over plain HTTP. */
    private boolean secureCookie() {
        return config.http().tls() || "https".equals(publicUrl().getScheme());
    }

    private Running started() {
        Running parts = running;
        if (parts == null) {
            throw new IllegalStateException("server not started");
        }
        return parts;
    }

    /** Every API route as {@code "METHOD /pattern"} (see {@link Router#routes()}). */
    public List<String> routes() {
        return started().router().routes();
    }
}
