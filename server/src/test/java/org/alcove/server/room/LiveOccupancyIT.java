package org.alcove.server.room;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.LiveStage;
import org.alcove.server.testing.SignalingClient;
import org.alcove.signaling.protocol.ClientMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The dashboard's view of a live session (`live` in the session JSON) follows the real sockets. */
class LiveOccupancyIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    static final LiveStage live = new LiveStage();

    @Test
    void session_json_shows_who_waits_and_who_is_in_the_call() {
        BookedSession booking = live.book(1);
        assertFalse(live.sessionView(booking).has("live"), "no live room before anyone joins");

        try (LiveStage.Call call = live.waiting(booking, 0)) {
            SignalingClient therapist = call.therapist();
            SignalingClient client = call.client();
            JsonNode waiting = live.sessionView(booking).path("live");
            assertEquals(1, waiting.path("waiting").asInt());
            assertEquals(1, waiting.path("inCall").asInt());

            // Admitted by hand, not by the scene: the test reads the view between waiting and admitted.
            therapist.send(new ClientMessage.Admit(booking.clientId(0)));
            client.nextOfType("roster", WAIT);
            JsonNode inCall = live.sessionView(booking).path("live");
            assertEquals(0, inCall.path("waiting").asInt());
            assertEquals(2, inCall.path("inCall").asInt());

            therapist.send(new ClientMessage.End());
            client.nextOfType("session-ended", WAIT);
            assertEquals(4010, client.awaitClose(WAIT));
            assertFalse(live.sessionView(booking).has("live"), "an ended session has no live room");
        }
    }
}
