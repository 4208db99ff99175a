package org.alcove.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guessing passwords is throttled per account and per source address, with a clear Retry-After. */
class LoginThrottleIT {
    private static final String PASSWORD = "therapist-password";

    private TestServer server;
    private Api api;

    @BeforeEach
    void start() {
        server = TestServer.start(Map.of("auth.login-max-failures-per-address", "8"));
        api = server.api();
        api.createUser("guessed@example.test", "Guessed", "therapist", PASSWORD);
        api.createUser("other@example.test", "Other", "therapist", PASSWORD);
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
    void an_account_waits_after_five_failures_even_for_the_right_password_then_recovers() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login("guessed@example.test", "wrong-" + i).status());
        }
        Api.Response refused = login("Guessed@Example.test", PASSWORD);
        assertEquals(429, refused.status(), "the right password cannot confirm a guess while throttled");
        assertEquals("urn:alcove:problem:too-many-attempts", refused.json().path("type").asText());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        assertEquals(200, login("other@example.test", PASSWORD).status(), "other accounts are unaffected");

        server.clock().advance(Duration.ofSeconds(retryAfter));
        assertEquals(200, login("guessed@example.test", PASSWORD).status());
        assertTrue(server.audit().withoutSession().stream()
                .anyMatch(row -> row.event().equals("auth.login") && row.outcome().equals("throttled")));
    }

    @Test
    void one_address_guessing_across_many_accounts_waits_too() {
        for (int i = 0; i < 8; i++) {
            assertEquals(401, login("nobody-" + i + "@example.test", "wrong").status());
        }
        Api.Response refused = login("other@example.test", PASSWORD);
        assertEquals(429, refused.status());
        JsonNode problem = refused.json();
        assertEquals(429, problem.path("status").asInt());
        assertTrue(!refused.body().contains("127.0.0.1"), "the address is not echoed");
    }
}
