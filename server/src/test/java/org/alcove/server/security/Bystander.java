package org.alcove.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.SignalingClient;
import org.alcove.signaling.protocol.ClientMessage;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A legitimate call in its own session (therapist and one admitted client) that runs while an
 * attack happens. {@link #assertUndisturbed()} proves the attack did not reach it: both sockets
 * are still open, neither was sent anything but its own traffic, and a burst of negotiation sent
 * each way arrives complete and in order.
 */
final class Bystander implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int BURST = 20;
    /** What a quiet, healthy call may receive besides the relayed burst. */
    private static final Set<String> ROUTINE = Set.of("welcome", "roster", "waiting-list", "peer-joined",
            "candidate", "pong");

    private final SignalingClient therapist;
    private final SignalingClient client;
    private final String therapistId;
    private final String clientId;
    private int rounds;

    private Bystander(SignalingClient therapist, SignalingClient client, String therapistId, String clientId) {
        this.therapist = therapist;
        this.client = client;
        this.therapistId = therapistId;
        this.clientId = clientId;
    }

    /** The bystander's seats, for attacks that name them from elsewhere. */
    record Ids(String therapistId, String clientId) {
    }

    Ids ids() {
        return new Ids(therapistId, clientId);
    }

    static Bystander start(URI server, BookedSession booking) {
        return start(server, booking, null);
    }

    /** @param trust for a wss server: the certificates to trust; {@code null} for the JDK default */
    static Bystander start(URI server, BookedSession booking, SSLContext trust) {
        SignalingClient therapist = SignalingClient.join(server, booking.therapistToken(), null, trust);
        therapist.nextOfType("welcome", WAIT);
        SignalingClient client = SignalingClient.join(server, booking.clientToken(0), null, trust);
        client.nextOfType("welcome", WAIT);
        therapist.send(new ClientMessage.Admit(booking.clientId(0)));
        client.nextOfType("roster", WAIT);
        Bystander bystander = new Bystander(therapist, client, booking.therapistId(), booking.clientId(0));
        bystander.assertUndisturbed();
        return bystander;
    }

    /**
     * Fails unless the call is intact: both sockets open, nothing unexpected received since the
     * start (no error, no close, no one leaving), and {@value #BURST} candidates sent each way now
     * arrive complete, unaltered and in order, stamped with the real sender.
     */
    void assertUndisturbed() {
        assertTrue(therapist.isOpen(), "bystander therapist's socket closed: " + therapist.closeCode());
        assertTrue(client.isOpen(), "bystander client's socket closed: " + client.closeCode());
        int round = ++rounds;
        burst(therapist, clientId, round);
        burst(client, therapistId, round);
        expectBurst(client, therapistId, round);
        expectBurst(therapist, clientId, round);
        assertOnlyRoutine(therapist);
        assertOnlyRoutine(client);
    }

    private static void burst(SignalingClient from, String to, int round) {
        for (int i = 0; i < BURST; i++) {
            from.send(new ClientMessage.Candidate(to, candidate(round, i), "0", 0));
        }
    }

    private static void expectBurst(SignalingClient receiver, String from, int round) {
        for (int i = 0; i < BURST; i++) {
            JsonNode candidate = receiver.nextOfType("candidate", WAIT);
            assertEquals(candidate(round, i), candidate.path("candidate").asText(),
                    "bystander's negotiation lost or reordered");
            assertEquals(from, candidate.path("from").asText(), "bystander's negotiation has the wrong sender");
        }
    }

    private static void assertOnlyRoutine(SignalingClient socket) {
        List<JsonNode> received = socket.received();
        for (JsonNode message : received) {
            String type = message.path("type").asText();
            if (!ROUTINE.contains(type)) {
                fail("the bystander call received " + type + ": " + message);
            }
        }
    }

    /** A well-formed host candidate whose port numbers the round and the message. */
    private static String candidate(int round, int index) {
        return "candidate:1 1 udp 2122260223 192.0.2.1 " + (10000 + round * 100 + index) + " typ host";
    }

    /** For {@link BystanderIT} only: makes the bystander's client say something invalid. */
    void sendRawFromClient(String text) {
        client.send(text);
    }

    /** For {@link BystanderIT} only: the bystander's client loses its network. */
    void dropClientForTest() {
        client.drop();
    }

    @Override
    public void close() {
        client.close();
        therapist.close();
    }
}
