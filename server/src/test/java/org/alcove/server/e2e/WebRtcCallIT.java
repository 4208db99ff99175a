package org.alcove.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.alcove.server.Main;
import org.alcove.server.Server;
import org.alcove.server.testing.LiveViewStream;
import org.alcove.server.testing.SessionRecorder;
import org.alcove.server.testing.TestServer;
import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.protocol.ServerMessage;
import org.alcove.signaling.protocol.ServerMessage.PeerJoined;
import org.alcove.signaling.protocol.ServerMessage.Roster;
import org.alcove.signaling.protocol.ServerMessage.SeatState;
import org.alcove.signaling.protocol.ServerMessage.WaitingList;
import org.alcove.signaling.protocol.ServerMessage.Welcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real WebRTC end-to-end test: webrtc-java peers join a session scheduled through
 * the HTTP API with the tokens from their links, wait to be admitted, negotiate only through
 * the server's relay (their only signalling path is their own socket) with the server's
 * politeness flags, and reach CONNECTED with a working data channel in every direction.
 */
class WebRtcCallIT {
    private static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private static TestServer server;
    private static String therapistLogin;
    private final List<LinkedPeer> participants = new ArrayList<>();
    /** Off unless -Dalcove.record-sessions=DIR: then each test's client messages feed the fuzz corpus. */
    @RegisterExtension
    final SessionRecorder recorder = SessionRecorder.fromSystemProperty();

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        // An admin signs in and creates the therapist account, who then signs in.
        therapistLogin = server.api().newTherapist("therapist@example.test");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** Closes everyone even if one teardown fails, so no native peer outlives its test. */
    @AfterEach
    void leave() throws Exception {
        Exception failure = null;
        for (LinkedPeer participant : participants) {
            try {
                participant.close();
            } catch (Exception | AssertionError e) {
                failure = failure == null ? new Exception("teardown failed", e) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Test
    void therapist_and_client_connect_through_the_server_after_admission() throws Exception {
        Links links = schedule(1);
        LinkedPeer therapist = join("therapist", links.therapist());
        Welcome therapistWelcome = therapist.bridge().await(Welcome.class, SIGNAL_TIMEOUT);
        assertEquals(Role.therapist, therapistWelcome.role());
        assertEquals(SeatState.admitted, therapistWelcome.state());

        LinkedPeer client = join("client", links.clients().get(0));
        Welcome clientWelcome = client.bridge().await(Welcome.class, SIGNAL_TIMEOUT);
        assertEquals(Role.client, clientWelcome.role());
        assertEquals(SeatState.waiting, clientWelcome.state());
        String clientId = clientWelcome.participantId();
        String therapistId = therapistWelcome.participantId();

        therapist.bridge().await(WaitingList.class, list -> waits(list, clientId), SIGNAL_TIMEOUT);
        assertNothingOfTheCallReached(client);

        therapist.bridge().send(new ClientMessage.Admit(clientId));
        Roster roster = client.bridge().await(Roster.class, SIGNAL_TIMEOUT);
        PeerJoined joined = therapist.bridge().await(PeerJoined.class, SIGNAL_TIMEOUT);
        assertEquals(List.of(therapistId), ids(roster));
        assertEquals(clientId, joined.peer().participantId());
        assertTrue(roster.participants().get(0).polite(), "the client is polite towards the therapist");
        assertFalse(joined.peer().polite(), "the therapist is impolite towards the client");

        assertPairConnects(therapist, therapistId, client, clientId);
        // And they see each other: both tracks arrive and video frames decode on each side.
        therapist.peer().awaitVideoFrom(clientId, CONNECT_TIMEOUT);
        client.peer().awaitVideoFrom(therapistId, CONNECT_TIMEOUT);
        assertEquals(Set.of("audio", "video"), therapist.peer().remoteTrackKinds(clientId));
        assertEquals(Set.of("audio", "video"), client.peer().remoteTrackKinds(therapistId));
    }

    /**
     * The admin live view while a real call negotiates and exchanges data-channel text: its raw
     * bytes hold metadata only, never SDP, ICE candidates or anything said in the call.
     */
    @Test
    void an_admin_watching_the_live_view_during_a_real_call_receives_no_sdp_candidates_or_chat() throws Exception {
        try (LiveViewStream live = LiveViewStream.open(server.uri(), server.api().loginAdmin())) {
            Links links = schedule(1);
            LinkedPeer therapist = join("therapist", links.therapist());
            String therapistId = therapist.bridge().await(Welcome.class, SIGNAL_TIMEOUT).participantId();
            LinkedPeer client = join("client", links.clients().get(0));
            String clientId = client.bridge().await(Welcome.class, SIGNAL_TIMEOUT).participantId();
            therapist.bridge().await(WaitingList.class, list -> waits(list, clientId), SIGNAL_TIMEOUT);
            therapist.bridge().send(new ClientMessage.Admit(clientId));
            client.bridge().await(Roster.class, SIGNAL_TIMEOUT);

            assertPairConnects(therapist, therapistId, client, clientId);
            therapist.peer().awaitVideoFrom(clientId, CONNECT_TIMEOUT);
            client.socket().send(new ClientMessage.Quality(therapistId, 12, 0.0, false));
            live.await(view -> view.toString().contains("\"rttMs\":12"), SIGNAL_TIMEOUT);

            String relayed = therapist.socket().received().toString() + client.socket().received();
            assertTrue(relayed.contains("v=0") && relayed.contains("candidate:"), "the call did negotiate through the server");
            String raw = live.rawText();
            assertTrue(raw.contains(clientId), "the live view did follow the call");
            for (String forbidden : List.of("v=0", "candidate:", "a=", "sdp", "hello from", "Client A", "typ host",
                    "ufrag", "fingerprint")) {
                assertFalse(raw.contains(forbidden), "the admin stream carried '" + forbidden + "'");
            }
        }
    }

    @Test
    void group_of_three_all_connect() throws Exception {
        Links links = schedule(2);
        LinkedPeer therapist = join("therapist", links.therapist());
        String therapistId = therapist.bridge().await(Welcome.class, SIGNAL_TIMEOUT).participantId();
        LinkedPeer first = join("client1", links.clients().get(0));
        String firstId = first.bridge().await(Welcome.class, SIGNAL_TIMEOUT).participantId();
        LinkedPeer second = join("client2", links.clients().get(1));
        String secondId = second.bridge().await(Welcome.class, SIGNAL_TIMEOUT).participantId();

        therapist.bridge().await(WaitingList.class, list -> waits(list, firstId) && waits(list, secondId), SIGNAL_TIMEOUT);
        assertNothingOfTheCallReached(first);
        assertNothingOfTheCallReached(second);

        therapist.bridge().send(new ClientMessage.Admit(firstId));
        first.bridge().await(Roster.class, SIGNAL_TIMEOUT);
        therapist.bridge().send(new ClientMessage.Admit(secondId));
        Roster secondRoster = second.bridge().await(Roster.class, SIGNAL_TIMEOUT);
        PeerJoined secondJoinedFirst = first.bridge().await(PeerJoined.class,
                joined -> joined.peer().participantId().equals(secondId), SIGNAL_TIMEOUT);
        assertEquals(Set.of(therapistId, firstId), Set.copyOf(ids(secondRoster)));
        boolean secondPoliteToFirst = secondRoster.participants().stream()
                .filter(peer -> peer.participantId().equals(firstId)).findFirst().orElseThrow().polite();
        assertNotEquals(secondPoliteToFirst, secondJoinedFirst.peer().polite(), "exactly one client of the pair is polite");

        assertPairConnects(therapist, therapistId, first, firstId);
        assertPairConnects(therapist, therapistId, second, secondId);
        assertPairConnects(first, firstId, second, secondId);
    }

    @Test
    void the_links_printed_by_serve_demo_let_two_peers_meet(@TempDir Path data) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Server demo = Main.launch(new String[]{"--port", "0", "--data", data.toString(), "--demo"},
                Map.of("ALCOVE_AUTH_PASSWORD_ITERATIONS", "1000"), new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            String out = printed.toString(StandardCharsets.UTF_8);
            LinkedPeer therapist = join("demo-therapist", printedLink(out, "Therapist link:"));
            String therapistId = therapist.bridge().await(Welcome.class, SIGNAL_TIMEOUT).participantId();
            LinkedPeer client = join("demo-client", printedLink(out, "Client link:"));
            String clientId = client.bridge().await(Welcome.class, SIGNAL_TIMEOUT).participantId();

            therapist.bridge().await(WaitingList.class, list -> waits(list, clientId), SIGNAL_TIMEOUT);
            therapist.bridge().send(new ClientMessage.Admit(clientId));
            client.bridge().await(Roster.class, SIGNAL_TIMEOUT);
            assertPairConnects(therapist, therapistId, client, clientId);
        } finally {
            leave();
            participants.clear();
            demo.stop();
        }
    }

    // ---- steps ----

    private static String printedLink(String out, String label) {
        return out.lines().filter(line -> line.startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("serve --demo printed no '" + label + "' line"))
                .substring(label.length()).trim();
    }

    private void assertPairConnects(LinkedPeer a, String aId, LinkedPeer b, String bId) throws InterruptedException {
        a.peer().awaitConnected(bId, CONNECT_TIMEOUT);
        b.peer().awaitConnected(aId, CONNECT_TIMEOUT);

        a.peer().sendText(bId, "hello from " + a.label());
        b.peer().sendText(aId, "hello from " + b.label());

        assertEquals("hello from " + a.label(), b.peer().received(aId).poll(SIGNAL_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        assertEquals("hello from " + b.label(), a.peer().received(bId).poll(SIGNAL_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(List.of(), a.peer().problems(), a.label() + " negotiation problems");
        assertEquals(List.of(), b.peer().problems(), b.label() + " negotiation problems");
    }

    /** A waiting client has had its welcome and nothing else: no roster, presence or negotiation. */
    private static void assertNothingOfTheCallReached(LinkedPeer client) {
        assertEquals(List.of("Welcome"), client.bridge().kinds(), client.label() + " while waiting");
    }

    private static boolean waits(WaitingList list, String participantId) {
        return list.waiting().stream().anyMatch(waiting -> waiting.participantId().equals(participantId));
    }

    private static List<String> ids(Roster roster) {
        return roster.participants().stream().map(ServerMessage.Peer::participantId).toList();
    }

    /** Joins as a browser opening {@code link} would: the link's own origin, the token from its fragment. */
    private LinkedPeer join(String label, String link) {
        LinkedPeer participant = LinkedPeer.join(label, link, recorder.connection(label));
        participants.add(participant);
        return participant;
    }

    /** The therapist books a session starting now through the HTTP API; returns the join links it got back. */
    private static Links schedule(int clients) {
        String[] names = new String[clients];
        for (int i = 0; i < clients; i++) {
            names[i] = "Client " + (char) ('A' + i);
        }
        JsonNode session = server.api().schedule(therapistLogin, server.clock().instant(), 50, names);
        List<String> clientLinks = new ArrayList<>();
        session.path("clientLinks").forEach(client -> clientLinks.add(client.path("link").asText()));
        assertEquals(clients, clientLinks.size());
        return new Links(session.path("therapistLink").asText(), clientLinks);
    }

    private record Links(String therapist, List<String> clients) {
    }
}
