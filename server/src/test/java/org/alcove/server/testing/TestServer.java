package org.alcove.server.testing;

import org.alcove.server.Server;
import org.alcove.server.Services;
import org.alcove.server.accounts.AccountRole;
import org.alcove.server.accounts.User;
import org.alcove.server.accounts.UserStore;
import org.alcove.server.audit.AuditLog;
import org.alcove.server.auth.JoinTokens;
import org.alcove.server.auth.LoginTokens;
import org.alcove.server.auth.Passwords;
import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.config.ConfigLoader;
import org.alcove.server.sessions.Scheduling;
import org.alcove.server.store.Database;
import org.alcove.server.store.Ids;
import org.alcove.server.store.SessionStore;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real {@link Server} for integration tests: port 0, a fresh temp data dir, cheap password
 * hashing (1000 iterations), a {@link MutableClock} starting at the current second, and an admin
 * account {@link #ADMIN_EMAIL} / {@link #ADMIN_PASSWORD}. Use with try-with-resources or
 * {@code @BeforeEach}/{@code @AfterEach}. What a test checks behind the API (the audit trail, the
 * stored sessions, the tokens) it gets here ({@link #audit()}, {@link #sessions()}, ...), from the
 * {@link Services} that {@link Server#start()} handed this fixture; {@link #server()} is for the
 * lifecycle (stop, drain, address):
 *
 * <pre>{@code
 * try (TestServer ts = TestServer.start()) {
 *     Api api = ts.api();
 *     String therapist = api.newTherapist("t@example.test");
 *     JsonNode session = api.schedule(therapist, ts.clock().instant(), 50, "Client A");
 * }
 * }</pre>
 */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN_EMAIL = "admin@test.local";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private final Server server;
    private final Services services;
    private final MutableClock clock;
    private final Path dataDir;
    private final SSLContext trust;

    private TestServer(Server server, Services services, MutableClock clock, Path dataDir, SSLContext trust) {
        this.server = server;
        this.services = services;
        this.clock = clock;
        this.dataDir = dataDir;
        this.trust = trust;
    }

    public static TestServer start() {
        return start(Map.of());
    }

    /** @param overrides settings by defaults-file key, e.g. {@code Map.of("room.overrun", "PT1M")} */
    public static TestServer start(Map<String, String> overrides) {
        return start(overrides, null);
    }

    /**
     * @param trust for a server with {@code http.tls-keystore} set: what {@link #api()} trusts
     *              (see {@link TestCertificate}); {@code null} for the JDK's default trust
     */
    public static TestServer start(Map<String, String> overrides, SSLContext trust) {
        try {
            Path dataDir = Files.createTempDirectory("alcove-it-");
            Map<String, String> settings = new HashMap<>();
            settings.put("http.host", "127.0.0.1");
            settings.put("http.port", "0");
            settings.put("store.data-dir", dataDir.toString());
            settings.put("auth.password-iterations", "1000");
            settings.putAll(overrides);
            AlcoveConfig config = ConfigLoader.load(Map.of(), settings);
            MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
            Server server = new Server(config, clock);
            Services services = server.start();
            services.users().create(new User(Ids.user(), ADMIN_EMAIL, "Test Admin", AccountRole.admin,
                    services.passwords().hash(ADMIN_PASSWORD), clock.instant()));
            return new TestServer(server, services, clock, dataDir, trust);
        } catch (Exception e) {
            throw new IllegalStateException("test server failed to start", e);
        }
    }

    public Server server() {
        return server;
    }

    public MutableClock clock() {
        return clock;
    }

    /** The settings this server runs with (the test's overrides over the defaults). */
    public AlcoveConfig config() {
        return services.config();
    }

    public AuditLog audit() {
        return services.audit();
    }

    public SessionStore sessions() {
        return services.sessions();
    }

    public UserStore users() {
        return services.users();
    }

    public Passwords passwords() {
        return services.passwords();
    }

    public JoinTokens joinTokens() {
        return services.joinTokens();
    }

    public LoginTokens loginTokens() {
        return services.loginTokens();
    }

    public Scheduling scheduling() {
        return services.scheduling();
    }

    public Database database() {
        return services.database();
    }

    public URI uri() {
        return server.uri();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** What clients of this server trust, or {@code null} for the JDK default (plain HTTP servers). */
    public SSLContext trust() {
        return trust;
    }

    /** An HTTP helper bound to this server. */
    public Api api() {
        return new Api(server.uri(), trust);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("test server failed to stop", e);
        } finally {
            delete(dataDir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
