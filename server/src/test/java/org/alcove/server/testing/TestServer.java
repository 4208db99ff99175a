package org.alcove.server.testing;

import org.alcove.server.Server;
import org.alcove.server.accounts.AccountRole;
import org.alcove.server.accounts.User;
import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.config.ConfigLoader;
import org.alcove.server.store.Ids;

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
 * {@code @BeforeEach}/{@code @AfterEach}:
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
    private final MutableClock clock;
    private final Path dataDir;
    private final SSLContext trust;

    private TestServer(Server server, MutableClock clock, Path dataDir, SSLContext trust) {
        this.server = server;
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
            server.start();
            server.users().create(new User(Ids.user(), ADMIN_EMAIL, "Test Admin", AccountRole.admin,
                    server.passwords().hash(ADMIN_PASSWORD), clock.instant()));
            return new TestServer(server, clock, dataDir, trust);
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
