package org.alcove.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.LiveScenes;
import org.alcove.server.testing.LiveViewStream;
import org.alcove.server.testing.SignalingClient;
import org.alcove.server.testing.TestServer;
import org.alcove.signaling.protocol.ClientMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveViewIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String CLIENT_NAME = "Quentin Privateperson";

    private TestServer server;
    private Api api;
    private String admin;
    private String therapist;

    @BeforeEach
    void start() {
        server = TestServer.start();
        api = server.api();
        admin = api.loginAdmin();
        therapist = api.newTherapist("live@example.test");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void the_live_view_follows_a_client_joining_waiting_being_admitted_and_leaving() {
        BookedSession booking = BookedSession.book(server, therapist, server.clock().instant(), 50, CLIENT_NAME);
        try (LiveViewStream live = LiveViewStream.open(server.uri(), admin);
             SignalingClient t = SignalingClient.join(server.uri(), booking.therapistToken())) {
            assertTrue(live.contentType().startsWith("text/event-stream"), live.contentType());
            t.nextOfType("welcome", WAIT);
            JsonNode therapistOnly = live.await(view -> session(view, booking) != null, WAIT);
            JsonNode s = session(therapistOnly, booking);
            assertEquals("in-call", s.path("state").asText());
            assertEquals("Therapist live@example.test", s.path("therapistName").asText());
            assertEquals(1, s.path("inCall").path("therapist").asInt());

            server.clock().advance(Duration.ofSeconds(30));
            SignalingClient c = SignalingClient.join(server.uri(), booking.clientToken(0));
            c.nextOfType("welcome", WAIT);
            JsonNode waiting = session(live.await(view -> waitingCount(view, booking) == 1, WAIT), booking);
            assertEquals(booking.clientId(0), waiting.path("waiting").get(0).path("participantId").asText());
            assertEquals(server.clock().instant().toString(), waiting.path("waiting").get(0).path("since").asText());
            assertEquals("waiting", participant(waiting, booking.clientId(0)).path("state").asText());

            // Admitted by hand, not by the scene: the test follows the view through each step.
            t.send(new ClientMessage.Admit(booking.clientId(0)));
            JsonNode admitted = session(live.await(view -> clientsInCall(view, booking) == 1, WAIT), booking);
            assertEquals(0, admitted.path("waiting").size());
            assertEquals("connected", participant(admitted, booking.clientId(0)).path("state").asText());

            c.send(new ClientMessage.Quality(booking.therapistId(), 85, 1.5, true));
            JsonNode quality = participant(session(live.await(view -> participant(session(view, booking),
                    booking.clientId(0)).path("quality").size() == 1, WAIT), booking), booking.clientId(0)).path("quality").get(0);
            assertEquals(booking.therapistId(), quality.path("peerId").asText());
            assertEquals(85, quality.path("rttMs").asInt());
            assertEquals(1.5, quality.path("lossPercent").asDouble());
            assertTrue(quality.path("relayed").asBoolean());

            c.drop();
            JsonNode dropped = session(live.await(view -> "reconnecting".equals(
                    participant(session(view, booking), booking.clientId(0)).path("state").asText()), WAIT), booking);
            assertEquals(1, dropped.path("inCall").path("client").asInt());

            SignalingClient back = SignalingClient.join(server.uri(), booking.clientToken(0), resumeKey(c));
            back.nextOfType("welcome", WAIT);
            JsonNode resumed = participant(session(live.await(view -> participant(session(view, booking),
                    booking.clientId(0)).path("reconnects").asInt() == 1, WAIT), booking), booking.clientId(0));
            assertEquals("connected", resumed.path("state").asText());

            back.send(new ClientMessage.Leave());
            live.await(view -> clientsInCall(view, booking) == 0, WAIT);
            back.close();
            assertFalse(live.rawText().contains(CLIENT_NAME), "no client name in the live view");
        }
    }

    @Test
    void a_disabled_admins_open_live_view_ends_and_carries_nothing_more() {
        String id = api.createUser("second-admin@example.test", "Second Admin", "admin", "second-admin-password")
                .path("id").asText();
        String second = api.login("second-admin@example.test", "second-admin-password");
        BookedSession booking = BookedSession.book(server, therapist, server.clock().instant(), 50, CLIENT_NAME);
        try (LiveViewStream live = LiveViewStream.open(server.uri(), second)) {
            live.await(view -> true, WAIT);
            Api.expect(200, api.send("POST", "/api/users/" + id + "/disable", admin, null));
            try (SignalingClient t = SignalingClient.join(server.uri(), booking.therapistToken())) {
                t.nextOfType("welcome", WAIT);
                assertTrue(live.awaitEnd(WAIT), "the disabled admin's stream was ended");
                assertFalse(live.rawText().contains(booking.sessionId()), "no event after the disable");
            }
        }
    }

    @Test
    void relayed_negotiation_never_reaches_the_live_view() {
        BookedSession booking = BookedSession.book(server, therapist, server.clock().instant(), 50, CLIENT_NAME);
        String sdp = "v=0\r\no=- 46117 2 IN IP4 127.0.0.1\r\na=fingerprint:sha-256 AB:CD\r\na=ice-ufrag:Zq9x\r\n";
        String candidate = "candidate:842163049 1 udp 1677729535 192.0.2.7 46154 typ srflx";
        try (LiveViewStream live = LiveViewStream.open(server.uri(), admin);
             LiveScenes.Call call = LiveScenes.on(server).admitted(booking, 0)) {
            SignalingClient t = call.therapist();
            SignalingClient c = call.client();
            t.send(new ClientMessage.Offer(booking.clientId(0), sdp));
            assertEquals(sdp, c.nextOfType("offer", WAIT).path("sdp").asText());
            c.send(new ClientMessage.Answer(booking.therapistId(), sdp));
            c.send(new ClientMessage.Candidate(booking.therapistId(), candidate, "0", 0));
            assertEquals(candidate, t.nextOfType("candidate", WAIT).path("candidate").asText());
            c.send(new ClientMessage.Quality(booking.therapistId(), 33, 0.0, false));
            live.await(view -> view.toString().contains("\"rttMs\":33"), WAIT);

            String raw = live.rawText();
            for (String forbidden : List.of("v=0", "candidate:", "a=", "sdp", "fingerprint", "192.0.2.7", CLIENT_NAME)) {
                assertFalse(raw.contains(forbidden), "the admin stream carried '" + forbidden + "'");
            }
        }
    }

    @Test
    void the_active_sessions_snapshot_has_the_same_shape_as_a_push_event() {
        BookedSession booking = BookedSession.book(server, therapist, server.clock().instant(), 50, CLIENT_NAME);
        try (SignalingClient t = SignalingClient.join(server.uri(), booking.therapistToken());
             SignalingClient c = SignalingClient.join(server.uri(), booking.clientToken(0))) {
            t.nextOfType("welcome", WAIT);
            c.nextOfType("welcome", WAIT);
            server.clock().advance(Duration.ofSeconds(90));
            JsonNode view = Api.expect(200, api.send("GET", "/api/admin/sessions/active", admin, null));
            assertEquals(server.clock().instant().toString(), view.path("at").asText());
            JsonNode s = session(view, booking);
            assertEquals(booking.sessionId(), s.path("sessionId").asText());
            assertEquals(90, s.path("durationSeconds").asLong());
            assertEquals(90, s.path("waiting").get(0).path("waitingSeconds").asLong());
            assertEquals(List.of("participantId", "role", "state", "admitted", "since", "reconnects", "quality"),
                    fieldNames(s.path("participants").get(1)));
            assertFalse(view.toString().contains(CLIENT_NAME));
        }
    }

    @Test
    void sessions_without_a_live_room_are_not_listed() {
        BookedSession.book(server, therapist, server.clock().instant(), 50, CLIENT_NAME);
        JsonNode view = Api.expect(200, api.send("GET", "/api/admin/sessions/active", admin, null));
        assertEquals(0, view.path("sessions").size());
    }

    @Test
    void only_admins_may_watch() {
        assertEquals(403, api.send("GET", "/api/admin/live", therapist, null).status());
        assertEquals(401, api.send("GET", "/api/admin/live", null, null).status());
        assertEquals(403, api.send("GET", "/api/admin/sessions/active", therapist, null).status());
        assertEquals(401, api.send("GET", "/api/admin/sessions/active", null, null).status());
        assertEquals(401, api.send("GET", "/api/admin/live", "not-a-token", null).status());
        assertEquals(405, api.send("POST", "/api/admin/live", admin, "{}", Map.of()).status());
    }

    private static String resumeKey(SignalingClient client) {
        return client.received().stream().filter(m -> m.path("type").asText().equals("welcome"))
                .findFirst().orElseThrow().path("resumeKey").asText();
    }

    static JsonNode session(JsonNode view, BookedSession booking) {
        for (JsonNode s : view.path("sessions")) {
            if (s.path("sessionId").asText().equals(booking.sessionId())) {
                return s;
            }
        }
        return null;
    }

    private static JsonNode participant(JsonNode session, String id) {
        if (session == null) {
            return Api.JSON.missingNode();
        }
        for (JsonNode p : session.path("participants")) {
            if (p.path("participantId").asText().equals(id)) {
                return p;
            }
        }
        return Api.JSON.missingNode();
    }

    private static int waitingCount(JsonNode view, BookedSession booking) {
        JsonNode s = session(view, booking);
        return s == null ? -1 : s.path("waiting").size();
    }

    private static int clientsInCall(JsonNode view, BookedSession booking) {
        JsonNode s = session(view, booking);
        return s == null ? -1 : s.path("inCall").path("client").asInt();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
