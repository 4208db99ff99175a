package org.alcove.server.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.auth.JoinClaims;
import org.alcove.server.auth.JoinTokenException;
import org.alcove.server.auth.JoinTokens;
import org.alcove.server.audit.AuditEvent;
import org.alcove.server.store.ParticipantRecord;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.TestServer;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.room.RoomPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionsIT {
    private TestServer server;
    private Api api;
    private String therapistA;
    private String therapistB;
    private Instant now;

    @BeforeEach
    void start() {
        server = TestServer.start();
        api = server.api();
        therapistA = api.newTherapist("a@test.local");
        therapistB = api.newTherapist("b@test.local");
        now = server.clock().instant();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String body(String startsAt, Object minutes, String clients) {
        return "{\"startsAt\":" + startsAt + ",\"durationMinutes\":" + minutes + ",\"clients\":" + clients + "}";
    }

    private String at(Instant instant) {
        return "\"" + instant + "\"";
    }

    @Test
    void a_session_whose_window_closed_unattended_shows_as_ended_without_links() {
        JsonNode session = api.schedule(therapistA, now, 50, "Client One");
        String id = session.get("id").asText();
        server.clock().set(now.plus(Duration.ofMinutes(50 + 10)).plusSeconds(1));

        JsonNode later = api.getSession(therapistA, id);
        assertEquals("ended", later.get("status").asText());
        assertFalse(later.has("therapistLink"), "an ended session offers no way in");
        assertFalse(later.get("clientLinks").get(0).has("link"));
    }

    @Test
    void scheduling_returns_the_session_with_fragment_links() {
        Instant start = now.plus(Duration.ofDays(1));
        JsonNode session = api.schedule(therapistA, start, 50, "Client One", "Client Two");
        assertTrue(session.get("id").asText().startsWith("s_"));
        assertEquals(start.toString(), session.get("startsAt").asText());
        assertEquals(start.plus(Duration.ofMinutes(50)).toString(), session.get("endsAt").asText());
        assertEquals("scheduled", session.get("status").asText());
        String base = server.server().publicUrl() + "/join#";
        assertTrue(session.get("therapistLink").asText().startsWith(base));
        JsonNode clients = session.get("clientLinks");
        assertEquals(2, clients.size());
        assertEquals("Client One", clients.get(0).get("name").asText());
        for (JsonNode client : clients) {
            String link = client.get("link").asText();
            assertTrue(link.startsWith(base), link);
            assertFalse(link.contains("?"), "no query string: " + link);
            assertTrue(client.get("clientId").asText().startsWith("p_"));
        }
        List<AuditEvent> audit = server.audit().forSession(session.get("id").asText());
        assertEquals("session.scheduled", audit.get(0).event());
    }

    @Test
    void join_token_carries_every_required_claim() throws Exception {
        Instant start = now.plus(Duration.ofMinutes(5));
        JsonNode session = api.schedule(therapistA, start, 50, "Client");
        String id = session.get("id").asText();
        String clientId = session.get("clientLinks").get(0).get("clientId").asText();
        String token = Api.tokenOf(session.get("clientLinks").get(0).get("link").asText());

        String[] parts = token.split("\\.");
        JsonNode header = Api.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = Api.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertEquals("HS256", header.get("alg").asText());
        assertEquals(JoinTokens.TYPE, header.get("typ").asText());
        assertEquals(2, header.size(), "alg and typ only: " + header);
        assertEquals(JoinTokens.AUDIENCE, claims.get("aud").isArray() ? claims.get("aud").get(0).asText() : claims.get("aud").asText());
        assertEquals("alcove", claims.get("iss").asText());
        assertEquals(id, claims.get("sid").asText());
        assertEquals(clientId, claims.get("sub").asText());
        assertEquals("client", claims.get("role").asText());
        assertEquals(start.minus(Duration.ofMinutes(15)).getEpochSecond(), claims.get("nbf").asLong());
        assertEquals(start.plus(Duration.ofMinutes(50 + 10 + 60)).getEpochSecond(), claims.get("exp").asLong());
        assertEquals(now.getEpochSecond(), claims.get("iat").asLong());

        ParticipantRecord stored = server.sessions().findParticipant(id, clientId).orElseThrow();
        assertEquals(stored.tokenId(), claims.get("jti").asText());
        JoinClaims verified = server.joinTokens().verify(token);
        assertEquals(Role.client, verified.role());
        assertEquals(id, verified.sessionId());
    }

    @Test
    void link_for_a_later_session_is_not_yet_valid_and_then_expires() {
        JsonNode session = api.schedule(therapistA, now.plus(Duration.ofDays(2)), 50, "Client");
        String token = Api.tokenOf(session.get("clientLinks").get(0).get("link").asText());
        JoinTokenException early = assertThrows(JoinTokenException.class,
                () -> server.joinTokens().verify(token));
        assertEquals(JoinTokenException.Kind.NOT_YET_VALID, early.kind());
        assertEquals(session.get("id").asText(), early.claims().sessionId());
        server.clock().advance(Duration.ofDays(3));
        JoinTokenException late = assertThrows(JoinTokenException.class,
                () -> server.joinTokens().verify(token));
        assertEquals(JoinTokenException.Kind.EXPIRED, late.kind());
    }

    @Test
    void lists_own_sessions_sorted_by_start_and_admin_sees_all() {
        api.schedule(therapistA, now.plus(Duration.ofDays(2)), 50, "Later");
        api.schedule(therapistA, now.plus(Duration.ofDays(1)), 50, "Sooner");
        api.schedule(therapistB, now.plus(Duration.ofDays(1)), 50, "Other");
        JsonNode own = Api.expect(200, api.send("GET", "/api/sessions", therapistA, null));
        assertEquals(2, own.size());
        assertEquals("Sooner", own.get(0).get("clientLinks").get(0).get("name").asText());
        assertFalse(own.toString().contains("Other"));
        JsonNode all = Api.expect(200, api.send("GET", "/api/sessions", api.loginAdmin(), null));
        assertEquals(3, all.size());
        assertFalse(all.toString().contains("/join#"), "an admin never gets links when listing");
    }

    @Test
    void another_therapists_session_is_404_for_read_cancel_and_reissue() {
        JsonNode session = api.schedule(therapistA, now.plus(Duration.ofDays(1)), 50, "Client");
        String id = session.get("id").asText();
        String clientId = session.get("clientLinks").get(0).get("clientId").asText();
        Api.Response missing = api.send("GET", "/api/sessions/s_doesnotexist", therapistB, null);
        for (Api.Response response : List.of(
                api.send("GET", "/api/sessions/" + id, therapistB, null),
                api.send("DELETE", "/api/sessions/" + id, therapistB, null),
                api.send("POST", "/api/sessions/" + id + "/clients/" + clientId + "/link", therapistB, null))) {
            assertEquals(404, response.status());
            assertEquals(missing.body(), response.body(), "indistinguishable from a missing id");
        }
        assertEquals("scheduled", api.getSession(therapistA, id).get("status").asText());
    }

    @Test
    void the_booking_limits_are_the_rooms_seats_but_the_therapists_and_are_the_ones_enforced() {
        JsonNode limits = Api.expect(200, api.send("GET", "/api/sessions/limits", therapistA, null));
        int maxClients = limits.get("maxClients").asInt();
        assertEquals(RoomPolicy.MAX_PARTICIPANTS - 1, maxClients);
        assertEquals(240, limits.get("maxMinutes").asInt());
        assertEquals(60, limits.get("maxPastStartMinutes").asInt());
        assertEquals(limits, Api.expect(200, api.send("GET", "/api/sessions/limits", api.loginAdmin(), null)));

        String clients = "[" + "{\"name\":\"C\"},".repeat(maxClients - 1) + "{\"name\":\"C\"}]";
        assertEquals(201, api.send("POST", "/api/sessions", therapistA, body(at(now), 50, clients)).status());
        assertField("clients", body(at(now), 50, clients.replace("[", "[{\"name\":\"One too many\"},")));
        assertField("durationMinutes", body(at(now), limits.get("maxMinutes").asInt() + 1, "[{\"name\":\"C\"}]"));
    }

    @Test
    void the_booking_limits_route_only_reads_and_shadows_no_session() {
        assertEquals(401, api.send("GET", "/api/sessions/limits", null, null).status());
        assertEquals(405, api.send("POST", "/api/sessions/limits", therapistA, "{}").status());
        // "limits" is no session id: a cancel of it is a plain 404 and changes nothing.
        JsonNode session = api.schedule(therapistA, now.plus(Duration.ofDays(1)), 50, "Client");
        assertEquals(404, api.send("DELETE", "/api/sessions/limits", therapistA, null).status());
        assertEquals("scheduled", api.getSession(therapistA, session.get("id").asText()).get("status").asText());
    }

    @Test
    void anonymous_callers_get_401() {
        assertEquals(401, api.send("GET", "/api/sessions", null, null).status());
        assertEquals(401, api.send("POST", "/api/sessions", null, body(at(now), 50, "[{\"name\":\"C\"}]")).status());
    }

    @Test
    void cancel_marks_the_session_cancelled_once() {
        JsonNode session = api.schedule(therapistA, now.plus(Duration.ofDays(1)), 50, "Client");
        String id = session.get("id").asText();
        JsonNode cancelled = api.cancel(therapistA, id);
        assertEquals("cancelled", cancelled.get("status").asText());
        assertNull(cancelled.get("therapistLink"), "a cancelled session shows no links");
        assertEquals("cancelled", api.getSession(therapistA, id).get("status").asText());
        Api.Response again = api.send("DELETE", "/api/sessions/" + id, therapistA, null);
        assertEquals(409, again.status());
        assertEquals("urn:alcove:problem:session-not-scheduled", again.json().get("type").asText());
        assertTrue(server.audit().forSession(id).stream().anyMatch(e -> e.event().equals("session.cancelled")));
        String clientId = session.get("clientLinks").get(0).get("clientId").asText();
        assertEquals(409, api.send("POST", "/api/sessions/" + id + "/clients/" + clientId + "/link", therapistA, null).status());
    }

    @Test
    void reissue_replaces_the_link_and_the_old_jti_is_no_longer_current() throws Exception {
        JsonNode session = api.schedule(therapistA, now, 50, "Client");
        String id = session.get("id").asText();
        JsonNode client = session.get("clientLinks").get(0);
        String clientId = client.get("clientId").asText();
        JoinClaims old = server.joinTokens().verify(Api.tokenOf(client.get("link").asText()));

        JsonNode reissued = api.reissue(therapistA, id, clientId);
        assertEquals(clientId, reissued.get("clientId").asText());
        assertEquals("Client", reissued.get("name").asText());
        JoinClaims fresh = server.joinTokens().verify(Api.tokenOf(reissued.get("link").asText()));
        assertNotEquals(old.tokenId(), fresh.tokenId());
        String current = server.sessions().findParticipant(id, clientId).orElseThrow().tokenId();
        assertEquals(fresh.tokenId(), current);
        assertNotEquals(old.tokenId(), current);
        AuditEvent event = server.audit().forSession(id).stream()
                .filter(e -> e.event().equals("link.reissued")).findFirst().orElseThrow();
        assertEquals(clientId, event.participantId());
    }

    @Test
    void reissue_of_an_unknown_client_or_the_therapist_is_404() {
        JsonNode session = api.schedule(therapistA, now, 50, "Client");
        String id = session.get("id").asText();
        String therapistParticipant = server.sessions().participants(id).get(0).id();
        assertEquals(404, api.send("POST", "/api/sessions/" + id + "/clients/p_nobody/link", therapistA, null).status());
        assertEquals(404, api.send("POST", "/api/sessions/" + id + "/clients/" + therapistParticipant + "/link",
                therapistA, null).status());
    }

    @Test
    void admin_books_for_a_therapist_and_gets_no_link_which_the_therapist_sees_instead() {
        String admin = api.loginAdmin();
        String therapistId = server.users().findByEmail("b@test.local").orElseThrow().id();
        JsonNode session = Api.expect(201, api.send("POST", "/api/sessions", admin,
                "{\"startsAt\":" + at(now) + ",\"durationMinutes\":50,\"clients\":[{\"name\":\"C\"}],\"therapistId\":\""
                        + therapistId + "\"}"));
        assertEquals(therapistId, session.get("therapistId").asText());
        assertNull(session.get("therapistLink"));
        assertEquals("C", session.get("clientLinks").get(0).get("name").asText());
        assertFalse(session.toString().contains("/join#"), "an admin could join as the client with it: " + session);
        String clientId = session.get("clientLinks").get(0).get("clientId").asText();
        JsonNode reissued = Api.expect(200, api.send("POST", "/api/sessions/" + session.get("id").asText()
                + "/clients/" + clientId + "/link", admin, null));
        assertFalse(reissued.has("link"), "an admin's reissue revokes the old link but shows no new one: " + reissued);
        // The therapist the session was booked for has the links to send.
        JsonNode own = api.getSession(therapistB, session.get("id").asText());
        assertTrue(own.get("clientLinks").get(0).get("link").asText().contains("/join#"));
        assertEquals(400, api.send("POST", "/api/sessions", admin, body(at(now), 50, "[{\"name\":\"C\"}]")).status());
    }

    @Test
    void therapist_cannot_book_for_another_therapist() {
        assertEquals(403, api.send("POST", "/api/sessions", therapistA,
                "{\"startsAt\":" + at(now) + ",\"durationMinutes\":50,\"clients\":[{\"name\":\"C\"}],\"therapistId\":\"u_x\"}")
                .status());
    }

    @Test
    void each_invalid_scheduling_field_is_named() {
        String one = "[{\"name\":\"C\",\"email\":\"c@test.local\"}]";
        assertField("startsAt", body("null", 50, one));
        assertField("startsAt", body("\"tomorrow\"", 50, one));
        assertField("startsAt", body(at(now.minus(Duration.ofHours(2))), 50, one));
        assertField("durationMinutes", body(at(now), 0, one));
        assertField("durationMinutes", body(at(now), 241, one));
        assertField("durationMinutes", body(at(now), "\"fifty\"", one));
        assertField("durationMinutes", body(at(now), "null", one));
        assertField("clients", body(at(now), 50, "[]"));
        assertField("clients", body(at(now), 50, "null"));
        String six = "[" + "{\"name\":\"C\"},".repeat(5) + "{\"name\":\"C\"}]";
        assertField("clients", body(at(now), 50, six));
        assertField("clients[0].name", body(at(now), 50, "[{\"name\":\" \"}]"));
        assertField("clients[1].email", body(at(now), 50, "[{\"name\":\"A\"},{\"name\":\"B\",\"email\":\"nope\"}]"));
        Api.Response unknown = api.send("POST", "/api/sessions", therapistA,
                body(at(now), 50, "[{\"name\":\"C\",\"phone\":\"1\"}]"));
        assertEquals(400, unknown.status());
        assertEquals("clients[0].phone", unknown.json().get("field").asText());
    }

    @Test
    void boundary_values_are_accepted() {
        String five = "[" + "{\"name\":\"C\"},".repeat(4) + "{\"name\":\"C\"}]";
        assertEquals(201, api.send("POST", "/api/sessions", therapistA, body(at(now), 1, five)).status());
        assertEquals(201, api.send("POST", "/api/sessions", therapistA,
                body(at(now.minus(Duration.ofMinutes(59))), 240, "[{\"name\":\"C\"}]")).status());
        assertEquals(201, api.send("POST", "/api/sessions", therapistA,
                body("\"2030-01-31T15:00:00+01:00\"", 50, "[{\"name\":\"C\"}]")).status());
    }

    private void assertField(String field, String body) {
        Api.Response response = api.send("POST", "/api/sessions", therapistA, body);
        assertEquals(400, response.status(), body + " -> " + response.body());
        assertEquals("urn:alcove:problem:invalid-field", response.json().get("type").asText(), body);
        assertEquals(field, response.json().get("field").asText(), body);
    }
}
