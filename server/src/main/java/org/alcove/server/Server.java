package org.alcove.server;

import org.alcove.server.accounts.UserRoutes;
import org.alcove.server.admin.AdminRoutes;
import org.alcove.server.attendance.AttendanceRoutes;
import org.alcove.server.audit.AuditRoutes;
import org.alcove.server.accounts.UserStore;
import org.alcove.server.auth.AuthRoutes;
import org.alcove.server.auth.Authenticator;
import org.alcove.server.auth.JoinTokens;
import org.alcove.server.auth.LoginTokens;
import org.alcove.server.auth.Passwords;
import org.alcove.server.auth.SigningKey;
import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.http.Json;
import org.alcove.server.http.Listener;
import org.alcove.server.http.Reply;
import org.alcove.server.http.Router;
import org.alcove.server.http.SecurityHeaders;
import org.alcove.server.http.StaticFiles;
import org.alcove.server.ops.Drain;
import org.alcove.server.ops.Metrics;
import org.alcove.server.ops.MetricsEndpoint;
import org.alcove.server.ops.Readiness;
import org.alcove.server.room.LiveSessions;
import org.alcove.server.sessions.Scheduling;
import org.alcove.server.sessions.SessionRoutes;
import org.alcove.server.store.AuditLog;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole server as one lifecycle object: storage, auth, HTTP routes, static files and the
 * WebSocket side. {@link Main} and the integration tests start the same wiring.
 */
public final class Server {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    private final AlcoveConfig config;
    private final Clock clock;

    private org.eclipse.jetty.server.Server jetty;
    private ServerConnector connector;
    private Database database;
    private SessionStore sessions;
    private AuditLog audit;
    private UserStore users;
    private Passwords passwords;
    private JoinTokens joinTokens;
    private LoginTokens loginTokens;
    private Scheduling scheduling;
    private LiveSide signaling;
    private Metrics metrics;
    private final Drain drain = new Drain();
    private AdminRoutes admin;
    private Router router;

    public Server(AlcoveConfig config) {
        this(config, Clock.systemUTC());
    }

    /** @param clock the time every token, schedule and audit row uses; tests pass a controllable one */
    public Server(AlcoveConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public synchronized void start() throws Exception {
        if (jetty != null) {
            throw new IllegalStateException("already started");
        }
        metrics = new Metrics();
        try {
            database = Database.open(config.store());
            SecretKey key = SigningKey.load(config.auth(), config.store().dataDir());
            sessions = new SessionStore(database);
            audit = new AuditLog(database);
            audit.sealUnhashed();
            users = new UserStore(database);
            passwords = new Passwords(config.auth().passwordIterations());
            joinTokens = new JoinTokens(key, config.auth(), config.room(), clock);
            loginTokens = new LoginTokens(key, config.auth(), clock);

            jetty = new org.eclipse.jetty.server.Server();
            connector = Listener.open(jetty, config.http());
            jetty.addConnector(connector);
            jetty.setErrorHandler(SecurityHeaders.errorHandler(config.http().tls()));
            metrics.watch(jetty.getThreadPool());

            ContextHandler context = new ContextHandler("/");
            Handler.Sequence handlers = new Handler.Sequence();
            Json json = new Json();
            router = new Router(json, config.http().maxBodyBytes());
            if (config.ops().metricsEnabled()) {
                handlers.addHandler(new MetricsEndpoint(metrics, config.ops().metricsToken(), json));
            }
            handlers.addHandler(router);
            handlers.addHandler(StaticFiles.joinPage());

            LiveSessions live = wireRooms(context, handlers);

            handlers.addHandler(StaticFiles.handler());
            context.setHandler(new SecurityHeaders(handlers, config.http().tls()));
            jetty.setHandler(context);

            scheduling = new Scheduling(sessions, joinTokens, audit, live, clock, this::publicUrl);
            Authenticator authenticator = new Authenticator(loginTokens, users, this::publicUrl);
            router.add("GET", "/healthz", request -> Reply.ok(Map.of("status", "ok")));
            new Readiness(database, drain).register(router);
            new AuthRoutes(users, passwords, loginTokens, audit, clock, config.auth(),
                    this::secureCookie, authenticator, metrics).register(router);
            new UserRoutes(users, passwords, authenticator, audit, sessions, live, clock).register(router);
            new SessionRoutes(sessions, users, scheduling, authenticator, live, config.room().overrun(), clock).register(router);
            new AttendanceRoutes(sessions, audit, authenticator, clock).register(router);
            new AuditRoutes(audit, authenticator).register(router);
            admin = new AdminRoutes(sessions, users, audit, signaling.liveAdmin(), authenticator, clock, new Json());
            admin.register(router);

            jetty.start();
            signaling.start();
            admin.start();
        } catch (Exception | Error e) {
            stopQuietly();
            throw e;
        }
    }

    /**
     * The one place the WebSocket side plugs in: add the {@code /ws} upgrade handler to
     * {@code handlers} (it runs after the API routes and before the static files) and return the
     * {@link LiveSessions} the scheduling routes call on cancel and reissue.
     */
    private LiveSessions wireRooms(ContextHandler context, Handler.Sequence handlers) {
        // The rooms (room/) and the sockets (ws/) that reach them, with their one ticker thread.
        signaling = new LiveSide(config, joinTokens, sessions, users, audit, clock, metrics, drain);
        metrics.watch(signaling);
        handlers.addHandler(signaling.handler(jetty, context, this::publicUrl));
        return signaling.liveSessions();
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
            live = signaling;
            Duration period = config.ops().drainPeriod();
            if (live == null || !drain.start(clock.instant().plus(period))) {
                return;
            }
            LOG.info("draining: not ready, refusing new sockets, closing {} open sockets within {}",
                    live.openSockets(), period);
            live.announceShutdown();
        }
        // Not holding the lock: stop() may come from another thread and must not wait for this.
        long deadline = System.nanoTime() + config.ops().drainPeriod().toNanos();
        while (live.openSockets() > 0 && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Whether {@link #drain()} has started. */
    public boolean draining() {
        return drain.underway();
    }

    public synchronized void stop() throws Exception {
        try {
            if (admin != null) {
                // Live view streams end before Jetty stops, so they do not hold the stop up.
                admin.stop();
                admin = null;
            }
            if (signaling != null) {
                // Sockets get 1001 before Jetty stops; the timer thread stops ticking rooms.
                signaling.stop();
                signaling = null;
            }
            if (jetty != null) {
                jetty.stop();
            }
        } finally {
            jetty = null;
            if (audit != null) {
                // After the rooms and sockets (whose last events it may still hold), before the database.
                audit.close();
            }
            if (database != null) {
                database.close();
                database = null;
            }
            if (metrics != null) {
                metrics.close();
            }
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (Exception ignored) {
            // Already failing to start; the original error is the one to report.
        }
    }

    /** Where this server can be reached locally: {@code http(s)://127.0.0.1:<bound port>}. */
    public URI uri() {
        return URI.create(scheme() + "://127.0.0.1:" + started().getLocalPort());
    }

    /** The base of join links: the configured public URL, else {@code http(s)://localhost:<bound port>}. */
    public URI publicUrl() {
        URI configured = config.http().publicUrl();
        return configured != null ? configured : URI.create(scheme() + "://localhost:" + started().getLocalPort());
    }

    private String scheme() {
        return config.http().tls() ? "https" : "http";
    }

    /**
     * The sign-in cookie is {@code Secure} when this server serves TLS or when people reach it over
     * https (TLS terminated by a proxy), so the browser never sends it over plain HTTP.
     */
    private boolean secureCookie() {
        return config.http().tls() || "https".equals(publicUrl().getScheme());
    }

    private ServerConnector started() {
        if (connector == null) {
            throw new IllegalStateException("server not started");
        }
        return connector;
    }

    /** Every API route as {@code "METHOD /pattern"} (see {@link Router#routes()}). */
    public List<String> routes() {
        if (router == null) {
            throw new IllegalStateException("server not started");
        }
        return router.routes();
    }

    public AlcoveConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public AuditLog audit() {
        return audit;
    }

    public UserStore users() {
        return users;
    }

    public Passwords passwords() {
        return passwords;
    }

    public JoinTokens joinTokens() {
        return joinTokens;
    }

    public LoginTokens loginTokens() {
        return loginTokens;
    }

    public Scheduling scheduling() {
        return scheduling;
    }
}
