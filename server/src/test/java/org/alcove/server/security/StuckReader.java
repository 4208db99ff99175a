package org.alcove.server.security;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A client that stops reading after the upgrade: it never demands a frame, so Jetty stops reading
 * its TCP connection, the kernel buffers fill and the server's writes to it stall. {@link #resume()}
 * starts reading again, to see what the server had decided meanwhile. Public because Jetty binds
 * listener methods through method handles.
 */
public final class StuckReader implements Session.Listener {
    final List<String> texts = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile Session session;
    private volatile boolean reading;

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
    }

    void resume() {
        reading = true;
        session.demand();
    }

    @Override
    public void onWebSocketText(String text) {
        texts.add(text);
        session.demand();
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        session.sendPong(payload, Callback.NOOP);
        if (reading) {
            session.demand();
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        closed.complete(statusCode);
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        closed.complete(1006);
    }
}
