package org.alcove.server.security;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-address throttles behind a reverse proxy. With {@code http.forwarded-headers} on, the
 * client address comes from the proxy's {@code X-Forwarded-For} / {@code Forwarded}, on HTTP and
 * on the {@code /ws} upgrade alike, so one attacker behind the proxy no longer locks everyone
 * out; with it off (the default) a client cannot pick its address by sending those headers.
 * Each test has its own arena, since it spends the allowance of its addresses.
 */
@Adversarial
class ForwardedAddressIT {
    private static final String PASSWORD = "therapist-password";
    private static final int LIMIT = 3;

    private static Arena arena(boolean forwarded) {
        return Arena.start(Map.of("http.forwarded-headers", String.valueOf(forwarded),
                "auth.socket-failures-per-address", String.valueOf(LIMIT),
                "auth.login-max-failures-per-address", String.valueOf(LIMIT)));
    }

    /**
     * Attack: forged join tokens from one client behind a trusted proxy. Safe outcome: that
     * client is throttled (4017) while another client behind the same proxy is still checked
     * (4002, and a genuine link gets in); an IPv6 client's whole /64 shares one allowance.
     */
    @Test
    void behind_a_trusted_proxy_socket_auth_is_throttled_per_forwarded_client() {
        try (Arena arena = arena(true)) {
            for (int i = 0; i < LIMIT; i++) {
                assertEquals(4002, forgedJoin(arena, "X-Forwarded-For: 198.51.100.1"));
            }
            assertEquals(4017, forgedJoin(arena, "X-Forwarded-For: 198.51.100.1"));
            assertEquals(4002, forgedJoin(arena, "X-Forwarded-For: 198.51.100.2"), "another client of the proxy");
            assertEquals(4002, forgedJoin(arena), "the proxy's own address");

            for (int i = 1; i <= LIMIT; i++) {
                assertEquals(4002, forgedJoin(arena, "Forwarded: for=\"[2001:db8:7:8::" + i + "]\""));
            }
            assertEquals(4017, forgedJoin(arena, "Forwarded: for=\"[2001:db8:7:8:ffff::1]\""), "the same /64");
            assertEquals(4002, forgedJoin(arena, "Forwarded: for=\"[2001:db8:7:9::1]\""), "the next /64");
            arena.bystander().assertUndisturbed();
        }
    }

    /**
     * Attack: password spraying from one client behind a trusted proxy. Safe outcome: that client
     * waits (429) while another client of the proxy signs in.
     */
    @Test
    void behind_a_trusted_proxy_sign_in_is_throttled_per_forwarded_client() {
        try (Arena arena = arena(true)) {
            for (int i = 0; i < LIMIT; i++) {
                assertEquals(401, signIn(arena, "nobody" + i + "@example.test", "X-Forwarded-For", "203.0.113.1").getStatus());
            }
            assertEquals(429, signIn(arena, arena.therapistEmail(), "X-Forwarded-For", "203.0.113.1").getStatus());
            assertEquals(200, signIn(arena, arena.therapistEmail(), "X-Forwarded-For", "203.0.113.2").getStatus());
            arena.bystander().assertUndisturbed();
        }
    }

    /**
     * Attack: a client without a proxy sends {@code X-Forwarded-For} / {@code Forwarded} to get
     * a fresh allowance with every attempt. Safe outcome: with the setting off the headers are
     * ignored; the forged tokens all count against the real address (4017 after the limit), and
     * so do sign-ins.
     */
    @Test
    void without_the_setting_forwarded_headers_are_ignored() {
        try (Arena arena = arena(false)) {
            for (int i = 0; i < LIMIT; i++) {
                assertEquals(4002, forgedJoin(arena, "X-Forwarded-For: 198.51.100." + (i + 1)));
            }
            assertEquals(4017, forgedJoin(arena, "X-Forwarded-For: 198.51.100.99"));
            assertEquals(4017, forgedJoin(arena, "Forwarded: for=198.51.100.98"));

            for (int i = 0; i < LIMIT; i++) {
                assertEquals(401, signIn(arena, "nobody" + i + "@example.test", "X-Forwarded-For", "203.0.113." + (i + 1))
                        .getStatus());
            }
            assertEquals(429, signIn(arena, arena.therapistEmail(), "X-Forwarded-For", "203.0.113.99").getStatus());
            arena.bystander().assertUndisturbed();
        }
    }

    /** A forged token on a raw {@code /ws} socket from 127.0.0.31 with {@code headers}; the close code. */
    private static int forgedJoin(Arena arena, String... headers) {
        try (RawWebSocket socket = RawWebSocket.openFrom(arena.uri(), "127.0.0.31", headers)) {
            assertTrue(socket.response().startsWith("HTTP/1.1 101"), socket.response());
            socket.send(RawWebSocket.TEXT, "{\"type\":\"auth\",\"token\":\"forged\"}".getBytes());
            return socket.awaitCloseCode(Arena.WAIT);
        }
    }

    private static HttpTester.Response signIn(Arena arena, String email, String header, String value) {
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json"));
        headers.put(header, value);
        HttpTester.Response response = RawHttp.send(arena.uri(), "127.0.0.31", "POST", "/api/auth/login", headers,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertNotNull(response, "no answer to a sign-in");
        return response;
    }
}
