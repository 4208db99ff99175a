package org.alcove.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.LiveScenes;
import org.alcove.server.testing.SignalingClient;
import org.alcove.signaling.protocol.ClientMessage;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A legitimate call in its own session (therapist and one admitted client; a second booked client
 * never comes) that runs while an attack happens. {@link #assertUndisturbed()} proves the attack did not reach it: both sockets
 * are still open, neither was sent anything but its own traffic, and a burst of negotiation sent
 * each way arrives complete and in order.
 */
final class Bystander implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int BURST = 10;
    /** What the call's own setup sends, before the first relayed candidate. */
    private static final Set<String> SETUP = Set.of("welcome", "roster", "waiting-list", "peer-joined");
    /** All a settled call may receive afterwards: its own negotiation. Anyone arriving, leaving or waiting fails. */
    private static final Set<String> SETTLED = Set.of("candidate", "pong");

    private final SignalingClient therapist;
    private final SignalingClient client;
    private final String therapistId;
    private final String clientId;
    private final String spareClientToken;
    private final long burstGapNanos;
    private int rounds;
    private long lastBurstNanos;

    private Bystander(SignalingClient therapist, SignalingClient client, String therapistId, String clientId,
                      String spareClientToken, int ratePerSecond) {
        this.spareClientToken = spareClientToken;
        this.therapist = therapist;
        this.client = client;
        this.therapistId = therapistId;
        this.clientId = clientId;
        this.burstGapNanos = TimeUnit.SECONDS.toNanos(BURST) / ratePerSecond;
    }

    /** The bystander's seats, for attacks that name them from elsewhere. */
    record Ids(String therapistId, String clientId) {
    }

    Ids ids() {
        return new Ids(therapistId, clientId);
    }

    /**
     * @param server        the scenes of the server it runs on (its address and what its sockets trust)
     * @param ratePerSecond the server's {@code ws.rate-per-second}: checks are paced to stay within
     *                      it, so the suite runs with the real limits however many checks it makes
     */
    static Bystander start(LiveScenes server, BookedSession booking, int ratePerSecond) {
        LiveScenes.Call call = server.admitted(booking, 0);
        Bystander bystander = new Bystander(call.therapist(), call.client(), booking.therapistId(), booking.clientId(0),
                booking.clientToken(1), ratePerSecond);
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
        pace();
        burst(therapist, clientId, round);
        burst(client, therapistId, round);
        expectBurst(client, therapistId, round);
        expectBurst(therapist, clientId, round);
        assertOnlyRoutine(therapist);
        assertOnlyRoutine(client);
    }

    /** Waits until the server's token bucket has refilled what the previous burst took. */
    private void pace() {
        long wait = lastBurstNanos + burstGapNanos - System.nanoTime();
        if (lastBurstNanos != 0 && wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        lastBurstNanos = System.nanoTime();
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

    /**
     * The server writes each socket's messages in order, and the first burst is sent only once the
     * admission is complete, so everything of the setup arrives before the first candidate.
     */
    private static void assertOnlyRoutine(SignalingClient socket) {
        boolean settled = false;
        for (JsonNode message : socket.received()) {
            String type = message.path("type").asText();
            settled |= type.equals("candidate");
            if (!(settled ? SETTLED : SETUP).contains(type)) {
                fail("the bystander call received " + type + (settled ? " after it settled: " : ": ") + message);
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

    /** For {@link BystanderIT} only: the link of the session's second client, who never joins. */
    String spareClientTokenForTest() {
        return spareClientToken;
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
