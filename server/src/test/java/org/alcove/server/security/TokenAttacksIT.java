package org.alcove.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.alcove.server.auth.Authenticator;
import org.alcove.server.security.Forge.Kind;
import org.alcove.server.security.TokenAttacks.Named;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.SignalingClient;
import org.alcove.signaling.protocol.ErrorCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.alcove.server.security.TokenAttacks.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tokens, attacked at both places the server accepts one: the socket's {@code auth} message (join
 * tokens) and the HTTP API ({@code Authorization: Bearer} and the {@code alcove_session} cookie,
 * login tokens). Every forgery gets the one generic refusal, no header makes the server fetch
 * anything, and the bystander call never notices. The arena signs with a key the test knows, so
 * correctly signed tokens prove the checks that go beyond the signature. The socket throttle is
 * set out of reach here; {@link TokenTimingIT} attacks it and the clock.
 */
@Adversarial
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenAttacksIT {
    static final Duration WAIT = Duration.ofSeconds(5);

    private Arena arena;
    private HttpServer listener;
    private final AtomicInteger listenerHits = new AtomicInteger();
    private BookedSession target;
    private BookedSession other;
    private String unauthorized;

    @BeforeAll
    void start() throws IOException {
        // ~110 forged tokens come from one address here: the throttle is attacked on its own below.
        arena = Arena.start(Map.of("auth.signing-key", Forge.keySetting(),
                "auth.socket-failures-per-address", "1000000"));
        listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        listener.createContext("/", exchange -> {
            listenerHits.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        listener.start();
        target = arena.book(1);
        other = arena.book(1);
        unauthorized = arena.api().send("GET", "/api/sessions", null, null).body();
    }

    @AfterAll
    void stop() {
        listener.stop(0);
        arena.close();
    }

    private URI listenerUri() {
        return URI.create("http://127.0.0.1:" + listener.getAddress().getPort() + "/");
    }

    Stream<Named> socketAttacks() {
        List<Named> joinOnly = List.of(
                new Named("signed, missing nbf", (k, g) -> Forge.signed(k, with(g, "nbf", null))),
                new Named("signed, missing sid", (k, g) -> Forge.signed(k, with(g, "sid", null))),
                new Named("signed, missing jti", (k, g) -> Forge.signed(k, with(g, "jti", null))),
                new Named("signed, missing role", (k, g) -> Forge.signed(k, with(g, "role", null))),
                new Named("signed, nbf an hour before the session's window opens",
                        (k, g) -> Forge.signed(k, with(g, "nbf", seconds(g, "nbf") - 3600))),
                new Named("signed, exp a year after the session's latest end",
                        (k, g) -> Forge.signed(k, with(g, "exp", seconds(g, "exp") + 365L * 24 * 3600))),
                new Named("signed, sid of another session", (k, g) -> Forge.signed(k, with(g, "sid", other.sessionId()))),
                new Named("signed, sub of another session's client", (k, g) -> Forge.signed(k, with(g, "sub", other.clientId(0)))),
                new Named("signed, sid that does not exist", (k, g) -> Forge.signed(k, with(g, "sid", "s_doesnotexist"))),
                new Named("signed, role therapist on a client's seat", (k, g) -> Forge.signed(k, with(g, "role", "therapist"))),
                new Named("signed, role admin on a client's seat", (k, g) -> Forge.signed(k, with(g, "role", "admin"))));
        return Stream.concat(TokenAttacks.generic(listenerUri(), arena.therapistLogin()).stream(), joinOnly.stream());
    }

    Stream<Named> apiAttacks() {
        List<Named> loginOnly = List.of(
                new Named("signed, living longer than auth.login-ttl",
                        (k, g) -> Forge.signed(k, with(g, "exp", seconds(g, "iat") + 13 * 3600))),
                new Named("signed, an account that does not exist", (k, g) -> Forge.signed(k, with(g, "sub", "u_nobody"))),
                new Named("signed, missing role", (k, g) -> Forge.signed(k, with(g, "role", null))));
        return Stream.concat(TokenAttacks.generic(listenerUri(), target.clientToken(0)).stream(), loginOnly.stream());
    }

    /** Attack: a forged join token in {@code auth}. Safe outcome: {@code error auth-failed}, close 4002, like garbage. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("socketAttacks")
    void a_forged_join_token_is_refused_on_the_socket_like_garbage(Named attack) {
        assertRefusedOnSocket(attack.attack().token(Kind.JOIN, Forge.claimsOf(target.clientToken(0))));
        assertEquals(0, listenerHits.get(), "the server fetched something a token header named");
        arena.bystander().assertUndisturbed();
    }

    /** Attack: a forged login token as bearer and as cookie. Safe outcome: the same 401; a cookie is cleared. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("apiAttacks")
    void a_forged_login_token_is_refused_by_the_api_like_garbage(Named attack) {
        String token = attack.attack().token(Kind.LOGIN, Forge.claimsOf(arena.therapistLogin()));
        assertRefusedAsBearer(token);
        assertRefusedAsCookie(token);
        assertEquals(0, listenerHits.get(), "the server fetched something a token header named");
        arena.bystander().assertUndisturbed();
    }

    /** Control: the forge's own signing of genuine claims gets in, so every refusal above is the check's doing. */
    @Test
    void the_forge_re_signing_genuine_claims_unchanged_gets_in() {
        BookedSession booking = arena.book(1);
        String resigned = Forge.signed(Kind.JOIN, Forge.claimsOf(booking.clientToken(0)));
        try (SignalingClient client = SignalingClient.join(arena.uri(), resigned)) {
            assertEquals(booking.clientId(0), client.nextOfType("welcome", WAIT).path("participantId").asText());
        }
        String login = Forge.signed(Kind.LOGIN, Forge.claimsOf(arena.therapistLogin()));
        assertEquals(200, arena.api().send("GET", "/api/sessions", login, null).status());
        arena.bystander().assertUndisturbed();
    }

    /** Attack: auth with no token, an empty one or one over 8 KiB. Safe outcome: {@code auth-required} (field token), close 4015. */
    @Test
    void an_auth_message_without_a_usable_token_is_refused_as_auth_required() {
        for (String auth : List.of("{\"type\":\"auth\"}", "{\"type\":\"auth\",\"token\":\"\"}",
                "{\"type\":\"auth\",\"token\":\"" + "a".repeat(9 * 1024) + "\"}")) {
            try (SignalingClient client = SignalingClient.connect(arena.uri())) {
                client.send(auth);
                JsonNode error = client.nextOfType("error", WAIT);
                assertEquals("auth-required", error.path("code").asText());
                assertEquals("token", error.path("field").asText());
                assertEquals(4015, client.awaitClose(WAIT));
            }
        }
        arena.bystander().assertUndisturbed();
    }

    /** Attack: a 100 KB token on the socket. Safe outcome: closed with 1009 before any parsing; the server carries on. */
    @Test
    void a_100_kb_token_on_the_socket_is_closed_as_too_large() {
        try (SignalingClient client = SignalingClient.connect(arena.uri())) {
            client.send("{\"type\":\"auth\",\"token\":\"" + "a".repeat(100 * 1024) + "\"}");
            assertEquals(1009, client.awaitClose(WAIT));
        }
        arena.bystander().assertUndisturbed();
    }

    /** Attack: no, empty or 100 KB credentials on the API. Safe outcome: the same 401 (431 from Jetty past 8 KiB of headers). */
    @Test
    void missing_empty_and_huge_credentials_on_the_api_are_refused() {
        Api api = arena.api();
        assertEquals(401, api.send("GET", "/api/sessions", null, null).status());
        assertRefused(api.send("GET", "/api/sessions", null, null, Map.of("Authorization", "Bearer")), false);
        assertRefused(api.send("GET", "/api/sessions", null, null, Map.of("Authorization", "Basic YTpi")), false);
        assertRefusedAsCookie("");
        Api.Response huge = api.send("GET", "/api/sessions", "a".repeat(100 * 1024), null);
        assertEquals(431, huge.status(), "request header fields too large");
        assertFalse(huge.body().contains("Jetty") || huge.body().contains("at org."), huge.body());
        assertEquals(200, api.send("GET", "/api/sessions", arena.therapistLogin(), null).status(), "server carries on");
        arena.bystander().assertUndisturbed();
    }

    /** Attack: a correctly signed token for a real seat with another link id. Safe outcome: the stale-link answer {@code link-reissued}, 4006. */
    @Test
    void a_signed_token_with_a_link_id_the_store_does_not_hold_is_a_replaced_link() {
        BookedSession booking = arena.book(1);
        String token = Forge.signed(Kind.JOIN, with(Forge.claimsOf(booking.clientToken(0)), "jti", "t_guessed"));
        try (SignalingClient client = SignalingClient.join(arena.uri(), token)) {
            assertEquals("link-reissued", client.nextErrorCode(WAIT));
            assertEquals(4006, client.awaitClose(WAIT));
        }
        arena.bystander().assertUndisturbed();
    }

    private void assertRefusedOnSocket(String token) {
        try (SignalingClient client = SignalingClient.join(arena.uri(), token)) {
            JsonNode error = client.nextOfType("error", WAIT);
            assertEquals(Api.JSON.createObjectNode().put("type", "error").put("code", "auth-failed")
                    .put("message", ErrorCode.AUTH_FAILED.description()), error, "not the generic refusal");
            assertEquals(4002, client.awaitClose(WAIT));
            assertEquals("auth-failed", client.closeReason());
            assertEquals(List.of("error"), client.types(), "nothing but the refusal");
        }
    }

    private void assertRefusedAsBearer(String token) {
        assertRefused(arena.api().send("GET", "/api/sessions", token, null), false);
    }

    private void assertRefusedAsCookie(String token) {
        assertRefused(arena.api().send("GET", "/api/sessions", null, null,
                Map.of("Cookie", Authenticator.COOKIE + "=" + token)), true);
    }

    private void assertRefused(Api.Response response, boolean viaCookie) {
        assertEquals(401, response.status(), response.body());
        assertEquals(unauthorized, response.body(), "not the generic 401");
        assertEquals("application/problem+json", response.header("Content-Type"));
        assertEquals("Bearer", response.header("WWW-Authenticate"));
        String cookie = response.header("Set-Cookie");
        if (viaCookie) {
            assertTrue(cookie != null && cookie.startsWith(Authenticator.COOKIE + "=;")
                    && (cookie.contains("Max-Age=0") || cookie.contains("Expires=Thu, 01 Jan 1970"))
                    && cookie.contains("HttpOnly") && cookie.contains("Path=/"), "the refused cookie is cleared: " + cookie);
        } else {
            assertNull(cookie);
        }
    }

    private static long seconds(Map<String, Object> claims, String name) {
        return ((Number) claims.get(name)).longValue();
    }
}
