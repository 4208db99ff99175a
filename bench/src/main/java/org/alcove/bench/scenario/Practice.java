package org.alcove.bench.scenario;

import org.alcove.bench.client.Api;
import org.alcove.bench.proc.Launcher;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * A running Alcove server set up like a practice: the admin from first start, one therapist
 * created through the API and signed in, sessions booked on demand. Also the settings every
 * bench server runs with, and why they differ from the defaults.
 */
public final class Practice {
    static final String ADMIN_EMAIL = "bench-admin@alcove.local";
    static final String THERAPIST_EMAIL = "bench-therapist@alcove.local";
    /** Known to the harness only; the data directory is thrown away after the run. */
    private static final String PASSWORD = "bench-password-" + Long.toHexString(System.nanoTime());

    private final Launcher.Started server;
    private final Api api;
    private final String therapistToken;

    private Practice(Launcher.Started server) {
        this.server = server;
        this.api = new Api(server.uri());
        String adminToken = api.login(ADMIN_EMAIL, PASSWORD);
        api.createTherapist(adminToken, THERAPIST_EMAIL, PASSWORD);
        this.therapistToken = api.login(THERAPIST_EMAIL, PASSWORD);
    }

    /** Signs in on a server started with {@link #environment()} on a fresh data directory. */
    public static Practice on(Launcher.Started server) {
        return new Practice(server);
    }

    /**
     * The bench server's settings. Loopback only. The per-socket rate limit (50/s by default)
     * exists against abusive clients; the latency and throughput scenarios send far faster on
     * purpose, so it is raised out of their way (every message still pays the bucket check).
     * Fewer PBKDF2 iterations only make the three sign-ins of the setup quick; no scenario signs in.
     * The socket-auth throttle counts every join as a failure until its token checks out (so that
     * racing sockets cannot slip past it), which refuses more than 20 joins in flight from one
     * address; the load generators run many more from each of their few 127.0.0.x addresses, so
     * the limit is raised out of their way (every join still pays the throttle's bookkeeping).
     */
    public static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("ALCOVE_HTTP_HOST", "127.0.0.1");
        env.put("ALCOVE_AUTH_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("ALCOVE_AUTH_ADMIN_PASSWORD", PASSWORD);
        env.put("ALCOVE_AUTH_PASSWORD_ITERATIONS", "10000");
        env.put("ALCOVE_WS_RATE_PER_SECOND", "1000000");
        env.put("ALCOVE_WS_RATE_BURST", "1000000");
        env.put("ALCOVE_AUTH_SOCKET_FAILURES_PER_ADDRESS", "1000000");
        env.put("ALCOVE_OPS_DRAIN_PERIOD", "PT0S");
        return env;
    }

    public Launcher.Started server() {
        return server;
    }

    public URI uri() {
        return server.uri();
    }

    public Api.Booking book(int clients) {
        return api.book(therapistToken, clients);
    }
}
