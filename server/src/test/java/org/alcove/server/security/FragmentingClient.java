package org.alcove.server.security;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A socket that sends one text message as several frames (each small, the whole too large). */
final class FragmentingClient implements AutoCloseable {
    private final Session session;
    private final CompletableFuture<Integer> closed;

    private FragmentingClient(Session session, CompletableFuture<Integer> closed) {
        this.session = session;
        this.closed = closed;
    }

    static FragmentingClient open(WebSocketClient jetty, URI server) {
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        Closes listener = new Closes(closed);
        try {
            return new FragmentingClient(jetty.connect(listener, TransportAttacksIT.wsUri(server)).get(5, TimeUnit.SECONDS),
                    closed);
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect", e);
        }
    }

    /** Sends one frame of the message; the server may close before the last one, which then fails quietly. */
    void sendPartial(String fragment, boolean last) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        session.sendPartialText(fragment, last, Callback.from(() -> sent.complete(null), sent::completeExceptionally));
        try {
            sent.get(5, TimeUnit.SECONDS);
        } catch (Exception closedMeanwhile) {
            // The close that follows is what the test checks.
        }
    }

    int awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("socket still open after " + timeout, e);
        }
    }

    /** Public because Jetty binds listener methods through method handles. */
    public static final class Closes extends Session.Listener.AbstractAutoDemanding {
        private final CompletableFuture<Integer> closed;

        Closes(CompletableFuture<Integer> closed) {
            this.closed = closed;
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            closed.complete(statusCode);
            callback.succeed();
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
