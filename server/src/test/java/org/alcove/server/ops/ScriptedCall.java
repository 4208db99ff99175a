package org.alcove.server.ops;

import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.LiveScenes;
import org.alcove.server.testing.SignalingClient;
import org.alcove.server.testing.TestServer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A session as the product runs it: a therapist signs in over HTTP and books one client, both
 * join over real sockets with the tokens from their links, and the therapist admits the client
 * ({@link LiveScenes#admitted}); the therapist is past the client's peer-joined too.
 */
record ScriptedCall(String sessionId, String therapistLogin, String therapistId, String clientId,
                    String therapistToken, String clientToken, SignalingClient therapist, SignalingClient client)
        implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);
    private static final AtomicInteger THERAPISTS = new AtomicInteger();

    static ScriptedCall admitted(TestServer server, String clientName) {
        String login = server.api().newTherapist("ops-therapist" + THERAPISTS.incrementAndGet() + "@example.test");
        BookedSession booking = BookedSession.book(server, login, server.clock().instant(), 50, clientName);
        LiveScenes.Call call = LiveScenes.on(server).admitted(booking, 0);
        try {
            call.therapist().nextOfType("peer-joined", WAIT);
        } catch (RuntimeException | Error e) {
            call.close();
            throw e;
        }
        return new ScriptedCall(booking.sessionId(), login, booking.therapistId(), booking.clientId(0),
                booking.therapistToken(), booking.clientToken(0), call.therapist(), call.client());
    }

    @Override
    public void close() {
        therapist.close();
        client.close();
    }
}
