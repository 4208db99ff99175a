package org.alcove.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.SignalingClient;
import org.alcove.signaling.protocol.ClientMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Links and seats: a link that has been replaced, cancelled, removed, declined or ended stays
 * dead; one link holds one seat however it is hammered. The bystander call must not notice.
 */
@Adversarial
class LinkReplayAttacksIT {
    private static final Duration WAIT = Arena.WAIT;
    private static final int STORM = 16;

    @RegisterExtension
    static final Arena ARENA = new Arena();

    private static Arena arena() {
        return ARENA;
    }

    /** Attack: replay a client link after the therapist reissued it. Outcome: {@code link-reissued}, close 4006; the new link works. */
    @Test
    void a_replaced_link_stays_dead() {
        BookedSession booking = arena().book(1);
        String fresh = arena().reissue(booking, 0);
        assertRefused(booking.clientToken(0), null, "link-reissued", 4006);
        try (SignalingClient client = SignalingClient.join(arena().uri(), fresh)) {
            assertEquals("waiting", client.nextOfType("welcome", WAIT).path("state").asText());
        }
        assertRefused(booking.clientToken(0), null, "link-reissued", 4006);
    }

    /** Attack: replay the therapist's and a client's link after cancellation. Outcome: {@code session-cancelled}, close 4005, for both. */
    @Test
    void a_cancelled_sessions_links_stay_dead() {
        BookedSession booking = arena().book(1);
        arena().cancel(booking);
        assertRefused(booking.clientToken(0), null, "session-cancelled", 4005);
        assertRefused(booking.therapistToken(), null, "session-cancelled", 4005);
    }

    /**
     * Attack: a removed client comes straight back, with and without the resume key of its
     * removed connection, inside the reconnect grace period. Outcome: {@code removed}, close 4007.
     */
    @Test
    void a_removed_client_cannot_come_back_even_with_its_resume_key_inside_the_grace_period() {
        BookedSession booking = arena().book(1);
        try (Arena.Call call = arena().admitted(booking, 0)) {
            SignalingClient therapist = call.therapist();
            SignalingClient client = call.client();
            String resumeKey = call.resumeKey();
            therapist.send(new ClientMessage.Remove(booking.clientId(0)));
            assertEquals(4007, client.awaitClose(WAIT));

            assertRefused(booking.clientToken(0), resumeKey, "removed", 4007);
            assertRefused(booking.clientToken(0), null, "removed", 4007);
            // The refused returns never put the client back in the waiting room.
            assertNeverWaitingAfterItLeft(therapist, booking.clientId(0));
        }
    }

    /**
     * Attack: a client drops, the therapist removes the held seat, and the client returns with
     * its resume key inside the grace period. Outcome: {@code removed}, close 4007.
     */
    @Test
    void a_client_removed_while_reconnecting_cannot_resume() {
        BookedSession booking = arena().book(1);
        try (Arena.Call call = arena().admitted(booking, 0)) {
            SignalingClient therapist = call.therapist();
            SignalingClient client = call.client();
            String resumeKey = call.resumeKey();
            client.drop();
            therapist.nextOfType("peer-reconnecting", WAIT);
            therapist.send(new ClientMessage.Remove(booking.clientId(0)));
            assertEquals("removed", therapist.nextOfType("peer-left", WAIT).path("reason").asText());

            assertRefused(booking.clientToken(0), resumeKey, "removed", 4007);
        }
    }

    /** Attack: replay a declined client's link. Outcome: {@code declined}, close 4008. */
    @Test
    void a_declined_link_stays_dead() {
        BookedSession booking = arena().book(1);
        try (Arena.Call call = arena().waiting(booking, 0)) {
            SignalingClient therapist = call.therapist();
            SignalingClient client = call.client();
            String resumeKey = call.resumeKey();
            therapist.send(new ClientMessage.Decline(booking.clientId(0)));
            assertEquals(4008, client.awaitClose(WAIT));
            assertRefused(booking.clientToken(0), resumeKey, "declined", 4008);
            assertRefused(booking.clientToken(0), null, "declined", 4008);
        }
    }

    /**
     * Attack: replay both links after the therapist ended the session, and again after its whole
     * window has passed. Outcome: {@code session-ended}, close 4010; then {@code link-expired}, 4004.
     */
    @Test
    void an_ended_sessions_links_stay_dead() {
        BookedSession booking = arena().book(1);
        try (Arena.Call call = arena().admitted(booking, 0)) {
            call.therapist().send(new ClientMessage.End());
            assertEquals(4010, call.client().awaitClose(WAIT));
            assertEquals(4010, call.therapist().awaitClose(WAIT));
        }
        assertRefused(booking.clientToken(0), null, "session-ended", 4010);
        assertRefused(booking.therapistToken(), null, "session-ended", 4010);
    }

    /**
     * Attack: a second device joins on a live client link without the resume key. Outcome:
     * {@code seat-taken}, close 4009; the first device keeps its call and its messages.
     */
    @Test
    void a_second_device_on_a_live_link_is_refused_and_the_first_keeps_its_call() {
        BookedSession booking = arena().book(1);
        try (Arena.Call call = arena().admitted(booking, 0)) {
            assertRefused(booking.clientToken(0), null, "seat-taken", 4009);
            assertRefused(booking.clientToken(0), "not-the-resume-key", "seat-taken", 4009);
            call.therapist().send(new ClientMessage.Offer(booking.clientId(0), "v=0 first device"));
            assertEquals("v=0 first device", call.client().nextOfType("offer", WAIT).path("sdp").asText());
            assertTrue(call.client().isOpen());
            call.therapist().expectNothingOfType("peer-left", Duration.ZERO);
            call.therapist().expectNothingOfType("peer-reconnecting", Duration.ZERO);
        }
    }

    /**
     * Attack: a rejoin storm on one client link: {@value #STORM} devices at once while the seat
     * is live, then {@value #STORM} at once after the client left. Outcome: while live, every
     * newcomer gets {@code seat-taken} and the admitted device is untouched; once free, exactly
     * one newcomer is seated (waiting) and the rest get {@code seat-taken}; the therapist sees
     * that one client waiting, once.
     */
    @Test
    void a_rejoin_storm_on_one_link_seats_exactly_one_device() throws Exception {
        BookedSession booking = arena().book(1);
        try (Arena.Call call = arena().admitted(booking, 0)) {
            List<SignalingClient> storm = joinAtOnce(booking.clientToken(0));
            try {
                for (SignalingClient device : storm) {
                    assertEquals(4009, device.awaitClose(WAIT), "while the seat is live: " + device.types());
                }
            } finally {
                storm.forEach(SignalingClient::close);
            }
            call.therapist().send(new ClientMessage.Offer(booking.clientId(0), "v=0 still mine"));
            assertEquals("v=0 still mine", call.client().nextOfType("offer", WAIT).path("sdp").asText());

            call.client().send(new ClientMessage.Leave());
            call.therapist().nextOfType("peer-left", WAIT);
            storm = joinAtOnce(booking.clientToken(0));
            try {
                int seated = 0;
                for (SignalingClient device : storm) {
                    JsonNode first = device.next(WAIT);
                    if ("welcome".equals(first.path("type").asText())) {
                        seated++;
                        assertEquals("waiting", first.path("state").asText());
                    } else {
                        assertEquals("seat-taken", first.path("code").asText(), first.toString());
                        assertEquals(4009, device.awaitClose(WAIT));
                    }
                }
                assertEquals(1, seated, "exactly one device holds the seat");
                JsonNode waiting = lastWaitingList(call.therapist());
                assertEquals(1, waiting.path("waiting").size(), waiting.toString());
                assertEquals(booking.clientId(0), waiting.path("waiting").get(0).path("participantId").asText());
            } finally {
                storm.forEach(SignalingClient::close);
            }
        }
    }

    /** Connects {@value #STORM} sockets on {@code token} at once and returns them once all sent auth. */
    private static List<SignalingClient> joinAtOnce(String token) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(STORM);
        try {
            List<CompletableFuture<SignalingClient>> joins = new ArrayList<>();
            for (int i = 0; i < STORM; i++) {
                joins.add(CompletableFuture.supplyAsync(() -> SignalingClient.join(arena().uri(), token), pool));
            }
            List<SignalingClient> devices = new ArrayList<>();
            for (CompletableFuture<SignalingClient> join : joins) {
                devices.add(join.get(20, TimeUnit.SECONDS));
            }
            return devices;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Takes waiting lists until none arrives for a moment; returns the last. */
    private static JsonNode lastWaitingList(SignalingClient therapist) {
        JsonNode last = therapist.nextOfType("waiting-list", WAIT);
        while (true) {
            try {
                last = therapist.nextOfType("waiting-list", Duration.ofMillis(500));
            } catch (AssertionError quiet) {
                return last;
            }
        }
    }

    private static void assertNeverWaitingAfterItLeft(SignalingClient therapist, String clientId) {
        therapist.nextOfType("peer-left", WAIT);
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<JsonNode> received = therapist.received();
        boolean left = false;
        for (JsonNode message : received) {
            String type = message.path("type").asText();
            left |= type.equals("peer-left") && message.path("participantId").asText().equals(clientId);
            if (left && type.equals("waiting-list")) {
                assertTrue(message.path("waiting").findValuesAsText("participantId").stream().noneMatch(clientId::equals),
                        "the removed client is waiting again: " + message);
            }
        }
        assertTrue(left, "the therapist saw the client leave");
    }

    private static void assertRefused(String token, String resumeKey, String code, int closeCode) {
        try (SignalingClient socket = SignalingClient.join(arena().uri(), token, resumeKey)) {
            assertEquals(code, socket.nextErrorCode(WAIT), socket.types().toString());
            assertEquals(closeCode, socket.awaitClose(WAIT));
            assertTrue(socket.types().stream().noneMatch("welcome"::equals), "refused links get no welcome");
        }
    }
}
