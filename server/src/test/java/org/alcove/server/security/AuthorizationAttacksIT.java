package org.alcove.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.LiveViewStream;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.SignalingClient;
import org.alcove.signaling.protocol.ClientMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Authorization: who may do what to which session. Every refusal is checked to change nothing,
 * and the bystander call (another therapist's session on the same server) to be undisturbed.
 */
@Adversarial
class AuthorizationAttacksIT {
    private static final Duration WAIT = Arena.WAIT;
    /** Every HTTP route (method, path with placeholders); {s}=session, {c}=client, {u}=user. */
    private static final List<String[]> ROUTES = List.of(
            new String[] {"POST", "/api/sessions"},
            new String[] {"GET", "/api/sessions"},
            new String[] {"GET", "/api/sessions/limits"},
            new String[] {"GET", "/api/sessions/{s}"},
            new String[] {"DELETE", "/api/sessions/{s}"},
            new String[] {"POST", "/api/sessions/{s}/clients/{c}/link"},
            new String[] {"GET", "/api/sessions/{s}/attendance"},
            new String[] {"GET", "/api/auth/me"},
            new String[] {"POST", "/api/users"},
            new String[] {"GET", "/api/users"},
            new String[] {"POST", "/api/users/{u}/disable"},
            new String[] {"POST", "/api/users/{u}/enable"},
            new String[] {"POST", "/api/users/{u}/password"},
            new String[] {"GET", "/api/admin/live"},
            new String[] {"GET", "/api/admin/sessions/active"},
            new String[] {"POST", "/api/admin/sessions/{s}/end"},
            new String[] {"POST", "/api/admin/sessions/{s}/participants/{c}/remove"},
            new String[] {"GET", "/api/admin/audit"});

    @RegisterExtension
    static final Arena ARENA = new Arena();

    private static Arena arena() {
        return ARENA;
    }

    private static Api api() {
        return ARENA.api();
    }

    /**
     * Attack: a client of one session names the participants of another session (the bystander's)
     * in every field that takes an id. Outcome: {@code unknown-participant} or {@code not-allowed}
     * for each, exactly as for an id that does not exist; nothing reaches the other session.
     */
    @Test
    void ids_from_another_session_in_any_field_reach_no_one() {
        BookedSession booking = arena().book(1);
        Bystander.Ids other = arena().bystander().ids();
        try (Arena.Call call = arena().admitted(booking, 0)) {
            for (String foreign : List.of(other.therapistId(), other.clientId(), "p_doesNotExist0000000000")) {
                call.client().send(new ClientMessage.Offer(foreign, "v=0"));
                assertEquals("unknown-participant", call.client().nextErrorCode(WAIT));
                call.client().send(new ClientMessage.Answer(foreign, "v=0"));
                assertEquals("unknown-participant", call.client().nextErrorCode(WAIT));
                call.client().send(new ClientMessage.Candidate(foreign, "candidate:1 1 udp 1 192.0.2.9 9 typ host", "0", 0));
                assertEquals("unknown-participant", call.client().nextErrorCode(WAIT));
                call.client().send(new ClientMessage.IceRestart(foreign));
                assertEquals("unknown-participant", call.client().nextErrorCode(WAIT));
                call.client().send(new ClientMessage.Quality(foreign, 20, 0.0, false));
                assertEquals("unknown-participant", call.client().nextErrorCode(WAIT));

                call.therapist().send(new ClientMessage.Admit(foreign));
                assertEquals("unknown-participant", call.therapist().nextErrorCode(WAIT));
                call.therapist().send(new ClientMessage.Decline(foreign));
                assertEquals("unknown-participant", call.therapist().nextErrorCode(WAIT));
                call.therapist().send(new ClientMessage.Remove(foreign));
                assertEquals("unknown-participant", call.therapist().nextErrorCode(WAIT));
                call.therapist().send(new ClientMessage.Offer(foreign, "v=0"));
                assertEquals("unknown-participant", call.therapist().nextErrorCode(WAIT));
            }
            assertTrue(call.client().isOpen() && call.therapist().isOpen(), "errors are not fatal");
        }
    }

    /**
     * Attack: a client, admitted or still waiting, sends every therapist action (admit, decline,
     * remove, extend, end). Outcome: {@code not-allowed} each time, the socket stays open, and
     * the session is exactly as before: still running, the waiting client still waiting.
     */
    @Test
    void a_client_is_refused_every_therapist_action_and_nothing_changes() {
        BookedSession booking = arena().book(2);
        try (Arena.Call call = arena().admitted(booking, 0);
             SignalingClient waiting = SignalingClient.join(arena().uri(), booking.clientToken(1))) {
            waiting.nextOfType("welcome", WAIT);
            for (SignalingClient client : List.of(call.client(), waiting)) {
                for (ClientMessage action : List.of(new ClientMessage.Admit(booking.clientId(1)),
                        new ClientMessage.Decline(booking.clientId(1)), new ClientMessage.Remove(booking.clientId(0)),
                        new ClientMessage.Remove(booking.therapistId()), new ClientMessage.Extend(30),
                        new ClientMessage.End())) {
                    client.send(action);
                    assertEquals("not-allowed", client.nextErrorCode(WAIT), action.toString());
                }
            }
            // Nothing changed: the therapist still admits the waiting client and the call goes on.
            call.therapist().send(new ClientMessage.Admit(booking.clientId(1)));
            waiting.nextOfType("roster", WAIT);
            call.client().nextOfType("peer-joined", WAIT);
            assertFalse(call.client().types().contains("session-ended"));
            assertFalse(call.client().types().contains("session-extended"));
        }
    }

    /**
     * Attack: a client's join token presented to every HTTP route, as a bearer token and as the
     * session cookie. Outcome: 401 everywhere; a join link is never a staff sign-in.
     */
    @Test
    void a_join_token_opens_no_http_route() {
        BookedSession booking = arena().book(1);
        for (String[] route : ROUTES) {
            String path = fill(route[1], booking.sessionId(), booking.clientId(0), "u_any");
            String body = route[0].equals("GET") ? null : "{}";
            assertEquals(401, api().send(route[0], path, booking.clientToken(0), body).status(), route[0] + " " + path);
            assertEquals(401, api().send(route[0], path, null, body, Map.of("Cookie", "alcove_session=" + booking.clientToken(0),
                    "Origin", arena().uri().toString().replaceAll("/$", ""))).status(), "cookie " + route[0] + " " + path);
        }
        // The session was not touched by any of it.
        assertEquals("scheduled", api().getSession(arena().therapistLogin(), booking.sessionId()).path("status").asText());
    }

    /**
     * Attack: a therapist reaches for another therapist's session over HTTP (read, cancel, reissue
     * a link, attendance) and for the admin-only routes. Outcome: the foreign session answers
     * 404 exactly as an id that does not exist does; admin routes answer 403; nothing changes.
     */
    @Test
    void a_therapist_cannot_reach_another_therapists_session_over_http() {
        String intruder = api().newTherapist("intruder-http@example.test");
        BookedSession victim = arena().book(1);
        String absent = "s_doesNotExist0000000000";
        List<String[]> sessionRoutes = List.of(
                new String[] {"GET", "/api/sessions/{s}"},
                new String[] {"DELETE", "/api/sessions/{s}"},
                new String[] {"POST", "/api/sessions/{s}/clients/{c}/link"},
                new String[] {"GET", "/api/sessions/{s}/attendance"});
        for (String[] route : sessionRoutes) {
            Api.Response foreign = api().send(route[0], fill(route[1], victim.sessionId(), victim.clientId(0), ""), intruder, null);
            Api.Response missing = api().send(route[0], fill(route[1], absent, "p_doesNotExist0000000000", ""), intruder, null);
            assertEquals(404, foreign.status(), route[0] + " " + route[1] + ": " + foreign.body());
            assertEquals(missing.body(), foreign.body(), "a foreign session must look absent: " + route[1]);
        }
        for (String[] route : ROUTES) {
            if (route[1].startsWith("/api/admin/") || route[1].startsWith("/api/users")) {
                String body = route[0].equals("GET") ? null : "{}";
                assertEquals(403, api().send(route[0], fill(route[1], victim.sessionId(), victim.clientId(0),
                        "u_any"), intruder, body).status(), route[0] + " " + route[1]);
            }
        }
        // A therapist's list shows only their own sessions.
        for (JsonNode session : api().send("GET", "/api/sessions", intruder, null).json().path("sessions")) {
            assertFalse(session.path("id").asText().equals(victim.sessionId()), "listed a foreign session");
        }
        // The victim's session is untouched and its client link still works.
        assertEquals("scheduled", api().getSession(arena().therapistLogin(), victim.sessionId()).path("status").asText());
        try (SignalingClient client = SignalingClient.join(arena().uri(), victim.clientToken(0))) {
            client.nextOfType("welcome", WAIT);
        }
    }

    /**
     * Attack: a therapist in their own call addresses the participants of another therapist's
     * live call (the bystander) by id. Outcome: {@code unknown-participant}; the socket's token
     * binds it to one session and no message can name a way out of it.
     */
    @Test
    void a_therapist_cannot_reach_another_therapists_call_over_the_socket() {
        BookedSession own = arena().book(1);
        Bystander.Ids other = arena().bystander().ids();
        try (Arena.Call call = arena().admitted(own, 0)) {
            for (ClientMessage message : List.of(new ClientMessage.Admit(other.clientId()),
                    new ClientMessage.Remove(other.clientId()), new ClientMessage.Decline(other.clientId()),
                    new ClientMessage.Offer(other.clientId(), "v=0"),
                    new ClientMessage.Candidate(other.therapistId(), "candidate:1 1 udp 1 192.0.2.9 9 typ host", "0", 0),
                    new ClientMessage.IceRestart(other.therapistId()))) {
                call.therapist().send(message);
                assertEquals("unknown-participant", call.therapist().nextErrorCode(WAIT), message.toString());
            }
            // End and extend act on the caller's own session only.
            call.therapist().send(new ClientMessage.Extend(5));
            call.client().nextOfType("session-extended", WAIT);
        }
    }

    /**
     * Attack: an admin tries to receive a call's negotiation: with their login token on the
     * signalling socket, and by watching the live view while a call negotiates. Outcome: the
     * socket refuses the login token ({@code auth-failed}, 4002); the live view carries
     * metadata only, never SDP, candidates or addresses.
     */
    @Test
    void an_admin_channel_never_receives_negotiation() {
        String admin = api().loginAdmin();
        try (SignalingClient socket = SignalingClient.join(arena().uri(), admin)) {
            assertEquals("auth-failed", socket.nextErrorCode(WAIT));
            assertEquals(4002, socket.awaitClose(WAIT));
        }
        BookedSession booking = arena().book(1);
        String sdp = "v=0\r\no=- 1 2 IN IP4 203.0.113.91\r\ns=-\r\nt=0 0\r\na=x-marker:admin-must-not-see\r\n";
        String candidate = "candidate:7 1 udp 2122260223 203.0.113.92 40404 typ host";
        try (LiveViewStream live = LiveViewStream.open(arena().uri(), admin);
             Arena.Call call = arena().admitted(booking, 0)) {
            live.await(event -> event.toString().contains(booking.sessionId()), WAIT);
            call.therapist().send(new ClientMessage.Offer(booking.clientId(0), sdp));
            assertEquals(sdp, call.client().nextOfType("offer", WAIT).path("sdp").asText());
            call.client().send(new ClientMessage.Candidate(booking.therapistId(), candidate, "0", 0));
            call.therapist().nextOfType("candidate", WAIT);
            call.client().send(new ClientMessage.Quality(booking.therapistId(), 35, 0.5, false));
            // The live view does report the quality: so it has seen everything the call sent after the offer.
            live.await(event -> event.toString().contains("\"rttMs\":35"), WAIT);
            String raw = live.rawText();
            for (String secret : List.of("v=0", "admin-must-not-see", "203.0.113.91", "203.0.113.92", "candidate:", "sdp")) {
                assertFalse(raw.contains(secret), "the admin live view carried " + secret);
            }
        }
    }

    /**
     * Attack: an admin obtains a client's link (by booking for a therapist, reissuing, reading or
     * listing sessions) to join as that client and, once the therapist admits "the client",
     * receive the call. Outcome: no admin answer ever carries a link; an admin's reissue only
     * revokes the old one, and the therapist has the new one to send.
     */
    @Test
    void an_admin_never_obtains_a_link_into_a_session() {
        String admin = api().loginAdmin();
        String therapistId = arena().testServer().users().findByEmail(arena().therapistEmail()).orElseThrow().id();
        Api.Response booked = api().send("POST", "/api/sessions", admin, "{\"startsAt\":\"" + arena().now()
                + "\",\"durationMinutes\":50,\"clients\":[{\"name\":\"" + Arena.CLIENT_NAME_PREFIX
                + " Booked\"}],\"therapistId\":\"" + therapistId + "\"}");
        assertEquals(201, booked.status(), booked.body());
        String sessionId = booked.json().path("id").asText();
        String clientId = booked.json().path("clientLinks").get(0).path("clientId").asText();
        String therapistLink = api().getSession(arena().therapistLogin(), sessionId).path("clientLinks").get(0)
                .path("link").asText();
        List<Api.Response> answers = List.of(booked,
                api().send("GET", "/api/sessions/" + sessionId, admin, null),
                api().send("GET", "/api/sessions", admin, null),
                api().send("POST", "/api/sessions/" + sessionId + "/clients/" + clientId + "/link", admin, null));
        for (Api.Response answer : answers) {
            assertTrue(answer.status() < 300, answer.body());
            assertFalse(answer.body().contains("/join#"), "an admin received a link: " + answer.body());
        }
        // The admin's reissue revoked the link the therapist had; the therapist has the new one.
        try (SignalingClient old = SignalingClient.join(arena().uri(), Api.tokenOf(therapistLink))) {
            assertEquals("link-reissued", old.nextErrorCode(WAIT));
        }
        String fresh = api().getSession(arena().therapistLogin(), sessionId).path("clientLinks").get(0).path("link").asText();
        try (SignalingClient client = SignalingClient.join(arena().uri(), Api.tokenOf(fresh))) {
            assertEquals("waiting", client.nextOfType("welcome", WAIT).path("state").asText());
        }
    }

    /**
     * Attack: enumerate ids. Outcome: an absent id and an existing id the caller may not see get
     * byte-identical answers, for sessions, their clients and accounts.
     */
    @Test
    void absent_and_forbidden_ids_get_the_same_answer() {
        String intruder = api().newTherapist("intruder-ids@example.test");
        BookedSession victim = arena().book(1);
        BookedSession own = arena().book(intruder, arena().now(), 50, 1);
        // A client of someone else's session, addressed through the intruder's own session.
        Api.Response foreignClient = api().send("POST", "/api/sessions/" + own.sessionId() + "/clients/"
                + victim.clientId(0) + "/link", intruder, null);
        Api.Response absentClient = api().send("POST", "/api/sessions/" + own.sessionId()
                + "/clients/p_doesNotExist0000000000/link", intruder, null);
        assertEquals(404, foreignClient.status());
        assertEquals(absentClient.body(), foreignClient.body());
        // The therapist seat of one's own session is not a client whose link can be reissued.
        Api.Response therapistSeat = api().send("POST", "/api/sessions/" + own.sessionId() + "/clients/"
                + own.therapistId() + "/link", intruder, null);
        assertEquals(absentClient.body(), therapistSeat.body());
        // Accounts: a therapist gets the same refusal whether the account exists or not.
        String existing = arena().testServer().users().findByEmail(arena().therapistEmail()).orElseThrow().id();
        for (String action : List.of("disable", "enable", "password")) {
            Api.Response real = api().send("POST", "/api/users/" + existing + "/" + action, intruder, "{}");
            Api.Response none = api().send("POST", "/api/users/u_doesNotExist0000000000/" + action, intruder, "{}");
            assertEquals(403, real.status());
            assertEquals(none.body(), real.body(), action);
        }
        // The victim's client link was not reissued by any of this: it still joins.
        try (SignalingClient client = SignalingClient.join(arena().uri(), victim.clientToken(0))) {
            client.nextOfType("welcome", WAIT);
        }
    }

    private static String fill(String pattern, String sessionId, String clientId, String userId) {
        return pattern.replace("{s}", sessionId).replace("{c}", clientId).replace("{u}", userId);
    }
}
