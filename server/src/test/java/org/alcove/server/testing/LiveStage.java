package org.alcove.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.Server;
import org.alcove.server.audit.AuditEvent;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The stage of the socket-level tests: one real server per test class ({@link TestServer}) with
 * a therapist account, sessions booked through the HTTP API as that therapist would book them,
 * the clock in the test's hands, and the scenes a call goes through ({@link LiveScenes}: the
 * therapist in, a client waiting, clients admitted). Register it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LiveStage live = new LiveStage(Map.of("ws.auth-timeout", "PT1S"));
 *
 * try (LiveScenes.Call call = live.admitted(live.book(1), 0)) {
 *     call.therapist().send(new ClientMessage.Offer(call.clientId(), "v=0"));
 * }
 * }</pre>
 *
 * A test that needs a server of its own (its own settings, or one it stops) opens one with
 * {@link #open(Map)} in try-with-resources instead. Subclasses add what their suite puts on every
 * server ({@link #started()}, {@link #close()}).
 */
public class LiveStage extends LiveScenes implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    /** Every client name starts with this, so tests can check it never shows up where it must not. */
    public static final String CLIENT_NAME_PREFIX = "Quentavia";
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    private final Map<String, String> overrides;
    private final SSLContext trust;
    private TestServer testServer;
    private String therapistEmail;
    private String therapistLogin;

    public LiveStage() {
        this(Map.of());
    }

    /** @param overrides settings by defaults-file key, as {@link TestServer#start(Map)} takes them */
    public LiveStage(Map<String, String> overrides) {
        this(overrides, null);
    }

    /** A stage on an HTTPS server whose clients trust {@code trust} (see {@link TestServer#start(Map, SSLContext)}). */
    public LiveStage(Map<String, String> overrides, SSLContext trust) {
        this.overrides = Map.copyOf(overrides);
        this.trust = trust;
    }

    /** A stage started now, for one test that needs its own server; close it (try-with-resources). */
    public static LiveStage open(Map<String, String> overrides) {
        LiveStage stage = new LiveStage(overrides);
        stage.launch();
        return stage;
    }

    /** Starts the server and the therapist account; closes what it started if a step fails. */
    protected final void launch() {
        testServer = TestServer.start(overrides, trust);
        try {
            therapistEmail = newAccountEmail("therapist");
            therapistLogin = testServer.api().newTherapist(therapistEmail);
            started();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** Called once the server and the therapist are there; what a subclass adds to every stage. */
    protected void started() {
    }

    /** A fresh account address, for another therapist on the same server. */
    public static String newAccountEmail(String kind) {
        return kind + ACCOUNTS.incrementAndGet() + "@example.test";
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        launch();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public TestServer testServer() {
        return testServer;
    }

    @Override
    public URI uri() {
        return testServer.uri();
    }

    public Server server() {
        return testServer.server();
    }

    public Api api() {
        return testServer.api();
    }

    @Override
    public SSLContext trust() {
        return trust;
    }

    public String therapistEmail() {
        return therapistEmail;
    }

    /** The stage therapist's login token. */
    public String therapistLogin() {
        return therapistLogin;
    }

    public Instant now() {
        return testServer.clock().instant();
    }

    public void advance(Duration by) {
        testServer.clock().advance(by);
    }

    /** A 50-minute session of the stage therapist starting now. */
    public BookedSession book(int clients) {
        return book(now(), 50, clients);
    }

    public BookedSession book(Instant startsAt, int minutes, int clients) {
        return book(therapistLogin, startsAt, minutes, clients);
    }

    /** A session of another therapist ({@code therapistLogin}), clients named with {@link #CLIENT_NAME_PREFIX}. */
    public BookedSession book(String therapistLogin, Instant startsAt, int minutes, int clients) {
        String[] names = new String[clients];
        for (int i = 0; i < clients; i++) {
            names[i] = CLIENT_NAME_PREFIX + " Client" + (char) ('A' + i);
        }
        return BookedSession.book(testServer, therapistLogin, startsAt, minutes, names);
    }

    /** The session as its therapist sees it through {@code GET /api/sessions/{id}}. */
    public JsonNode sessionView(BookedSession booking) {
        return api().getSession(therapistLogin, booking.sessionId());
    }

    public void cancel(BookedSession booking) {
        api().cancel(therapistLogin, booking.sessionId());
    }

    /** Reissues a client's link through the API; returns the new token. */
    public String reissue(BookedSession booking, int client) {
        return Api.tokenOf(api().reissue(therapistLogin, booking.sessionId(), booking.clientId(client)).path("link").asText());
    }

    public List<AuditEvent> audit(String sessionId) {
        return testServer().audit().forSession(sessionId);
    }

    /** Waits for something the server persists after the fact (audit rows, stored state). */
    public void awaitStored(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not stored within " + WAIT);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        if (testServer != null) {
            testServer.close();
        }
    }
}
