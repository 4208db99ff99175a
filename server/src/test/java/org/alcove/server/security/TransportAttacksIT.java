package org.alcove.server.security;

import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.SignalingClient;
import org.alcove.signaling.protocol.ClientMessage;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks on the WebSocket transport itself: who may open {@code /ws}, and frames no client of
 * ours would send. One arena serves every test (auth deadline shortened to one second, no rate
 * limit in the bystander's way); floods and slow readers, which need the shipped limits, are in
 * {@link SocketFloodAttacksIT}.
 */
@Adversarial
class TransportAttacksIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static Arena arena;
    private static WebSocketClient jetty;

    /** Reads and ignores everything. Public because Jetty binds listener methods through method handles. */
    public static final class Quiet extends Session.Listener.AbstractAutoDemanding {
        @Override
        public void onWebSocketError(Throwable cause) {
            // Dropping our own connection mid-handshake is the point of some tests.
        }
    }

    @BeforeAll
    static void start() throws Exception {
        arena = Arena.start(Map.of("ws.auth-timeout", "PT1S"));
        jetty = new WebSocketClient();
        jetty.start();
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
        arena.close();
    }

    /** Attack: a page of another origin (or a sandboxed one, "null") opens /ws. Outcome: 403 before any upgrade, no socket. */
    @Test
    void refuses_the_upgrade_with_403_for_null_look_alike_and_other_origins() throws Exception {
        int port = arena.uri().getPort();
        List<String> hostile = List.of("null", "http://127.0.0.1:" + port + ".evil.test", "http://evil-127.0.0.1:" + port,
                "http://127.0.0.1:" + (port + 1), "http://localhost:" + (port + 1), "https://127.0.0.1:" + port,
                "http://127.0.0.1", "http://127.0.0.1:" + port + "/", "http://LOCALHOST.evil.test:" + port,
                "HTTP://EVIL-127.0.0.1:" + port, "http://127.0.0.1:" + port + "@evil.test",
                "http://evil.test#@127.0.0.1:" + port, "file://", "");
        for (String origin : hostile) {
            assertEquals(403, upgradeStatus(origin), "Origin: " + origin);
        }
        assertEquals(2, SocketCount.awaitOpen(arena, 2), "only the bystander's sockets are open");
        arena.bystander().assertUndisturbed();
    }

    /**
     * Attack: none; the allow-list must not lock out real clients. Outcome: the server's own origin,
     * the public URL's origin (case-folded as browsers compare them) and no Origin at all (a
     * non-browser client, which has no ambient credentials to abuse) all upgrade and can join.
     */
    @Test
    void lets_the_own_and_public_origins_and_clients_without_origin_open_the_socket() throws Exception {
        int port = arena.uri().getPort();
        for (String origin : List.of("http://127.0.0.1:" + port, "http://localhost:" + port, "HTTP://LocalHost:" + port)) {
            assertEquals(101, upgradeStatus(origin), "Origin: " + origin);
        }
        try (RawWebSocket raw = RawWebSocket.open(arena.uri())) {
            assertTrue(raw.response().startsWith("HTTP/1.1 101"), raw.response());
        }
        BookedSession booking = arena.book(1);
        try (SignalingClient client = SignalingClient.join(arena.uri(), booking.clientToken(0))) {
            client.nextOfType("welcome", WAIT);
        }
        arena.bystander().assertUndisturbed();
    }

    /** Attack: a plain-http page (or a downgraded one) when the public URL is https. Outcome: 403; https and the configured extra origin upgrade. */
    @Test
    void refuses_plain_http_when_the_public_url_is_https_and_allows_the_configured_origins() throws Exception {
        try (Arena https = Arena.start(Map.of("http.public-url", "https://alcove.example.test",
                "ws.allowed-origins", "https://app.example.test, https://other.example.test:8443"))) {
            assertEquals(403, upgradeStatus(https, "http://alcove.example.test"));
            assertEquals(403, upgradeStatus(https, "http://app.example.test"));
            assertEquals(403, upgradeStatus(https, "https://other.example.test"));
            assertEquals(101, upgradeStatus(https, "https://alcove.example.test"));
            assertEquals(101, upgradeStatus(https, "https://ALCOVE.example.test:443"));
            assertEquals(101, upgradeStatus(https, "https://app.example.test"));
            assertEquals(101, upgradeStatus(https, "https://other.example.test:8443"));
            https.bystander().assertUndisturbed();
        }
        arena.bystander().assertUndisturbed();
    }

    /** Attack: one text message over ws.max-message-bytes, whole or in small fragments, before auth. Outcome: close 1009. */
    @Test
    void closes_an_oversized_text_message_with_1009_whole_or_fragmented() {
        try (SignalingClient whole = SignalingClient.connect(arena.uri())) {
            whole.send("{\"type\":\"auth\",\"token\":\"" + "x".repeat(65536) + "\"}");
            assertEquals(1009, whole.awaitClose(WAIT));
        }
        try (FragmentingClient fragments = FragmentingClient.open(jetty, arena.uri())) {
            String chunk = "y".repeat(16 * 1024);
            fragments.sendPartial("{\"type\":\"auth\",\"token\":\"", false);
            // The fourth fragment takes the message past 64 KiB; sending more would race the
            // server's close (a write to a closed socket can cost the client the close frame).
            for (int i = 0; i < 4; i++) {
                fragments.sendPartial(chunk, false);
            }
            assertEquals(1009, fragments.awaitClose(WAIT));
        }
        arena.bystander().assertUndisturbed();
    }

    /** Attack: a binary frame over 1024 bytes. Outcome: close 1009 (small ones get binary-not-supported, see SocketLimitsIT). */
    @Test
    void closes_an_oversized_binary_frame_with_1009() {
        BookedSession booking = arena.book(1);
        try (SignalingClient client = SignalingClient.join(arena.uri(), booking.clientToken(0))) {
            client.nextOfType("welcome", WAIT);
            client.sendBinary(new byte[1025]);
            assertEquals(1009, client.awaitClose(WAIT));
        }
        arena.bystander().assertUndisturbed();
    }

    /**
     * Attack: a client offers permessage-deflate, then sends a compressed (RSV1) frame hoping it
     * inflates past the limit. Outcome: no extension is negotiated, and RSV1 is a protocol error, close 1002.
     */
    @Test
    void negotiates_no_compression_and_closes_a_compressed_frame_with_1002() throws Exception {
        ClientUpgradeRequest offer = new ClientUpgradeRequest();
        offer.addExtensions("permessage-deflate; client_max_window_bits");
        Session session = jetty.connect(new Quiet(), wsUri(arena.uri()), offer)
                .get(5, TimeUnit.SECONDS);
        try {
            assertEquals(List.of(), session.getUpgradeResponse().getExtensions());
            assertEquals(null, session.getUpgradeResponse().getHeader("Sec-WebSocket-Extensions"));
        } finally {
            session.close();
        }
        try (RawWebSocket raw = RawWebSocket.open(arena.uri(), "Sec-WebSocket-Extensions: permessage-deflate")) {
            assertTrue(raw.response().startsWith("HTTP/1.1 101"), raw.response());
            assertTrue(!raw.response().toLowerCase().contains("sec-websocket-extensions"), raw.response());
            // A few deflated bytes; the server must not even try to inflate them.
            raw.send(RawWebSocket.TEXT | RawWebSocket.RSV1, new byte[] {(byte) 0xf2, 0x48, (byte) 0xcd, (byte) 0xc9, (byte) 0xc9, 0x07, 0x00});
            assertEquals(1002, raw.awaitCloseCode(WAIT));
        }
        arena.bystander().assertUndisturbed();
    }

    /**
     * Attack: a text frame whose bytes are not UTF-8 (no library sends one, so it is written by hand
     * on a raw socket). Outcome: close 1007 before the text reaches the protocol.
     */
    @Test
    void closes_a_text_frame_with_invalid_utf8_with_1007() {
        try (RawWebSocket raw = RawWebSocket.open(arena.uri())) {
            assertTrue(raw.response().startsWith("HTTP/1.1 101"), raw.response());
            byte[] prefix = "{\"type\":\"auth\",\"token\":\"".getBytes(StandardCharsets.US_ASCII);
            byte[] payload = new byte[prefix.length + 4];
            System.arraycopy(prefix, 0, payload, 0, prefix.length);
            // 0xC3 must be followed by a continuation byte; 0x28 is not one. Then an overlong-encoded '/'.
            payload[prefix.length] = (byte) 0xC3;
            payload[prefix.length + 1] = 0x28;
            payload[prefix.length + 2] = (byte) 0xC0;
            payload[prefix.length + 3] = (byte) 0xAF;
            raw.send(RawWebSocket.TEXT, payload);
            assertEquals(1007, raw.awaitCloseCode(WAIT));
        }
        arena.bystander().assertUndisturbed();
    }

    /** Attack: a socket that opens and never authenticates, holding a connection. Outcome: error auth-timeout, close 4001 after ws.auth-timeout. */
    @Test
    void closes_a_socket_that_never_authenticates_with_4001() {
        try (SignalingClient silent = SignalingClient.connect(arena.uri())) {
            assertEquals("auth-timeout", silent.nextErrorCode(WAIT));
            assertEquals(4001, silent.awaitClose(WAIT));
        }
        arena.bystander().assertUndisturbed();
    }

    /**
     * Attack: 200 sockets opened and closed (or dropped) at once, then 200 more that race an auth
     * with the therapist link against their own close. Outcome: every one is released, the live
     * socket count returns to the bystander's two, and the therapist can still join the room.
     */
    @Test
    void a_connect_disconnect_storm_leaves_no_socket_or_seat_behind() throws Exception {
        BookedSession booking = arena.book(1);
        for (int i = 0; i < 200; i++) {
            Session session = jetty.connect(new Quiet(), wsUri(arena.uri()))
                    .get(5, TimeUnit.SECONDS);
            if (i % 2 == 0) {
                session.close();
            } else {
                session.disconnect();
            }
        }
        String auth = "{\"type\":\"auth\",\"token\":\"" + booking.therapistToken() + "\"}";
        for (int i = 0; i < 200; i++) {
            Session session = jetty.connect(new Quiet(), wsUri(arena.uri()))
                    .get(5, TimeUnit.SECONDS);
            session.sendText(auth, Callback.NOOP);
            if (i % 2 == 0) {
                session.close();
            } else {
                session.disconnect();
            }
        }
        assertEquals(2, SocketCount.awaitOpen(arena, 2), "sockets left open after the storm");
        try (SignalingClient therapist = SignalingClient.join(arena.uri(), booking.therapistToken())) {
            therapist.nextOfType("welcome", WAIT);
            therapist.send(new ClientMessage.Ping());
            therapist.nextOfType("pong", WAIT);
        }
        arena.bystander().assertUndisturbed();
    }

    private static int upgradeStatus(String origin) throws Exception {
        return upgradeStatus(arena, origin);
    }

    /** 101 when the socket opened (it is closed again), else the HTTP status the upgrade was refused with. */
    private static int upgradeStatus(Arena where, String origin) throws Exception {
        ClientUpgradeRequest request = new ClientUpgradeRequest();
        request.setHeader("Origin", origin);
        CompletableFuture<Session> connecting = jetty.connect(new Quiet(),
                wsUri(where.uri()), request);
        try {
            Session session = connecting.get(5, TimeUnit.SECONDS);
            session.close();
            return 101;
        } catch (ExecutionException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof org.eclipse.jetty.websocket.api.exceptions.UpgradeException upgrade) {
                    return upgrade.getResponseStatusCode();
                }
                if (cause instanceof org.eclipse.jetty.websocket.core.exception.UpgradeException upgrade) {
                    return upgrade.getResponseStatusCode();
                }
            }
            throw e;
        }
    }

    static URI wsUri(URI server) {
        return URI.create("ws://" + server.getAuthority() + "/ws");
    }
}
