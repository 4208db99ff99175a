package org.alcove.server.security;

import org.alcove.server.testing.Api;
import org.alcove.server.testing.SignalingClient;
import org.alcove.signaling.protocol.ClientMessage;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sending hostile messages on a socket and checking what came back, for the message attack suites. */
final class Messages {
    static final Duration WAIT = Duration.ofSeconds(5);

    private Messages() {
    }

    /** Sends each text and expects the error code it maps to, then a pong: the socket is still served. */
    static void expectErrors(SignalingClient socket, Map<String, String> cases) {
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            socket.send(bad.getKey());
            assertEquals(bad.getValue(), socket.nextErrorCode(WAIT),
                    bad.getKey().substring(0, Math.min(80, bad.getKey().length())));
        }
        assertAnswered(socket);
    }

    /** The socket is open and still served: a ping gets its pong. */
    static void assertAnswered(SignalingClient socket) {
        assertTrue(socket.isOpen(), "closed: " + socket.closeCode());
        socket.send(new ClientMessage.Ping());
        socket.nextOfType("pong", WAIT);
    }

    /** Nothing was relayed to {@code peer}, and it is still served. */
    static void assertNothingRelayed(SignalingClient peer) {
        assertAnswered(peer);
        for (String type : peer.types()) {
            assertFalse(List.of("offer", "answer", "candidate", "ice-restart").contains(type),
                    "the peer received " + type + ": " + peer.types());
        }
    }

    /** {@code fields} as one JSON object, written by Jackson. */
    static String json(Map<String, Object> fields) {
        try {
            return Api.JSON.writeValueAsString(fields);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code text} as a JSON string literal, quotes included. */
    static String quoted(String text) {
        try {
            return Api.JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
