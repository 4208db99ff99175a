package org.alcove.server.security;

import org.alcove.server.Server;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.SignalingClient;
import org.alcove.server.testing.TestServer;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where an attack happens: one real server with a therapist account, a {@link Bystander} call
 * already running on it, and sessions booked through the HTTP API as a therapist would. Every
 * attack test checks {@link #bystander()} afterwards.
 */
final class Arena implements AutoCloseable {
    /** Every client name starts with this, so confidentiality checks can look for it. */
    static final String CLIENT_NAME_PREFIX = "Quentavia";
    static final Duration WAIT = Duration.ofSeconds(5);
    static final int BYSTANDER_MINUTES = 240;
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    private final TestServer testServer;
    private final Api api;
    private final String therapistEmail;
    private final String therapistLogin;
    private final Bystander bystander;

    private Arena(TestServer testServer) {
        this.testServer = testServer;
        this.api = testServer.api();
        this.therapistEmail = "therapist" + ACCOUNTS.incrementAndGet() + "@example.test";
        this.therapistLogin = api.newTherapist(therapistEmail);
        // The bystander has its own therapist, so nothing an attack does to this one touches it.
        String bystanderTherapist = api.newTherapist("bystander" + ACCOUNTS.incrementAndGet() + "@example.test");
        // Booked long, so tests that move the clock through another session's end do not end it.
        this.bystander = Bystander.start(testServer.uri(), book(bystanderTherapist, now(), BYSTANDER_MINUTES, 2),
                testServer.trust(), testServer.config().socket().ratePerSecond());
    }

    static Arena start() {
        return start(Map.of());
    }

    /** @param overrides settings by defaults-file key, as {@link TestServer#start(Map)} takes them */
    static Arena start(Map<String, String> overrides) {
        return start(overrides, null);
    }

    /** An arena on a server whose clients trust {@code trust} (an HTTPS server; see {@link TestServer#start(Map, SSLContext)}). */
    static Arena start(Map<String, String> overrides, SSLContext trust) {
        TestServer server = TestServer.start(overrides, trust);
        try {
            return new Arena(server);
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    URI uri() {
        return testServer.uri();
    }

    Server server() {
        return testServer.server();
    }

    TestServer testServer() {
        return testServer;
    }

    Api api() {
        return api;
    }

    /** The legitimate call running alongside every attack. */
    Bystander bystander() {
        return bystander;
    }

    String therapistEmail() {
        return therapistEmail;
    }

    /** The arena therapist's login token. */
    String therapistLogin() {
        return therapistLogin;
    }

    Instant now() {
        return testServer.clock().instant();
    }

    void advance(Duration by) {
        testServer.clock().advance(by);
    }

    /** A 50-minute session of the arena therapist starting now. */
    BookedSession book(int clients) {
        return book(therapistLogin, now(), 50, clients);
    }

    BookedSession book(String therapistLogin, Instant startsAt, int minutes, int clients) {
        String[] names = new String[clients];
        for (int i = 0; i < clients; i++) {
            names[i] = CLIENT_NAME_PREFIX + " Client" + (char) ('A' + i);
        }
        return BookedSession.book(testServer, therapistLogin, startsAt, minutes, names);
    }

    void cancel(BookedSession booking) {
        api.cancel(therapistLogin, booking.sessionId());
    }

    /** Reissues a client's link through the API; returns the new token. */
    String reissue(BookedSession booking, int client) {
        return Api.tokenOf(api.reissue(therapistLogin, booking.sessionId(), booking.clientId(client)).path("link").asText());
    }

    /** Joins the therapist and client {@code client} of {@code booking} and admits the client. */
    Call admitted(BookedSession booking, int client) {
        SignalingClient therapist = SignalingClient.join(uri(), booking.therapistToken(), null, testServer.trust());
        SignalingClient joined = SignalingClient.join(uri(), booking.clientToken(client), null, testServer.trust());
        therapist.nextOfType("welcome", WAIT);
        joined.nextOfType("welcome", WAIT);
        therapist.send(new org.alcove.signaling.protocol.ClientMessage.Admit(booking.clientId(client)));
        joined.nextOfType("roster", WAIT);
        return new Call(therapist, joined);
    }

    /** Two connected, admitted participants; closing closes both. */
    record Call(SignalingClient therapist, SignalingClient client) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            therapist.close();
        }
    }

    @Override
    public void close() {
        try {
            bystander.close();
        } finally {
            testServer.close();
        }
    }
}
