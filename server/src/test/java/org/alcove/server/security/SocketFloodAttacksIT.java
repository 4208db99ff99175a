package org.alcove.server.security;

import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.SignalingClient;
import org.alcove.signaling.protocol.ClientMessage;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Volume attacks on one socket: floods of messages and of ICE candidates (the shipped rate limit,
 * 50 a second with bursts of 200), and a client that never reads what it is sent.
 */
@Adversarial
class SocketFloodAttacksIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    /** Far more than any honest client sends: the flood must be cut off well before this. */
    private static final int FLOOD_CAP = 5000;

    /** Attack: a joined client sends pings as fast as it can. Outcome: rate-limited drops, then error too-many-messages and close 4014. */
    @Test
    void a_message_flood_is_dropped_then_closed_with_4014() {
        try (Arena arena = Arena.start()) {
            BookedSession booking = arena.book(1);
            try (SignalingClient flooder = SignalingClient.join(arena.uri(), booking.clientToken(0))) {
                flooder.nextOfType("welcome", WAIT);
                int sent = flood(flooder, i -> new ClientMessage.Ping());
                assertEquals(4014, flooder.awaitClose(WAIT));
                List<String> errors = errorCodes(flooder);
                assertEquals("rate-limited", errors.get(0), errors.toString());
                assertEquals("too-many-messages", errors.get(errors.size() - 1), errors.toString());
                long pongs = flooder.types().stream().filter("pong"::equals).count();
                assertTrue(pongs < sent, "every ping was answered: " + pongs + " of " + sent);
            }
            arena.bystander().assertUndisturbed();
        }
    }

    /**
     * Attack: an admitted client floods its therapist with ICE candidates. Outcome: only what the
     * rate admits is relayed, in order; the flooder is closed 4014; the therapist is not flooded
     * off (no error, socket open, still answered).
     */
    @Test
    void a_candidate_flood_reaches_the_peer_only_at_the_allowed_rate_and_closes_the_flooder() {
        try (Arena arena = Arena.start()) {
            BookedSession booking = arena.book(1);
            try (Arena.Call call = arena.admitted(booking, 0)) {
                int sent = flood(call.client(), i -> new ClientMessage.Candidate(booking.therapistId(), candidate(i), "0", 0));
                assertEquals(4014, call.client().awaitClose(WAIT));

                call.therapist().send(new ClientMessage.Ping());
                call.therapist().nextOfType("pong", WAIT);
                assertTrue(call.therapist().isOpen());
                List<Integer> relayed = call.therapist().received().stream()
                        .filter(m -> m.path("type").asText().equals("candidate"))
                        .map(m -> index(m.path("candidate").asText())).toList();
                assertTrue(!relayed.isEmpty() && relayed.size() < sent, relayed.size() + " of " + sent + " relayed");
                for (int i = 1; i < relayed.size(); i++) {
                    assertTrue(relayed.get(i) > relayed.get(i - 1), "relayed out of order: " + relayed);
                }
                assertEquals(List.of(), errorCodes(call.therapist()), "the flooded therapist was refused something");
            }
            arena.bystander().assertUndisturbed();
        }
    }

    /**
     * Attack: an admitted client stops reading while its therapist sends it large offers. Outcome:
     * its queue (ws.queue-messages) overflows and it is given up with error slow-consumer and close
     * 4012, getting far fewer messages than were sent; the sender is never held up; the server's
     * heap does not grow with what was sent.
     */
    @Test
    // 18-21 s on a busy machine (49 MB through a stuck socket, full GCs, up to 20 s waiting for the close),
    // too close to the 60 s default in junit-platform.properties.
    @Timeout(120)
    void a_client_that_never_reads_is_closed_4012_without_holding_up_the_sender_or_growing_the_heap() throws Exception {
        Map<String, String> settings = Map.of("ws.queue-messages", "16", "ws.write-timeout", "PT60S",
                "ws.idle-timeout", "PT60S", "ws.rate-per-second", "1000", "ws.rate-burst", "1000");
        WebSocketClient jetty = new WebSocketClient();
        jetty.setMaxTextMessageSize(1024 * 1024);
        jetty.start();
        try (Arena arena = Arena.start(settings)) {
            BookedSession booking = arena.book(1);
            try (SignalingClient therapist = arena.therapistIn(booking)) {
                StuckReader stuck = new StuckReader();
                Session session = jetty.connect(stuck, TransportAttacksIT.wsUri(arena.uri())).get(5, TimeUnit.SECONDS);
                session.sendText("{\"type\":\"auth\",\"token\":\"" + booking.clientToken(0) + "\"}", Callback.NOOP);
                // Admitted by hand: the scene's client reads its roster, and this one must not read.
                Arena.awaitWaiting(therapist, booking.clientId(0));
                therapist.send(new ClientMessage.Admit(booking.clientId(0)));

                long before = usedHeapAfterGc();
                // 1000 offers of 48 KiB: about 49 MB, far more than kernel buffers and the queue hold.
                String sdp = "v=0\r\na=x-pad:" + "a".repeat(48 * 1024 - 16);
                int offers = 1000;
                for (int i = 0; i < offers; i++) {
                    therapist.send(new ClientMessage.Offer(booking.clientId(0), sdp));
                }
                therapist.send(new ClientMessage.Ping());
                therapist.nextOfType("pong", WAIT);
                long during = usedHeapAfterGc();

                stuck.resume();
                assertEquals(4012, stuck.closed.get(20, TimeUnit.SECONDS));
                List<String> texts = stuck.texts;
                assertTrue(texts.get(texts.size() - 1).contains("\"slow-consumer\""), "last message: "
                        + texts.get(texts.size() - 1).substring(0, Math.min(200, texts.get(texts.size() - 1).length())));
                long delivered = texts.stream().filter(text -> text.contains("\"type\":\"offer\"")).count();
                assertTrue(delivered < offers, "every offer was kept for the stuck client: " + delivered);
                assertEquals(booking.clientId(0), therapist.nextOfType("peer-reconnecting", WAIT).path("participantId").asText());
                therapist.send(new ClientMessage.Ping());
                therapist.nextOfType("pong", WAIT);
                long after = usedHeapAfterGc();

                long bound = 24L * 1024 * 1024;
                assertTrue(during - before < bound, "heap grew by " + (during - before) + " bytes while the client was stuck");
                assertTrue(after - before < bound, "heap grew by " + (after - before) + " bytes after the attack");
                System.out.println("slow consumer: " + delivered + " of " + offers + " offers delivered; heap +"
                        + (during - before) / 1024 + " KiB during, +" + (after - before) / 1024 + " KiB after");
            }
            arena.bystander().assertUndisturbed();
        } finally {
            jetty.stop();
        }
    }

    /** Used heap after full collections: what the server (in this JVM) really holds on to. */
    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String candidate(int index) {
        return "candidate:1 1 udp 2122260223 192.0.2.9 " + (20000 + index) + " typ host";
    }

    private static int index(String candidate) {
        return Integer.parseInt(candidate.split(" ")[5]) - 20000;
    }

    private interface Message {
        ClientMessage at(int index);
    }

    /** Sends until the server closes the socket (or {@value #FLOOD_CAP}); returns how many went out. */
    private static int flood(SignalingClient socket, Message message) {
        int sent = 0;
        while (sent < FLOOD_CAP && socket.isOpen()) {
            try {
                socket.send(message.at(sent));
                sent++;
            } catch (IllegalStateException closedMeanwhile) {
                break;
            }
        }
        assertTrue(sent < FLOOD_CAP, "the flood was never cut off");
        return sent;
    }

    private static List<String> errorCodes(SignalingClient socket) {
        return socket.received().stream().filter(m -> m.path("type").asText().equals("error"))
                .map(m -> m.path("code").asText()).toList();
    }
}
