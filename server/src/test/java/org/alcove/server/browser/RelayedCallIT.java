package org.alcove.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.alcove.server.testing.TurnServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web client behind a real TURN server (coturn on loopback) with {@code ice.relay-only}: the
 * browsers configure their peer connections from the roster, see each other through the relay,
 * and never receive a candidate other than a relay one.
 */
@Timeout(BrowserStage.TEST_SECONDS)
class RelayedCallIT {
    private static final String SECRET = "browser-turn-" + Long.toHexString(System.nanoTime());
    /** Keeps every RTCPeerConnection the page creates, with its configuration, for the test to inspect. */
    private static final String KEEP_PEER_CONNECTIONS = """
            window.peerConnections = [];
            window.peerConfigurations = [];
            const NativePeerConnection = window.RTCPeerConnection;
            window.RTCPeerConnection = class extends NativePeerConnection {
              constructor(configuration) {
                super(configuration);
                window.peerConnections.push(this);
                window.peerConfigurations.push(JSON.parse(JSON.stringify(configuration || {})));
              }
            };
            """;
    /** Candidate types of the selected pair of the page's latest peer connection, e.g. "relay/relay". */
    private static final String SELECTED_PAIR = """
            async () => {
              const pc = window.peerConnections[window.peerConnections.length - 1];
              const stats = [...(await pc.getStats()).values()];
              const byId = new Map(stats.map((s) => [s.id, s]));
              const transport = stats.find((s) => s.type === 'transport' && s.selectedCandidatePairId);
              const pair = transport ? byId.get(transport.selectedCandidatePairId) : null;
              if (!pair) return 'none';
              return byId.get(pair.localCandidateId).candidateType + '/' + byId.get(pair.remoteCandidateId).candidateType;
            }
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TurnServer turn;
    @RegisterExtension
    static final BrowserStage STAGE = BrowserStage.withSettings(RelayedCallIT::relayOnly);

    /** Starts the TURN server the stage's server is to name, before that server starts. */
    private static Map<String, String> relayOnly() {
        turn = TurnServer.start(SECRET);
        return Map.of("ice.turn-urls", turn.udpUrl(), "ice.turn-secret", SECRET, "ice.relay-only", "true");
    }

    /** Runs before the stage stops its server, which no longer needs the relay by then. */
    @AfterAll
    static void stopTurn() {
        if (turn != null) {
            turn.close();
        }
    }

    @Test
    void browsers_see_each_other_through_the_relay_and_learn_no_other_address() throws Exception {
        Booking booking = STAGE.book("Robin Client");
        Participant therapist = STAGE.participant();
        Participant client = STAGE.participant();
        List<JsonNode> toTherapist = received(therapist);
        List<JsonNode> toClient = received(client);
        STAGE.therapistJoins(booking, therapist);
        STAGE.clientWaits(booking, 0, client);
        assertFalse(toClient.toString().contains("iceServers"), "a waiting client was given ICE servers");

        STAGE.admit(therapist, "Robin Client");
        client.seesVideoOf("Therapist");
        therapist.seesVideoOf("Robin Client");

        for (Participant participant : List.of(therapist, client)) {
            JsonNode configuration = JSON.valueToTree(participant.page.evaluate("() => window.peerConfigurations.at(-1)"));
            assertEquals("relay", configuration.path("iceTransportPolicy").asText(), configuration.toString());
            assertEquals(turn.udpUrl(), configuration.path("iceServers").get(0).path("urls").get(0).asText());
            assertTrue(configuration.path("iceServers").get(0).has("credential"), "the TURN server came with a credential");
            assertEquals("relay/relay", participant.page.evaluate(SELECTED_PAIR), participant.diagnosis());
            assertThat(participant.page.locator(".tile-stats").first()).containsText("relayed");
        }
        List<String> candidates = candidates(toTherapist, toClient);
        assertFalse(candidates.isEmpty(), "candidates were exchanged");
        for (String candidate : candidates) {
            assertTrue(candidate.contains(" typ relay"), "a non-relay candidate reached a browser: " + candidate);
        }
    }

    /** Every signalling message the page receives, parsed, in arrival order. */
    private static List<JsonNode> received(Participant participant) {
        List<JsonNode> messages = new CopyOnWriteArrayList<>();
        participant.context.addInitScript(KEEP_PEER_CONNECTIONS);
        participant.page.onWebSocket(socket -> socket.onFrameReceived(frame -> {
            try {
                messages.add(JSON.readTree(frame.text()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        return messages;
    }

    private static List<String> candidates(List<JsonNode> first, List<JsonNode> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream())
                .filter(message -> "candidate".equals(message.path("type").asText()))
                .map(message -> message.path("candidate").asText())
                .filter(candidate -> !candidate.isEmpty())
                .toList();
    }
}
