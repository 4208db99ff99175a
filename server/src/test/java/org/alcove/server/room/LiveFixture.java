package org.alcove.server.room;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.Server;
import org.alcove.server.audit.AuditEvent;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.SignalingClient;
import org.alcove.server.testing.TestServer;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * One real server per test class with a therapist account, and sessions booked through the
 * HTTP API exactly as a therapist would; the tokens come from the links the API returns.
 */
final class LiveFixture implements AutoCloseable {
    /** Every client name starts with this, so tests can check it never shows up where it must not. */
    static final String CLIENT_NAME_PREFIX = "Zebedee";
    private static final AtomicInteger THERAPISTS = new AtomicInteger();

    private final TestServer testServer;
    private final Api api;
    private final String therapistLogin;

    private LiveFixture(TestServer testServer) {
        this.testServer = testServer;
        this.api = testServer.api();
        this.therapistLogin = api.newTherapist("therapist" + THERAPISTS.incrementAndGet() + "@example.test");
    }

    static LiveFixture start() {
        return start(Map.of());
    }

    static LiveFixture start(Map<String, String> overrides) {
        return new LiveFixture(TestServer.start(overrides));
    }

    URI uri() {
        return testServer.uri();
    }

    Server server() {
        return testServer.server();
    }

    /** The fixture underneath, for what a test checks behind the API (stored sessions, settings). */
    TestServer testServer() {
        return testServer;
    }

    Instant now() {
        return testServer.clock().instant();
    }

    void advance(Duration by) {
        testServer.clock().advance(by);
    }

    /** A 50-minute session starting now. */
    BookedSession book(int clients) {
        return book(now(), 50, clients);
    }

    BookedSession book(Instant startsAt, int minutes, int clients) {
        String[] names = new String[clients];
        for (int i = 0; i < clients; i++) {
            names[i] = CLIENT_NAME_PREFIX + " Client" + (char) ('A' + i);
        }
        return BookedSession.book(testServer, therapistLogin, startsAt, minutes, names);
    }

    /** The session as its therapist sees it through {@code GET /api/sessions/{id}}. */
    JsonNode sessionView(BookedSession booking) {
        return api.getSession(therapistLogin, booking.sessionId());
    }

    void cancel(BookedSession booking) {
        api.cancel(therapistLogin, booking.sessionId());
    }

    /** Reissues a client's link through the API; returns the new token. */
    String reissue(BookedSession booking, int client) {
        return Api.tokenOf(api.reissue(therapistLogin, booking.sessionId(), booking.clientId(client)).path("link").asText());
    }

    List<AuditEvent> audit(String sessionId) {
        return testServer.audit().forSession(sessionId);
    }

    /** Waits for something the server persists after the fact (audit rows, stored state). */
    void awaitStored(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not stored within 5 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Waiting lists arrive whenever the list changes; takes them until one shows {@code clientId}. */
    static void awaitWaiting(SignalingClient therapist, String clientId) {
        while (true) {
            JsonNode list = therapist.nextOfType("waiting-list", Duration.ofSeconds(5));
            for (JsonNode waiting : list.path("waiting")) {
                if (waiting.path("participantId").asText().equals(clientId)) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        testServer.close();
    }
}
