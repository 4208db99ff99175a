package org.alcove.server.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsersIT {
    private static TestServer server;
    private static Api api;
    private static String admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.api();
        admin = api.loginAdmin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String user(String email, String name, String role, String password) {
        return "{\"email\":" + quote(email) + ",\"name\":" + quote(name) + ",\"role\":" + quote(role)
                + ",\"password\":" + quote(password) + "}";
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    @Test
    void admin_creates_a_therapist_who_can_then_sign_in() {
        Api.Response response = api.send("POST", "/api/users", admin,
                user("New.Person@Test.Local", " New Person ", "therapist", "a-good-password"));
        assertEquals(201, response.status());
        JsonNode created = response.json();
        assertTrue(created.get("id").asText().startsWith("u_"));
        assertEquals("new.person@test.local", created.get("email").asText());
        assertEquals("New Person", created.get("name").asText());
        assertEquals("therapist", created.get("role").asText());
        assertFalse(response.body().contains("password"));
        assertEquals(200, api.send("POST", "/api/auth/login", null,
                "{\"email\":\"new.person@test.local\",\"password\":\"a-good-password\"}").status());
        assertTrue(server.audit().withoutSession().stream().anyMatch(e -> e.event().equals("user.created")));
    }

    @Test
    void lists_accounts_without_password_hashes() {
        Api.Response response = api.send("GET", "/api/users", admin, null);
        assertEquals(200, response.status());
        assertTrue(response.json().isArray());
        assertTrue(response.body().contains(TestServer.ADMIN_EMAIL));
        assertFalse(response.body().contains("pbkdf2"));
    }

    @Test
    void duplicate_email_is_a_409() {
        assertEquals(201, api.send("POST", "/api/users", admin, user("dup@test.local", "A", "therapist", "a-good-password")).status());
        Api.Response again = api.send("POST", "/api/users", admin, user("DUP@test.local", "B", "admin", "a-good-password"));
        assertEquals(409, again.status());
        assertEquals("urn:alcove:problem:email-taken", again.json().get("type").asText());
    }

    @Test
    void each_invalid_field_is_named() {
        assertField("email", user("not-an-email", "A", "therapist", "a-good-password"));
        assertField("email", user(null, "A", "therapist", "a-good-password"));
        assertField("name", user("x1@test.local", "  ", "therapist", "a-good-password"));
        assertField("role", user("x2@test.local", "A", "superuser", "a-good-password"));
        assertField("password", user("x3@test.local", "A", "therapist", "short"));
        assertField("password", user("x4@test.local", "A", "therapist", "elevenchars"));
        assertField("role", "{\"email\":\"x5@test.local\",\"name\":\"A\",\"role\":7,\"password\":\"a-good-password\"}");
    }

    private static void assertField(String field, String body) {
        Api.Response response = api.send("POST", "/api/users", admin, body);
        assertEquals(400, response.status(), body);
        assertEquals(field, response.json().get("field").asText(), body);
        assertEquals("urn:alcove:problem:invalid-field", response.json().get("type").asText());
    }

    @Test
    void therapists_get_403_and_anonymous_callers_401() {
        String therapist = api.newTherapist("plain@test.local");
        String body = user("other@test.local", "O", "admin", "a-good-password");
        assertEquals(403, api.send("POST", "/api/users", therapist, body).status());
        assertEquals(403, api.send("GET", "/api/users", therapist, null).status());
        assertEquals(401, api.send("POST", "/api/users", null, body).status());
        assertEquals(401, api.send("GET", "/api/users", null, null).status());
    }
}
