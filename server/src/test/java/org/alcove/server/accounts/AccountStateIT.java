package org.alcove.server.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.audit.AuditEvent;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.LiveScenes;
import org.alcove.server.testing.SignalingClient;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountStateIT {
    private static final String PASSWORD = "therapist-password";

    private TestServer server;
    private Api api;
    private String admin;
    private String adminId;

    @BeforeEach
    void start() {
        server = TestServer.start();
        api = server.api();
        admin = api.loginAdmin();
        adminId = server.users().findByEmail(TestServer.ADMIN_EMAIL).orElseThrow().id();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_disabled_therapists_token_stops_working_at_once_and_sign_in_fails_like_a_wrong_password() {
        String id = api.createUser("t1@example.test", "T One", "therapist", PASSWORD).path("id").asText();
        String token = api.login("t1@example.test", PASSWORD);
        assertEquals(200, api.send("GET", "/api/sessions", token, null).status());

        JsonNode disabled = Api.expect(200, api.send("POST", "/api/users/" + id + "/disable", admin, null));
        assertTrue(disabled.path("disabled").asBoolean());

        assertEquals(401, api.send("GET", "/api/sessions", token, null).status());
        assertEquals(401, api.send("GET", "/api/sessions", null, null, Map.of("Cookie", "alcove_session=" + token)).status());
        Api.Response login = login("t1@example.test", PASSWORD);
        Api.Response wrong = login("t1@example.test", "not-the-password");
        assertEquals(401, login.status());
        assertEquals(wrong.body(), login.body());

        JsonNode enabled = Api.expect(200, api.send("POST", "/api/users/" + id + "/enable", admin, null));
        assertFalse(enabled.path("disabled").asBoolean());
        assertEquals(200, api.send("GET", "/api/sessions", token, null).status(), "a re-enabled account's token works again");
        assertEquals(200, login("t1@example.test", PASSWORD).status());
        assertEquals(List.of("user.disabled", "user.enabled"), accountEvents(id));
    }

    @Test
    void a_disabled_therapists_join_link_is_refused_until_re_enabled() {
        String id = api.createUser("t6@example.test", "T Six", "therapist", PASSWORD).path("id").asText();
        String login = api.login("t6@example.test", PASSWORD);
        String link = api.schedule(login, server.clock().instant(), 50, "Client A").path("therapistLink").asText();
        Api.expect(200, api.send("POST", "/api/users/" + id + "/disable", admin, null));
        try (SignalingClient socket = SignalingClient.join(server.uri(), Api.tokenOf(link))) {
            assertEquals("account-disabled", socket.nextErrorCode(Duration.ofSeconds(5)));
            assertEquals(4016, socket.awaitClose(Duration.ofSeconds(5)));
        }
        Api.expect(200, api.send("POST", "/api/users/" + id + "/enable", admin, null));
        try (SignalingClient socket = SignalingClient.join(server.uri(), Api.tokenOf(link))) {
            assertEquals("welcome", socket.next(Duration.ofSeconds(5)).path("type").asText());
        }
    }

    @Test
    void disabling_a_therapist_in_a_call_disconnects_them_at_once_and_the_client_is_told() {
        String id = api.createUser("t7@example.test", "T Seven", "therapist", PASSWORD).path("id").asText();
        String login = api.login("t7@example.test", PASSWORD);
        BookedSession booking = BookedSession.book(server, login, server.clock().instant(), 50, "Client A");
        try (LiveScenes.Call call = LiveScenes.on(server).admitted(booking, 0)) {
            SignalingClient therapist = call.therapist();
            SignalingClient client = call.client();

            Api.expect(200, api.send("POST", "/api/users/" + id + "/disable", admin, null));
            assertEquals("account-disabled", therapist.nextErrorCode(Duration.ofSeconds(5)));
            assertEquals(4016, therapist.awaitClose(Duration.ofSeconds(5)));
            assertEquals("link-revoked", client.nextOfType("peer-left", Duration.ofSeconds(5)).path("reason").asText());
        }
    }

    @Test
    void an_admin_can_disable_another_admin_but_not_themself() {
        String other = api.createUser("a2@example.test", "Admin Two", "admin", PASSWORD).path("id").asText();
        String otherToken = api.login("a2@example.test", PASSWORD);
        Api.expect(200, api.send("POST", "/api/users/" + other + "/disable", admin, null));
        assertEquals(401, api.send("GET", "/api/users", otherToken, null).status());

        Api.Response self = api.send("POST", "/api/users/" + adminId + "/disable", admin, null);
        assertEquals(409, self.status());
        assertEquals("urn:alcove:problem:cannot-disable-self", self.json().path("type").asText());
        assertEquals(200, api.send("GET", "/api/users", admin, null).status());
    }

    @Test
    void a_password_reset_replaces_the_old_password() {
        String id = api.createUser("t2@example.test", "T Two", "therapist", PASSWORD).path("id").asText();
        Api.expect(204, api.send("POST", "/api/users/" + id + "/password", admin, "{\"password\":\"a-brand-new-password\"}"));
        assertEquals(401, login("t2@example.test", PASSWORD).status());
        assertEquals(200, login("t2@example.test", "a-brand-new-password").status());
        assertEquals(List.of("user.password-reset"), accountEvents(id));
        AuditEvent row = server.audit().withoutSession().stream()
                .filter(e -> e.event().equals("user.password-reset")).findFirst().orElseThrow();
        assertEquals(adminId, row.actorId());
        assertFalse(row.toString().contains("a-brand-new-password"));
        assertFalse(row.toString().contains("t2@example.test"));
    }

    @Test
    void a_reset_password_must_be_12_to_1024_characters() {
        String id = api.createUser("t3@example.test", "T Three", "therapist", PASSWORD).path("id").asText();
        for (String body : List.of("{}", "{\"password\":\"short\"}", "{\"password\":\"" + "x".repeat(1025) + "\"}",
                "{\"password\":123456789012345}")) {
            Api.Response response = api.send("POST", "/api/users/" + id + "/password", admin, body);
            assertEquals(400, response.status(), body);
            assertEquals("password", response.json().path("field").asText(), body);
        }
        assertEquals(200, login("t3@example.test", PASSWORD).status());
    }

    @Test
    void account_changes_are_admin_only_and_check_the_origin_of_cookie_requests() {
        String id = api.createUser("t4@example.test", "T Four", "therapist", PASSWORD).path("id").asText();
        String therapist = api.login("t4@example.test", PASSWORD);
        for (String action : List.of("disable", "enable", "password")) {
            String path = "/api/users/" + id + "/" + action;
            String body = action.equals("password") ? "{\"password\":\"another-good-password\"}" : null;
            assertEquals(403, api.send("POST", path, therapist, body).status(), path);
            assertEquals(401, api.send("POST", path, null, body).status(), path);
            assertEquals(403, api.send("POST", path, null, body, Map.of("Cookie", "alcove_session=" + admin)).status(), path);
        }
        assertEquals(404, api.send("POST", "/api/users/u_nobody/disable", admin, null).status());
        assertEquals(404, api.send("POST", "/api/users/u_nobody/password", admin, "{\"password\":\"another-good-password\"}").status());
        Api.expect(200, api.send("POST", "/api/users/" + id + "/disable", null, null,
                Map.of("Cookie", "alcove_session=" + admin, "Origin", server.uri().toString())));
    }

    @Test
    void the_account_list_shows_who_is_disabled() {
        String id = api.createUser("t5@example.test", "T Five", "therapist", PASSWORD).path("id").asText();
        Api.expect(200, api.send("POST", "/api/users/" + id + "/disable", admin, null));
        JsonNode users = Api.expect(200, api.send("GET", "/api/users", admin, null));
        for (JsonNode user : users) {
            assertEquals(user.path("id").asText().equals(id), user.path("disabled").asBoolean(), user.toString());
        }
    }

    private Api.Response login(String email, String password) {
        return api.send("POST", "/api/auth/login", null,
                Api.JSON.createObjectNode().put("email", email).put("password", password).toString());
    }

    private List<String> accountEvents(String userId) {
        return server.audit().withoutSession().stream()
                .filter(e -> userId.equals(e.detail()) && !e.event().equals("user.created"))
                .map(AuditEvent::event).toList();
    }
}
