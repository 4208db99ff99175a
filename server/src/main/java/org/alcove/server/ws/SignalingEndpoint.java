package org.alcove.server.ws;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;

/**
 * The Jetty side of one {@code /ws} socket: only forwards open, text, binary, pong, close
 * and error to {@link SocketInput}. Auto-demanding: Jetty reads the next frame once a callback
 * returns, which keeps one socket's input strictly sequential. Public only because Jetty
 * binds the listener methods through method handles, which needs a public class.
 */
public final class SignalingEndpoint implements Session.Listener.AutoDemanding {
    private static final Logger LOG = LoggerFactory.getLogger(SignalingEndpoint.class);

    private final SocketInput input;
    private final String address;
    private volatile SocketConnection connection;

    /** @param address the client's address as the upgrade request saw it, for throttling only */
    SignalingEndpoint(SocketInput input, String address) {
        this.input = input;
        this.address = address;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        connection = input.opened(session, address);
    }

    @Override
    public void onWebSocketText(String text) {
        input.text(connection, text);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        callback.succeed();
        input.binary(connection);
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        input.pong(connection);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        try {
            input.closed(connection, statusCode);
        } finally {
            callback.succeed();
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // Jetty closes the socket after an error; the close path releases the seat.
        SocketConnection current = connection;
        LOG.debug("connection {} error: {}", current == null ? "-" : current.id(), cause.getClass().getSimpleName());
        input.closed(current, -1);
    }
}
