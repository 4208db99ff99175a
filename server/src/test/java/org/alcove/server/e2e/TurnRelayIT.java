package org.alcove.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.alcove.server.testing.TestServer;
import org.alcove.server.testing.TurnServer;
import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.ServerMessage;
import org.alcove.signaling.protocol.ServerMessage.Roster;
import org.alcove.signaling.protocol.ServerMessage.WaitingList;
import org.alcove.signaling.protocol.ServerMessage.Welcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calls through a real TURN server: coturn on loopback in {@code use-auth-secret} mode, the
 * Alcove server configured with its URL and secret and {@code ice.relay-only}. webrtc-java peers
 * take the ICE servers and credentials from their roster, as the browser client does, and must
 * connect through the relay; with a wrong secret the relay refuses them and the call cannot
 * connect, while signalling works as before.
 */
class TurnRelayIT {
    private static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final String SECRET = "turn-secret-" + Long.toHexString(System.nanoTime());

    private static TurnServer turn;
    private TestServer server;
    private final List<LinkedPeer> participants = new ArrayList<>();

    @BeforeAll
    static void startTurn() {
        turn = TurnServer.start(SECRET);
    }

    @AfterAll
    static void stopTurn() {
        if (turn != null) {
            turn.close();
        }
    }

    @AfterEach
    void leave() throws Exception {
        try {
            for (LinkedPeer participant : participants) {
                participant.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /** Relay-only: the pair connects, both ends of the selected pair are relay candidates, no other candidate travelled. */
    @Test
    void a_relay_only_call_connects_through_the_turn_server_and_no_address_but_the_relays_is_exchanged() throws Exception {
        server = startServer(SECRET);
        Call call = admittedPair();

        assertEquals(ServerMessage.IceTransportPolicy.relay, call.clientRoster.iceTransportPolicy());
        ServerMessage.IceServer relay = call.clientRoster.iceServers().get(0);
        assertEquals(List.of(turn.udpUrl()), relay.urls());
        assertEquals(call.latestEnd.getEpochSecond() + ":" + call.clientId, relay.username(),
                "the credential expires when the session can no longer run, and names its holder");
        assertNotEquals(relay.credential(), call.therapistRoster.iceServers().get(0).credential(),
                "each participant has a credential of its own");

        call.therapist.peer().awaitConnected(call.clientId, CONNECT_TIMEOUT);
        call.client.peer().awaitConnected(call.therapistId, CONNECT_TIMEOUT);
        call.therapist.peer().sendText(call.clientId, "hello through the relay");
        assertEquals("hello through the relay",
                call.client.peer().received(call.therapistId).poll(SIGNAL_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        assertEquals("relay/relay", call.therapist.peer().selectedPairTypes(call.clientId));
        assertEquals("relay/relay", call.client.peer().selectedPairTypes(call.therapistId));

        List<String> candidates = relayedCandidates(call);
        assertFalse(candidates.isEmpty(), "candidates were exchanged");
        for (String candidate : candidates) {
            assertTrue(candidate.contains(" typ relay"), "a non-relay candidate went through signalling: " + candidate);
        }
        for (LinkedPeer participant : participants) {
            String raw = participant.socket().received().toString();
            assertFalse(raw.contains("typ host") || raw.contains("typ srflx") || raw.contains("typ prflx"),
                    participant.label() + " was told an address other than the relay's");
        }
        assertEquals(List.of(), call.therapist.peer().problems());
        assertEquals(List.of(), call.client.peer().problems());
    }

    /** A wrong secret: coturn refuses the allocations (401), no candidate exists, the call never connects; signalling is unaffected. */
    @Test
    void with_a_wrong_turn_secret_signalling_works_but_the_call_cannot_connect() throws Exception {
        server = startServer("not-" + SECRET);
        Call call = admittedPair();

        // Signalling is fine: the pair negotiated through the server.
        call.client.bridge().await(ServerMessage.Offer.class, SIGNAL_TIMEOUT);
        call.therapist.bridge().await(ServerMessage.Answer.class, SIGNAL_TIMEOUT);
        // The relay refused both participants' credentials.
        awaitLogged(call.therapistId, "401", CONNECT_TIMEOUT);
        awaitLogged(call.clientId, "401", CONNECT_TIMEOUT);

        AssertionError notConnected = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> call.therapist.peer().awaitConnected(call.clientId, Duration.ofSeconds(5)));
        assertTrue(notConnected.getMessage().contains("not CONNECTED"), notConnected.getMessage());
        assertEquals(List.of(), relayedCandidates(call), "no candidate could be gathered without the relay");
        assertTrue(List.of("Welcome", "Roster", "Offer", "Answer").containsAll(call.client.bridge().kinds()),
                "the client heard nothing but its seat and negotiation: " + call.client.bridge().kinds());
    }

    // ---- steps ----

    private static TestServer startServer(String secret) {
        return TestServer.start(Map.of("ice.turn-urls", turn.udpUrl(), "ice.turn-secret", secret, "ice.relay-only", "true"));
    }

    private record Call(LinkedPeer therapist, String therapistId, Roster therapistRoster,
                        LinkedPeer client, String clientId, Roster clientRoster, Instant latestEnd) {
    }

    /** A therapist and one client, the client admitted after waiting without any ICE configuration. */
    private Call admittedPair() throws Exception {
        String therapistLogin = server.api().newTherapist("turn@example.test");
        JsonNode session = server.api().schedule(therapistLogin, server.clock().instant(), 50, "Client A");
        Instant latestEnd = Instant.parse(session.path("endsAt").asText()).plus(Duration.ofMinutes(70));

        LinkedPeer therapist = join("therapist", session.path("therapistLink").asText());
        String therapistId = therapist.bridge().await(Welcome.class, SIGNAL_TIMEOUT).participantId();
        Roster therapistRoster = therapist.bridge().await(Roster.class, SIGNAL_TIMEOUT);
        LinkedPeer client = join("client", session.path("clientLinks").get(0).path("link").asText());
        String clientId = client.bridge().await(Welcome.class, SIGNAL_TIMEOUT).participantId();
        therapist.bridge().await(WaitingList.class,
                list -> list.waiting().stream().anyMatch(w -> w.participantId().equals(clientId)), SIGNAL_TIMEOUT);
        String waiting = client.socket().received().toString();
        assertFalse(waiting.contains("iceServers") || waiting.contains("credential") || waiting.contains("turn:"),
                "a waiting client was given ICE servers: " + client.bridge().kinds());

        therapist.bridge().send(new ClientMessage.Admit(clientId));
        Roster clientRoster = client.bridge().await(Roster.class, SIGNAL_TIMEOUT);
        return new Call(therapist, therapistId, therapistRoster, client, clientId, clientRoster, latestEnd);
    }

    private List<String> relayedCandidates(Call call) {
        List<String> candidates = new ArrayList<>();
        for (LinkedPeer participant : List.of(call.therapist, call.client)) {
            participant.bridge().received().stream()
                    .filter(ServerMessage.Candidate.class::isInstance)
                    .map(message -> ((ServerMessage.Candidate) message).candidate())
                    .filter(candidate -> candidate != null && !candidate.isEmpty())
                    .forEach(candidates::add);
        }
        return candidates;
    }

    /** Waits for a TURN server log line naming {@code participantId} and containing {@code text}. */
    private static void awaitLogged(String participantId, String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (turn.log().stream().noneMatch(line -> line.contains(participantId) && line.contains(text))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("turnserver never logged " + text + " for " + participantId + ":\n"
                        + String.join("\n", turn.log()));
            }
            Thread.sleep(50);
        }
    }

    private LinkedPeer join(String label, String link) {
        LinkedPeer participant = LinkedPeer.join(label, link, null);
        participants.add(participant);
        return participant;
    }
}
