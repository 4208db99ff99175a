package org.alcove.server.attendance;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.audit.AuditEvent;
import org.alcove.server.store.ParticipantRecord;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.SignalingClient;
import org.alcove.server.testing.TestServer;
import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttendanceIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private TestServer server;
    private Api api;
    private String therapist;

    @BeforeEach
    void start() {
        server = TestServer.start();
        api = server.api();
        therapist = api.newTherapist("attendance@example.test");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void attendance_of_a_real_session_with_a_drop_and_a_reconnect() {
        Instant t0 = server.clock().instant();
        JsonNode booked = api.schedule(therapist, t0, 50, "Client A");
        String sessionId = booked.path("id").asText();
        String clientId = booked.path("clientLinks").get(0).path("clientId").asText();
        String clientToken = Api.tokenOf(booked.path("clientLinks").get(0).path("link").asText());
        String therapistId = server.sessions().participants(sessionId).stream()
                .filter(p -> p.role() == Role.therapist).map(ParticipantRecord::id).findFirst().orElseThrow();

        try (SignalingClient t = SignalingClient.join(server.uri(), Api.tokenOf(booked.path("therapistLink").asText()))) {
            t.nextOfType("welcome", WAIT);
            awaitRow(sessionId, "room.joined", 1);

            advance(60);
            SignalingClient c = SignalingClient.join(server.uri(), clientToken);
            String resumeKey = c.nextOfType("welcome", WAIT).path("resumeKey").asText();
            awaitRow(sessionId, "room.joined", 2);

            advance(60);
            // Admitted by hand, not by the scene: attendance is timed from each step, with the clock moved between them.
            t.send(new ClientMessage.Admit(clientId));
            c.nextOfType("roster", WAIT);

            advance(480);
            c.drop();
            t.nextOfType("peer-reconnecting", WAIT);

            advance(30);
            try (SignalingClient back = SignalingClient.join(server.uri(), clientToken, resumeKey)) {
                back.nextOfType("welcome", WAIT);
                t.nextOfType("peer-reconnected", WAIT);

                advance(870);
                back.send(new ClientMessage.Leave());
                t.nextOfType("peer-left", WAIT);
            }
            advance(300);
            t.send(new ClientMessage.End());
            t.nextOfType("session-ended", WAIT);
            awaitRow(sessionId, "room.ended", 1);
        }
        advance(600);

        JsonNode report = Api.expect(200, api.send("GET", "/api/sessions/" + sessionId + "/attendance", therapist, null));
        assertEquals(sessionId, report.path("sessionId").asText());
        JsonNode th = report.path("participants").get(0);
        assertEquals(therapistId, th.path("participantId").asText());
        assertEquals("therapist", th.path("role").asText());
        assertEquals(List.of(iv(t0, 0, 1800, "session-ended")), intervals(th));
        assertEquals(1800, th.path("presentSeconds").asLong());

        JsonNode client = report.path("participants").get(1);
        assertEquals(clientId, client.path("participantId").asText());
        assertEquals("Client A", client.path("name").asText());
        assertEquals(List.of(iv(t0, 120, 600, "connection-lost"), iv(t0, 630, 1500, "left")), intervals(client));
        assertEquals(480 + 870, client.path("presentSeconds").asLong());
        JsonNode gap = client.path("gaps").get(0);
        assertEquals(t0.plusSeconds(600).toString(), gap.path("from").asText());
        assertEquals(t0.plusSeconds(630).toString(), gap.path("to").asText());
        assertEquals("connection-lost", gap.path("reason").asText());
        assertEquals("left", client.path("leaveReason").asText());
        assertEquals(480 + 870, report.path("togetherSeconds").asLong());
        assertEquals(2, report.path("together").size());

        String admin = api.loginAdmin();
        assertEquals(report.path("participants"),
                Api.expect(200, api.send("GET", "/api/sessions/" + sessionId + "/attendance", admin, null)).path("participants"));
    }

    @Test
    void only_the_owning_therapist_and_admins_see_attendance() {
        JsonNode booked = api.schedule(therapist, server.clock().instant(), 50, "Client A");
        String path = "/api/sessions/" + booked.path("id").asText() + "/attendance";
        String other = api.newTherapist("other@example.test");
        assertEquals(404, api.send("GET", path, other, null).status());
        assertEquals(401, api.send("GET", path, null, null).status());
        assertEquals(404, api.send("GET", "/api/sessions/s_missing/attendance", therapist, null).status());
        JsonNode empty = Api.expect(200, api.send("GET", path, therapist, null));
        assertEquals(0, empty.path("togetherSeconds").asLong());
        assertTrue(empty.path("participants").get(1).path("present").isEmpty());
    }

    private void advance(long seconds) {
        server.clock().advance(Duration.ofSeconds(seconds));
    }

    private static String iv(Instant t0, long from, long to, String endedBy) {
        return t0.plusSeconds(from) + ".." + t0.plusSeconds(to) + " " + endedBy;
    }

    private static List<String> intervals(JsonNode person) {
        List<String> out = new java.util.ArrayList<>();
        person.path("present").forEach(i -> out.add(i.path("from").asText() + ".." + i.path("to").asText() + " "
                + i.path("endedBy").asText()));
        return out;
    }

    private void awaitRow(String sessionId, String event, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (server.audit().forSession(sessionId).stream().map(AuditEvent::event).filter(event::equals).count() < count) {
            assertTrue(System.nanoTime() < deadline, "no " + event + " row in time");
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
