package org.alcove.server.ws;

import org.alcove.server.config.AlcoveConfig;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The {@code /ws} upgrade and every transport limit of the signalling socket, set in this one
 * place from {@link AlcoveConfig.Socket}; the upgrade is refused with 403 unless the page's
 * {@code Origin} is allowed ({@link AllowedOrigins}).
 */
final class SignalingRoute {
    private static final Logger LOG = LoggerFactory.getLogger(SignalingRoute.class);
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
                                           SocketInput input, AllowedOrigins origins) {
        return WebSocketUpgradeHandler.from(jetty, context, container -> {
            // Over these sizes Jetty closes the socket with 1009 (message too large).
            container.setMaxTextMessageSize(config.maxMessageBytes());
            container.setMaxFrameSize(config.maxMessageBytes());
            container.setMaxBinaryMessageSize(MAX_BINARY_BYTES);
            // No traffic (pongs to our pings included) for this long closes the socket.
            container.setIdleTimeout(config.idleTimeout());
            container.addMapping(PATH, (request, response, callback) -> {
                // Before the upgrade, so a page of a foreign origin never gets a socket at all.
                if (!origins.allows(request.getHeaders().get(HttpHeader.ORIGIN), ownOrigin(request))) {
                    LOG.info("websocket upgrade refused: origin not allowed");
                    Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403);
                    return null;
                }
                // No permessage-deflate: compressing attacker-influenced text next to secrets
                // invites CRIME-style leaks, and messages are small.
                response.setExtensions(List.of());
                // Taken from the upgrade request, which carries the forwarded client address
                // when http.forwarded-headers is on; the socket itself only knows the proxy's.
                return new SignalingEndpoint(input, Request.getRemoteAddr(request));
            });
        });
    }

    /** {@code scheme://host[:port]} the request was sent to, from its {@code Host} header. */
    private static String ownOrigin(Request request) {
        String host = request.getHeaders().get(HttpHeader.HOST);
        return host == null ? null : (request.isSecure() ? "https" : "http") + "://" + host;
    }
}
