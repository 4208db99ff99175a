package org.alcove.server.room;

import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.LiveStage;
import org.alcove.server.testing.SignalingClient;
import org.alcove.signaling.protocol.ClientMessage;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client that stops reading cannot make the server buffer without bound or stall its sender. */
class SlowConsumerIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    static final LiveStage live = new LiveStage(Map.of("ws.queue-messages", "8", "ws.write-timeout", "PT2S",
            "ws.rate-per-second", "1000", "ws.rate-burst", "1000"));

    /** Never demands a frame after the first: Jetty stops reading, TCP buffers fill up, the server's writes stall. */
    public static final class NeverReads implements Session.Listener {
        volatile Session session;

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
        }
    }

    @Test
    void a_client_that_stops_reading_is_cut_off_and_the_sender_is_not_held_up() throws Exception {
        BookedSession booking = live.book(1);
        WebSocketClient jetty = new WebSocketClient();
        jetty.start();
        try (SignalingClient therapist = live.therapistIn(booking)) {
            NeverReads stuck = new NeverReads();
            URI ws = URI.create("ws://" + live.uri().getAuthority() + "/ws");
            Session session = jetty.connect(stuck, ws).get(5, TimeUnit.SECONDS);
            session.sendText("{\"type\":\"auth\",\"token\":\"" + booking.clientToken(0) + "\"}", Callback.NOOP);
            // Admitted by hand: the scene's client reads its roster, and this one must never read.
            LiveStage.awaitWaiting(therapist, booking.clientId(0));
            therapist.send(new ClientMessage.Admit(booking.clientId(0)));

            String sdp = "v=0 " + "a".repeat(40 * 1024);
            long started = System.nanoTime();
            for (int i = 0; i < 400 && therapist.isOpen(); i++) {
                therapist.send(new ClientMessage.Offer(booking.clientId(0), sdp));
                if (therapist.types().contains("peer-reconnecting")) {
                    break;
                }
            }

            assertEquals(booking.clientId(0), therapist.nextOfType("peer-reconnecting", Duration.ofSeconds(10))
                    .path("participantId").asText());
            assertTrue(therapist.isOpen());
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20));
            therapist.send(new ClientMessage.Ping());
            therapist.nextOfType("pong", WAIT);
        } finally {
            jetty.stop();
        }
    }
}
