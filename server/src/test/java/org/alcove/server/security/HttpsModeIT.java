package org.alcove.server.security;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.jsonwebtoken.Jwts;
import org.alcove.server.auth.SigningKey;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.SignalingClient;
import org.alcove.server.testing.TestCertificate;
import org.alcove.signaling.protocol.ClientMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server serving HTTPS itself with a certificate made at runtime by {@code keytool}: the API,
 * sign-in and the WebSocket work over TLS with the HTTPS-only headers and cookie, plain HTTP on
 * the port gets nothing, and the server's public key material cannot sign a token.
 */
@Adversarial
class HttpsModeIT {
    private static TestCertificate certificate;
    private static Arena arena;

    @BeforeAll
    static void start() {
        certificate = TestCertificate.create();
        arena = Arena.start(certificate.settings(), certificate.trust());
    }

    @AfterAll
    static void stop() {
        try {
            arena.close();
        } finally {
            certificate.close();
        }
    }

    private static String origin() {
        return "https://127.0.0.1:" + arena.uri().getPort();
    }

    /** Sign-in and the API over HTTPS: HSTS on every answer, the cookie Secure, links https. */
    @Test
    void sign_in_and_the_api_work_over_https_with_hsts_and_a_secure_cookie() {
        assertEquals("https", arena.uri().getScheme());
        Api.Response login = arena.api().send("POST", "/api/auth/login", null,
                "{\"email\":\"" + arena.therapistEmail() + "\",\"password\":\"therapist-password\"}");
        assertEquals(200, login.status());
        assertEquals("max-age=31536000", login.header("Strict-Transport-Security"));
        String cookie = login.header("Set-Cookie");
        assertTrue(cookie.contains("; Secure"), cookie);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);

        String session = "alcove_session=" + login.json().path("token").asText();
        BookedSession booking = arena.book(1);
        Api.Response read = arena.api().send("GET", "/api/sessions/" + booking.sessionId(), null, null,
                Map.of("Cookie", session));
        assertEquals(200, read.status());
        assertTrue(read.json().path("therapistLink").asText().startsWith("https://localhost:" + arena.uri().getPort() + "/join#"),
                "the public URL defaults to https under TLS: " + read.json().path("therapistLink").asText());
        for (String path : List.of("/", "/join", "/healthz", "/api/nothing", "/no-such-file")) {
            assertEquals("max-age=31536000", arena.api().send("GET", path, null, null).header("Strict-Transport-Security"), path);
        }
        // The same-origin rule knows the request came over https.
        Api.Response cancel = arena.api().send("DELETE", "/api/sessions/" + booking.sessionId(), null, null,
                Map.of("Cookie", session, "Origin", origin()));
        assertEquals(200, cancel.status(), cancel.body());
        Api.Response downgraded = arena.api().send("POST", "/api/auth/logout", null, null,
                Map.of("Cookie", session, "Origin", "http://127.0.0.1:" + arena.uri().getPort()));
        assertEquals(403, downgraded.status(), "an http Origin is another origin than the https one");
        arena.bystander().assertUndisturbed();
    }

    /**
     * TLS terminated by a proxy (plain listener, https public URL): the cookie is still Secure, no
     * HSTS comes from Alcove, and only the public https origin may make cookie changes.
     */
    @Test
    void behind_a_tls_proxy_the_cookie_is_secure_and_only_the_https_origin_changes_things() {
        try (Arena proxied = Arena.start(Map.of("http.public-url", "https://alcove.example.test"))) {
            Api.Response login = proxied.api().send("POST", "/api/auth/login", null,
                    "{\"email\":\"" + proxied.therapistEmail() + "\",\"password\":\"therapist-password\"}");
            assertEquals(200, login.status());
            assertTrue(login.header("Set-Cookie").contains("; Secure"), login.header("Set-Cookie"));
            assertNull(login.header("Strict-Transport-Security"), "HSTS is the proxy's to send");
            String cookie = "alcove_session=" + login.json().path("token").asText();
            BookedSession booking = proxied.book(1);
            String path = "/api/sessions/" + booking.sessionId();
            assertEquals(403, proxied.api().send("DELETE", path, null, null,
                    Map.of("Cookie", cookie, "Origin", "http://alcove.example.test")).status());
            assertEquals(200, proxied.api().send("DELETE", path, null, null,
                    Map.of("Cookie", cookie, "Origin", "https://alcove.example.test")).status());
            proxied.bystander().assertUndisturbed();
        }
        arena.bystander().assertUndisturbed();
    }

    /** A call's signalling runs over wss: both sides join, the client is admitted and negotiation is relayed. */
    @Test
    void a_wss_socket_joins_a_session_and_relays_negotiation() {
        BookedSession booking = arena.book(1);
        // The arena's sockets trust the certificate: the scene joins both over wss.
        try (Arena.Call call = arena.admitted(booking, 0)) {
            SignalingClient therapist = call.therapist();
            SignalingClient client = call.client();
            String candidate = "candidate:1 1 udp 2122260223 192.0.2.1 40000 typ host";
            client.send(new ClientMessage.Candidate(booking.therapistId(), candidate, "0", 0));
            JsonNode relayed = therapist.nextOfType("candidate", Arena.WAIT);
            assertEquals(candidate, relayed.path("candidate").asText());
            assertEquals(booking.clientId(0), relayed.path("from").asText());
        }
        arena.bystander().assertUndisturbed();
    }

    /** Plain HTTP to the TLS port, and HTTPS from a client that does not trust the certificate: no answer. */
    @Test
    void plain_http_and_an_untrusting_client_get_no_answer() {
        Api plain = new Api(URI.create("http://127.0.0.1:" + arena.uri().getPort()));
        assertThrows(UncheckedIOException.class, () -> plain.send("GET", "/healthz", null, null));
        Api untrusting = new Api(arena.uri());
        assertThrows(UncheckedIOException.class, () -> untrusting.send("GET", "/healthz", null, null));
        assertThrows(IllegalStateException.class, () -> SignalingClient.connect(arena.uri()));
        arena.bystander().assertUndisturbed();
    }

    /**
     * RFC 8725 section 2.1 and 3.1: an HS256 token whose HMAC key is the server's public key material
     * (the certificate's key or the certificate itself, DER or PEM, as anyone can fetch them) is
     * refused on /ws (auth-failed, 4002) and on the API (401). The same claims signed with the real
     * key are accepted, so only the key is what fails.
     */
    @Test
    void a_token_keyed_with_the_servers_public_key_material_is_refused() throws Exception {
        BookedSession booking = arena.book(1);
        String joinToken = booking.clientToken(0);
        String loginToken = arena.therapistLogin();
        SecretKey real = SigningKey.load(arena.testServer().config().auth(), arena.testServer().dataDir());
        assertEquals(200, arena.api().send("GET", "/api/auth/me", resign(loginToken, real), null).status(),
                "control: re-signing with the real key keeps a valid token");

        for (byte[] material : publicKeyMaterial()) {
            SecretKey attackerKey = new SecretKeySpec(material, "HmacSHA256");
            Api.Response api = arena.api().send("GET", "/api/auth/me", resign(loginToken, attackerKey), null);
            assertEquals(401, api.status());
            assertEquals("urn:alcove:problem:unauthorized", api.json().path("type").asText());
            try (SignalingClient socket = SignalingClient.join(arena.uri(), resign(joinToken, attackerKey), null,
                    certificate.trust())) {
                assertEquals("auth-failed", socket.nextErrorCode(Arena.WAIT));
                assertEquals(4002, socket.awaitClose(Arena.WAIT));
            }
        }
        arena.bystander().assertUndisturbed();
    }

    /** The encoded public key, its PEM text, the certificate DER and its PEM text. */
    private static List<byte[]> publicKeyMaterial() throws CertificateEncodingException {
        byte[] key = certificate.certificate().getPublicKey().getEncoded();
        byte[] cert = certificate.certificate().getEncoded();
        return List.of(key, pem("PUBLIC KEY", key), cert, pem("CERTIFICATE", cert));
    }

    private static byte[] pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The token's own header and claims, signed HS256 with {@code key}. */
    private static String resign(String token, SecretKey key) throws Exception {
        String[] parts = token.split("\\.");
        Map<String, Object> header = decode(parts[0]);
        Map<String, Object> claims = decode(parts[1]);
        header.remove("alg");
        return Jwts.builder().header().add(header).and().claims(claims).signWith(key, Jwts.SIG.HS256).compact();
    }

    private static Map<String, Object> decode(String part) throws Exception {
        return new LinkedHashMap<>(Api.JSON.readValue(Base64.getUrlDecoder().decode(part), new TypeReference<Map<String, Object>>() {
        }));
    }
}
