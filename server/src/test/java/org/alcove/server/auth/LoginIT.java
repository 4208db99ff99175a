package org.alcove.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.audit.AuditEvent;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginIT {
    private TestServer server;
    private Api api;

    @BeforeEach
    void start() {
        server = TestServer.start();
        api = server.api();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Api.Response login(String email, String password) {
        return api.send("POST", "/api/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    @Test
    void login_returns_token_role_and_a_strict_http_only_cookie() {
        Api.Response response = login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        assertEquals(200, response.status());
        JsonNode body = response.json();
        assertEquals("admin", body.get("role").asText());
        String token = body.get("token").asText();
        String cookie = response.header("Set-Cookie");
        assertNotNull(cookie);
        assertTrue(cookie.startsWith("alcove_session=" + token), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), "plain http public URL: no Secure flag: " + cookie);
    }

    @Test
    void login_email_is_case_insensitive() {
        assertEquals(200, login(TestServer.ADMIN_EMAIL.toUpperCase(), TestServer.ADMIN_PASSWORD).status());
    }

    @Test
    void wrong_email_and_wrong_password_give_the_same_401() {
        Api.Response wrongEmail = login("nobody@test.local", TestServer.ADMIN_PASSWORD);
        Api.Response wrongPassword = login(TestServer.ADMIN_EMAIL, "not-the-password");
        assertEquals(401, wrongEmail.status());
        assertEquals(401, wrongPassword.status());
        assertEquals(wrongEmail.body(), wrongPassword.body());
        assertEquals("application/problem+json", wrongEmail.header("Content-Type"));
        assertNull(wrongEmail.header("Set-Cookie"));
    }

    @Test
    void sign_ins_are_audited_and_failures_name_no_account() {
        login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        login("nobody@test.local", "whatever-password");
        List<AuditEvent> events = server.audit().withoutSession().stream()
                .filter(e -> e.event().equals("auth.login")).toList();
        assertEquals(2, events.size());
        assertEquals("ok", events.get(0).outcome());
        assertNotNull(events.get(0).actorId());
        assertEquals("failed", events.get(1).outcome());
        assertNull(events.get(1).actorId());
        assertFalse(events.get(1).toString().contains("nobody"));
    }

    @Test
    void missing_credentials_name_the_field() {
        Api.Response response = api.send("POST", "/api/auth/login", null, "{\"email\":\"a@b.test\"}");
        assertEquals(400, response.status());
        assertEquals("password", response.json().get("field").asText());
    }

    @Test
    void api_accepts_bearer_and_cookie() {
        String token = api.loginAdmin();
        assertEquals(200, api.send("GET", "/api/users", token, null).status());
        assertEquals(200, api.send("GET", "/api/users", null, null,
                Map.of("Cookie", Authenticator.COOKIE + "=" + token)).status());
        assertEquals(401, api.send("GET", "/api/users", null, null).status());
        assertEquals(401, api.send("GET", "/api/users", token + "x", null).status());
        assertEquals(401, api.send("GET", "/api/users", null, null,
                Map.of("Authorization", "Basic " + token)).status());
    }

    @Test
    void cookie_state_change_needs_a_same_origin_origin_header() {
        String token = api.loginAdmin();
        String body = "{\"email\":\"t@test.local\",\"name\":\"T\",\"role\":\"therapist\",\"password\":\"long-enough-pw\"}";
        Map<String, String> cookie = Map.of("Cookie", Authenticator.COOKIE + "=" + token);

        Api.Response noOrigin = api.send("POST", "/api/users", null, body, cookie);
        assertEquals(403, noOrigin.status());
        assertEquals("urn:alcove:problem:forbidden", noOrigin.json().get("type").asText());

        Api.Response foreign = api.send("POST", "/api/users", null, body,
                Map.of("Cookie", Authenticator.COOKIE + "=" + token, "Origin", "https://evil.example"));
        assertEquals(403, foreign.status());

        Api.Response sameOrigin = api.send("POST", "/api/users", null, body,
                Map.of("Cookie", Authenticator.COOKIE + "=" + token, "Origin", server.uri().toString()));
        assertEquals(201, sameOrigin.status());
    }

    @Test
    void bearer_state_change_needs_no_origin_header() {
        String token = api.loginAdmin();
        String body = "{\"email\":\"t@test.local\",\"name\":\"T\",\"role\":\"therapist\",\"password\":\"long-enough-pw\"}";
        assertEquals(201, api.send("POST", "/api/users", token, body,
                Map.of("Origin", "https://evil.example")).status());
    }

    @Test
    void logout_clears_the_cookie() {
        Api.Response response = api.send("POST", "/api/auth/logout", null, null);
        assertEquals(204, response.status());
        String cookie = response.header("Set-Cookie");
        assertTrue(cookie.startsWith("alcove_session=;") || cookie.startsWith("alcove_session=\"\""), cookie);
        assertTrue(cookie.contains("Max-Age=0") || cookie.contains("Expires=Thu, 01 Jan 1970"), cookie);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
    }

    @Test
    void login_token_expires_after_the_login_ttl() {
        String token = api.loginAdmin();
        server.clock().advance(server.config().auth().loginTtl().plus(Duration.ofMinutes(1)));
        assertEquals(401, api.send("GET", "/api/users", token, null).status());
    }

    @Test
    void a_join_token_is_not_a_login_token() {
        String therapist = api.newTherapist("t@test.local");
        JsonNode session = api.schedule(therapist, server.clock().instant(), 50, "Client");
        String joinToken = Api.tokenOf(session.get("therapistLink").asText());
        assertEquals(401, api.send("GET", "/api/sessions", joinToken, null).status());
    }
}
