package org.alcove.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code GET /api/auth/me}: how a browser, which cannot read its HttpOnly cookie, learns who it is. */
class CurrentAccountIT {
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

    @Test
    void me_names_the_signed_in_account_without_its_password_hash() {
        JsonNode created = api.createUser("dr.lee@example.test", "Dr Lee", "therapist", "therapist-password");
        String token = api.login("DR.LEE@example.test", "therapist-password");

        Api.Response me = api.send("GET", "/api/auth/me", token, null);

        assertEquals(200, me.status(), me.body());
        JsonNode body = me.json();
        assertEquals(created.get("id").asText(), body.get("id").asText());
        assertEquals("dr.lee@example.test", body.get("email").asText());
        assertEquals("Dr Lee", body.get("name").asText());
        assertEquals("therapist", body.get("role").asText());
        assertEquals(4, body.size(), body.toString());
        assertFalse(me.body().contains("pbkdf2"), me.body());
    }

    @Test
    void me_accepts_the_sign_in_cookie() {
        Api.Response login = api.send("POST", "/api/auth/login", null,
                "{\"email\":\"" + TestServer.ADMIN_EMAIL + "\",\"password\":\"" + TestServer.ADMIN_PASSWORD + "\"}");
        String cookie = login.header("Set-Cookie").split(";", 2)[0];

        Api.Response me = api.send("GET", "/api/auth/me", null, null, Map.of("Cookie", cookie));

        assertEquals(200, me.status(), me.body());
        assertEquals("admin", me.json().get("role").asText());
    }

    @Test
    void me_without_a_credential_is_401() {
        Api.Response me = api.send("GET", "/api/auth/me", null, null);

        assertEquals(401, me.status());
        assertEquals("urn:alcove:problem:unauthorized", me.json().get("type").asText());
    }
}
