package org.alcove.server.http;

import org.alcove.server.testing.Api;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpBasicsIT {
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

    @Test
    void healthz_answers_ok() {
        Api.Response response = api.send("GET", "/healthz", null, null);
        assertEquals(200, response.status());
        assertEquals("application/json", response.header("Content-Type"));
        assertEquals("ok", response.json().get("status").asText());
    }

    @Test
    void every_kind_of_response_carries_the_security_headers() {
        for (Api.Response response : new Api.Response[]{
                api.send("GET", "/healthz", null, null),
                api.send("GET", "/api/nothing-here", null, null),
                api.send("GET", "/", null, null),
                api.send("GET", "/join", null, null),
                api.send("GET", "/no-such-file.txt", null, null)}) {
            assertEquals("default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
                    response.header("Content-Security-Policy"));
            assertEquals("nosniff", response.header("X-Content-Type-Options"));
            assertEquals("no-referrer", response.header("Referrer-Policy"));
            assertEquals("DENY", response.header("X-Frame-Options"));
            assertEquals("camera=(self), microphone=(self)", response.header("Permissions-Policy"));
            assertNull(response.header("Server"));
        }
    }

    @Test
    void api_responses_are_not_cached() {
        assertEquals("no-store", api.send("GET", "/healthz", null, null).header("Cache-Control"));
        assertEquals("no-store", api.send("GET", "/api/users", admin, null).header("Cache-Control"));
        assertEquals("no-store", api.send("GET", "/api/users", null, null).header("Cache-Control"));
    }

    @Test
    void serves_the_web_client_pages() {
        Api.Response index = api.send("GET", "/", null, null);
        assertEquals(200, index.status());
        assertTrue(index.header("Content-Type").startsWith("text/html"));
        Api.Response join = api.send("GET", "/join", null, null);
        assertEquals(200, join.status());
        assertTrue(join.header("Content-Type").startsWith("text/html"));
        assertTrue(join.body().toLowerCase().contains("<html"));
    }

    @Test
    void lists_no_directories_and_hides_missing_files() {
        assertEquals(404, api.send("GET", "/no-such-file.txt", null, null).status());
        Api.Response dir = api.send("GET", "/alcove/", null, null);
        assertFalse(dir.status() == 200 && dir.body().contains("Directory"), dir.body());
    }

    @Test
    void unknown_api_path_is_a_problem_404() {
        Api.Response response = api.send("GET", "/api/nothing-here", null, null);
        assertEquals(404, response.status());
        assertEquals("application/problem+json", response.header("Content-Type"));
        assertEquals("urn:alcove:problem:not-found", response.json().get("type").asText());
        assertEquals(404, response.json().get("status").asInt());
    }

    @Test
    void wrong_method_is_a_problem_405() {
        Api.Response response = api.send("PUT", "/api/sessions", admin, "{}");
        assertEquals(405, response.status());
        assertEquals("urn:alcove:problem:method-not-allowed", response.json().get("type").asText());
    }

    @Test
    void malformed_json_is_a_problem_400_without_echoing_input() {
        Api.Response response = api.send("POST", "/api/users", admin, "{\"email\": \"secret-value");
        assertEquals(400, response.status());
        assertEquals("application/problem+json", response.header("Content-Type"));
        assertEquals("urn:alcove:problem:malformed-json", response.json().get("type").asText());
        assertFalse(response.body().contains("secret-value"));
    }

    @Test
    void unknown_field_is_rejected_by_name() {
        Api.Response response = api.send("POST", "/api/auth/login", null,
                "{\"email\":\"a@b.test\",\"password\":\"x\",\"admin\":true}");
        assertEquals(400, response.status());
        assertEquals("urn:alcove:problem:unknown-field", response.json().get("type").asText());
        assertEquals("admin", response.json().get("field").asText());
    }

    @Test
    void duplicate_keys_are_rejected() {
        Api.Response response = api.send("POST", "/api/auth/login", null,
                "{\"email\":\"a@b.test\",\"email\":\"c@d.test\",\"password\":\"x\"}");
        assertEquals(400, response.status());
        assertEquals("urn:alcove:problem:malformed-json", response.json().get("type").asText());
    }

    @Test
    void non_object_and_trailing_content_are_rejected() {
        assertEquals(400, api.send("POST", "/api/auth/login", null, "[1,2]").status());
        assertEquals(400, api.send("POST", "/api/auth/login", null, "{} {}").status());
        assertEquals(400, api.send("POST", "/api/auth/login", null, "null").status());
        assertEquals(400, api.send("POST", "/api/auth/login", null, "").status());
    }

    @Test
    void oversized_body_is_a_problem_413() {
        String big = "{\"email\":\"" + "a".repeat(70_000) + "\",\"password\":\"x\"}";
        Api.Response response = api.send("POST", "/api/auth/login", null, big);
        assertEquals(413, response.status());
        assertEquals("urn:alcove:problem:body-too-large", response.json().get("type").asText());
    }

    @Test
    void non_json_body_is_a_problem_415() {
        Api.Response response = api.send("POST", "/api/auth/login", null, "email=a",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertEquals(415, response.status());
        assertEquals("urn:alcove:problem:unsupported-media-type", response.json().get("type").asText());
    }
}
