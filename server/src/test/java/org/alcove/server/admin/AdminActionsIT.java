package org.alcove.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.audit.AuditEvent;
import org.alcove.server.store.ParticipantStatus;
import org.alcove.server.store.SessionStatus;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.LiveStage;
import org.alcove.server.testing.SignalingClient;
import org.alcove.server.testing.TestServer;
import org.alcove.signaling.protocol.EndReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminActionsIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    static final LiveStage live = new LiveStage();

    private TestServer server;
    private Api api;
    private String admin;
    private String adminId;
    private String therapist;

    @BeforeEach
    void start() {
        server = live.testServer();
        api = server.api();
        admin = api.loginAdmin();
        adminId = server.users().findByEmail(TestServer.ADMIN_EMAIL).orElseThrow().id();
        therapist = live.therapistLogin();
    }

    @Test
    void ending_a_live_session_shows_the_reason_to_the_therapist_and_ends_it_for_everyone() {
        BookedSession booking = BookedSession.book(server, therapist, server.clock().instant(), 50, "Client A");
        try (LiveStage.Call call = live.admitted(booking, 0)) {
            SignalingClient t = call.therapist();
            SignalingClient c = call.client();

            Api.expect(204, end(booking, "<b>Safeguarding</b> & \"policy\""));

            JsonNode action = t.nextOfType("admin-action", WAIT);
            assertEquals("ended", action.path("action").asText());
            assertEquals("<b>Safeguarding</b> & \"policy\"", action.path("reason").asText());
            assertEquals("ended-by-admin", t.nextOfType("session-ended", WAIT).path("reason").asText());
            assertEquals("ended-by-admin", c.nextOfType("session-ended", WAIT).path("reason").asText());
            assertEquals(4010, c.awaitClose(WAIT));
            assertFalse(c.types().contains("admin-action"), "only the therapist is told the admin's reason");
        }
        assertEquals(SessionStatus.ENDED, stored(booking).status());
        assertEquals(EndReason.ENDED_BY_ADMIN, stored(booking).endReason());
        AuditEvent row = auditRow(booking, "admin.session-ended");
        assertEquals(adminId, row.actorId());
        assertEquals("<b>Safeguarding</b> & \"policy\"", row.detail());
        awaitStored(() -> events(booking).contains("room.ended"));
        try (SignalingClient late = SignalingClient.join(server.uri(), booking.therapistToken())) {
            assertEquals("session-ended", late.nextErrorCode(WAIT));
        }
    }

    @Test
    void ending_a_session_nobody_joined_stores_the_end() {
        BookedSession booking = BookedSession.book(server, therapist, server.clock().instant(), 50, "Client A");
        Api.expect(204, end(booking, "Booked by mistake"));
        assertEquals(SessionStatus.ENDED, stored(booking).status());
        assertEquals(409, end(booking, "again").status());
        assertEquals("urn:alcove:problem:session-not-scheduled", end(booking, "again").json().path("type").asText());
        try (SignalingClient c = SignalingClient.join(server.uri(), booking.clientToken(0))) {
            assertEquals("session-ended", c.nextErrorCode(WAIT));
        }
    }

    @Test
    void removing_a_client_in_the_call_tells_the_therapist_and_bars_the_link() {
        BookedSession booking = BookedSession.book(server, therapist, server.clock().instant(), 50, "Client A", "Client B");
        try (LiveStage.Call call = live.admitted(booking, 0)) {
            SignalingClient t = call.therapist();
            SignalingClient c = call.client();

            Api.expect(204, remove(booking, booking.clientId(0), "Not the booked person"));

            JsonNode action = t.nextOfType("admin-action", WAIT);
            assertEquals("removed", action.path("action").asText());
            assertEquals(booking.clientId(0), action.path("participantId").asText());
            assertEquals("Not the booked person", action.path("reason").asText());
            JsonNode left = t.nextOfType("peer-left", WAIT);
            assertEquals("removed", left.path("reason").asText());
            assertEquals("removed", c.nextErrorCode(WAIT));
            assertEquals(4007, c.awaitClose(WAIT));
        }
        assertEquals(ParticipantStatus.REMOVED, participantStatus(booking, booking.clientId(0)));
        AuditEvent row = auditRow(booking, "admin.participant-removed");
        assertEquals(adminId, row.actorId());
        assertEquals(booking.clientId(0), row.participantId());
        assertEquals("Not the booked person", row.detail());
        try (SignalingClient again = SignalingClient.join(server.uri(), booking.clientToken(0))) {
            assertEquals("removed", again.nextErrorCode(WAIT));
        }
        assertEquals(409, remove(booking, booking.clientId(0), "again").status());
    }

    @Test
    void removing_a_client_with_no_live_room_stores_the_removal() {
        BookedSession booking = BookedSession.book(server, therapist, server.clock().instant(), 50, "Client A");
        Api.expect(204, remove(booking, booking.clientId(0), "Duplicate booking"));
        assertEquals(ParticipantStatus.REMOVED, participantStatus(booking, booking.clientId(0)));
        try (SignalingClient c = SignalingClient.join(server.uri(), booking.clientToken(0))) {
            assertEquals("removed", c.nextErrorCode(WAIT));
        }
    }

    @Test
    void the_therapist_cannot_be_removed_and_unknown_ids_are_not_found() {
        BookedSession booking = BookedSession.book(server, therapist, server.clock().instant(), 50, "Client A");
        Api.Response therapistRemoval = remove(booking, booking.therapistId(), "why not");
        assertEquals(409, therapistRemoval.status());
        assertEquals("urn:alcove:problem:not-removable", therapistRemoval.json().path("type").asText());
        assertEquals(404, remove(booking, "p_nobody", "x").status());
        assertEquals(404, api.send("POST", "/api/admin/sessions/s_nothing/end", admin, "{\"reason\":\"x\"}").status());
    }

    @Test
    void a_reason_of_1_to_500_characters_is_required() {
        BookedSession booking = BookedSession.book(server, therapist, server.clock().instant(), 50, "Client A");
        for (String body : List.of("{}", "{\"reason\":\"   \"}", "{\"reason\":\"" + "x".repeat(501) + "\"}", "{\"reason\":5}")) {
            Api.Response response = api.send("POST", "/api/admin/sessions/" + booking.sessionId() + "/end", admin, body);
            assertEquals(400, response.status(), body);
            assertEquals("reason", response.json().path("field").asText(), body);
        }
        assertEquals(400, api.send("POST", "/api/admin/sessions/" + booking.sessionId() + "/end", admin,
                "{\"reason\":\"ok\",\"extra\":1}").status());
        assertEquals(SessionStatus.SCHEDULED, stored(booking).status());
        Api.expect(204, end(booking, "x".repeat(500)));
    }

    @Test
    void therapists_get_403_anonymous_callers_401_and_cookie_changes_need_a_same_origin() {
        BookedSession booking = BookedSession.book(server, therapist, server.clock().instant(), 50, "Client A");
        String endPath = "/api/admin/sessions/" + booking.sessionId() + "/end";
        String removePath = "/api/admin/sessions/" + booking.sessionId() + "/participants/" + booking.clientId(0) + "/remove";
        String body = "{\"reason\":\"r\"}";
        for (String path : List.of(endPath, removePath)) {
            assertEquals(403, api.send("POST", path, therapist, body).status(), path);
            assertEquals(401, api.send("POST", path, null, body).status(), path);
            Map<String, String> cookie = Map.of("Cookie", "alcove_session=" + admin);
            assertEquals(403, api.send("POST", path, null, body, cookie).status(), path);
            assertEquals(403, api.send("POST", path, null, body,
                    Map.of("Cookie", "alcove_session=" + admin, "Origin", "https://evil.example")).status(), path);
        }
        assertEquals(SessionStatus.SCHEDULED, stored(booking).status());
        Api.expect(204, api.send("POST", endPath, null, body,
                Map.of("Cookie", "alcove_session=" + admin, "Origin", server.uri().toString())));
    }

    private Api.Response end(BookedSession booking, String reason) {
        return api.send("POST", "/api/admin/sessions/" + booking.sessionId() + "/end", admin,
                Api.JSON.createObjectNode().put("reason", reason).toString());
    }

    private Api.Response remove(BookedSession booking, String participantId, String reason) {
        return api.send("POST", "/api/admin/sessions/" + booking.sessionId() + "/participants/" + participantId
                + "/remove", admin, Api.JSON.createObjectNode().put("reason", reason).toString());
    }

    private org.alcove.server.store.SessionRecord stored(BookedSession booking) {
        return server.sessions().find(booking.sessionId()).orElseThrow();
    }

    private ParticipantStatus participantStatus(BookedSession booking, String id) {
        return server.sessions().findParticipant(booking.sessionId(), id).orElseThrow().status();
    }

    private List<String> events(BookedSession booking) {
        return server.audit().forSession(booking.sessionId()).stream().map(AuditEvent::event).toList();
    }

    private AuditEvent auditRow(BookedSession booking, String event) {
        return server.audit().forSession(booking.sessionId()).stream()
                .filter(e -> e.event().equals(event)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + event + " row in " + events(booking)));
    }

    private static void awaitStored(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not stored in time");
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
