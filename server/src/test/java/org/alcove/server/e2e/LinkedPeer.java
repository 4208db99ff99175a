package org.alcove.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.SignalingClient;
import org.alcove.server.testing.WireTap;
import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.ServerMessage;

import java.net.URI;
import java.time.Duration;

/**
 * A webrtc-java peer that joined from a join link as a browser opening it would: a socket to the
 * link's own origin, {@code auth} with the token from its fragment, and a {@link SignalingBridge}
 * between the socket and the peer. Close it to stop all three.
 */
record LinkedPeer(String label, SignalingClient socket, SignalingBridge bridge, JavaPeer peer) {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    /** @param tap sees the socket's frames (a session recording), or {@code null} */
    static LinkedPeer join(String label, String link, WireTap tap) {
        SignalingClient socket = SignalingClient.connect(URI.create(link).resolve("/"));
        if (tap != null) {
            socket.tap(tap);
        }
        socket.send(new ClientMessage.Auth(Api.tokenOf(link), null));
        SignalingBridge bridge = new SignalingBridge(label, socket::send);
        JavaPeer peer = new JavaPeer(label, bridge);
        bridge.start(timeout -> next(socket, timeout), peer);
        return new LinkedPeer(label, socket, bridge, peer);
    }

    /** The next server message as the protocol record, or null when none came in time. */
    private static ServerMessage next(SignalingClient socket, Duration timeout) throws Exception {
        JsonNode message;
        try {
            message = socket.next(timeout);
        } catch (AssertionError nothingYet) {
            return null;
        }
        return JSON.treeToValue(message, ServerMessage.class);
    }

    void close() throws InterruptedException {
        try {
            bridge.close();
            socket.close();
        } finally {
            peer.close();
        }
    }
}
