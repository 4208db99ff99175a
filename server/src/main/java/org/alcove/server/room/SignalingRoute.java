package org.alcove.server.room;

import org.alcove.server.config.AlcoveConfig;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import java.util.List;

/**
 * The {@code /ws} upgrade and every transport limit of the signalling socket, set in this one
 * place from {@link AlcoveConfig.Socket}.
 */
final class SignalingRoute {
    /** The path of the signalling socket. */
    static final String PATH = "/ws";
    /**
     * Binary frames are not part of the protocol. Small ones reach the endpoint and get
     * {@code error binary-not-supported}; anything larger is closed by Jetty with 1009.
     */
    static final int MAX_BINARY_BYTES = 1024;

    private SignalingRoute() {
    }

    /** Handles only the {@code /ws} upgrade; other requests are declined so the next handler gets them. */
    static WebSocketUpgradeHandler handler(Server jetty, ContextHandler context, AlcoveConfig.Socket config,
                                           SocketInput input) {
        return WebSocketUpgradeHandler.from(jetty, context, container -> {
            // Over these sizes Jetty closes the socket with 1009 (message too large).
            container.setMaxTextMessageSize(config.maxMessageBytes());
            container.setMaxFrameSize(config.maxMessageBytes());
            container.setMaxBinaryMessageSize(MAX_BINARY_BYTES);
            // No traffic (pongs to our pings included) for this long closes the socket.
            container.setIdleTimeout(config.idleTimeout());
            container.addMapping(PATH, (request, response, callback) -> {
                // No permessage-deflate: compressing attacker-influenced text next to secrets
                // invites CRIME-style leaks, and messages are small.
                response.setExtensions(List.of());
                return new SignalingEndpoint(input);
            });
        });
    }
}
