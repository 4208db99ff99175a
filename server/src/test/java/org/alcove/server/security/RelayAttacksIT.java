package org.alcove.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.BookedSession;
import org.alcove.server.testing.SignalingClient;
import org.alcove.signaling.protocol.ClientMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.alcove.server.security.Messages.WAIT;
import static org.alcove.server.security.Messages.assertAnswered;
import static org.alcove.server.security.Messages.assertNothingRelayed;
import static org.alcove.server.security.Messages.expectErrors;
import static org.alcove.server.security.Messages.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Attacks on the relay: a sender it is not, negotiation out of order for the room's state, and
 * SDP that is not SDP. The room decides who may talk to whom; what they say is relayed opaquely.
 */
@Adversarial
class RelayAttacksIT {
    @RegisterExtension
    static final Arena ARENA = new Arena();

    private static Arena arena() {
        return ARENA;
    }

    /**
     * Attack: SDP that is not SDP at all (markup, quotes, NUL, bare CRs). The server relays SDP
     * opaquely (the browser's parser is the judge). Outcome: it arrives byte for byte, stamped
     * with the real sender, at the one admitted peer named in {@code to} and nowhere else.
     */
    @Test
    void malformed_sdp_is_relayed_unchanged_only_to_the_named_admitted_peer() {
        BookedSession booking = arena().book(2);
        try (Threesome call = Threesome.admitted(arena(), booking)) {
            String junk = "not sdp <script>alert(1)</script>\u0000\r\r\n\"'); DROP TABLE sessions;-- \u202e\uD83D\uDE00";
            call.therapist.send(new ClientMessage.Offer(booking.clientId(0), junk));
            JsonNode offer = call.first.nextOfType("offer", WAIT);
            assertEquals(junk, offer.path("sdp").asText());
            assertEquals(booking.therapistId(), offer.path("from").asText());
            assertAnswered(call.second);
            assertFalse(call.second.types().contains("offer"), "the offer reached a participant it was not addressed to");
            assertNothingRelayed(call.therapist);
        }
    }

    /** Attack: a client writes a {@code from} naming the therapist, to pass its message off as theirs. Outcome: ignored, the relayed copy names the real sender. */
    @Test
    void a_spoofed_from_is_overwritten_with_the_real_sender() {
        BookedSession booking = arena().book(2);
        try (Threesome call = Threesome.admitted(arena(), booking)) {
            String spoof = "{\"type\":\"offer\",\"to\":\"" + booking.clientId(1) + "\",\"sdp\":\"v=0 spoof\",\"from\":\""
                    + booking.therapistId() + "\"}";
            call.first.send(spoof);
            JsonNode offer = call.second.nextOfType("offer", WAIT);
            assertEquals(booking.clientId(0), offer.path("from").asText());
            call.first.send("{\"type\":\"candidate\",\"from\":\"" + booking.therapistId() + "\",\"to\":\"" + booking.clientId(1)
                    + "\",\"candidate\":\"candidate:1 1 udp 1 192.0.2.1 9 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}");
            assertEquals(booking.clientId(0), call.second.nextOfType("candidate", WAIT).path("from").asText());
            assertFalse(call.first.types().contains("error"), "the spoofing client was refused instead");
            assertNothingRelayed(call.therapist);
        }
    }

    /**
     * Attack: negotiation out of order for the state: offer, answer, candidate and ice-restart from
     * a client still waiting; offer as the first message; a second auth. Outcome: not-allowed
     * (nothing reaches the therapist), auth-required with close 4015, already-authenticated.
     */
    @Test
    void negotiation_before_admission_or_before_auth_is_refused() {
        BookedSession booking = arena().book(1);
        try (SignalingClient therapist = SignalingClient.join(arena().uri(), booking.therapistToken());
             SignalingClient waiting = SignalingClient.join(arena().uri(), booking.clientToken(0))) {
            therapist.nextOfType("welcome", WAIT);
            waiting.nextOfType("welcome", WAIT);
            String to = booking.therapistId();
            expectErrors(waiting, Map.of(
                    json(Map.of("type", "offer", "to", to, "sdp", "v=0")), "not-allowed",
                    json(Map.of("type", "answer", "to", to, "sdp", "v=0")), "not-allowed",
                    json(Map.of("type", "candidate", "to", to, "candidate", "candidate:1 1 udp 1 192.0.2.1 9 typ host")),
                    "not-allowed",
                    json(Map.of("type", "ice-restart", "to", to)), "not-allowed",
                    json(Map.of("type", "auth", "token", booking.clientToken(0))), "already-authenticated"));
            therapist.send(new ClientMessage.Offer(booking.clientId(0), "v=0"));
            assertEquals("unknown-participant", therapist.nextErrorCode(WAIT));
            assertNothingRelayed(therapist);
            assertFalse(waiting.types().contains("offer"), "an offer reached a waiting client");
        }
        try (SignalingClient early = SignalingClient.connect(arena().uri())) {
            early.send(json(Map.of("type", "offer", "to", booking.therapistId(), "sdp", "v=0")));
            assertEquals("auth-required", early.nextErrorCode(WAIT));
            assertEquals(4015, early.awaitClose(WAIT));
        }
    }

    /**
     * Attack: an answer (and candidates) with no offer before it. The server keeps no negotiation
     * state (perfect negotiation is the peers' job, and they discard an answer they did not ask
     * for). Outcome: relayed like any answer, to the named peer only; the room is unaffected.
     */
    @Test
    void an_answer_without_an_offer_is_relayed_as_is_to_the_named_peer() {
        BookedSession booking = arena().book(2);
        try (Threesome call = Threesome.admitted(arena(), booking)) {
            call.first.send(new ClientMessage.Answer(booking.therapistId(), "v=0 unsolicited"));
            JsonNode answer = call.therapist.nextOfType("answer", WAIT);
            assertEquals("v=0 unsolicited", answer.path("sdp").asText());
            assertEquals(booking.clientId(0), answer.path("from").asText());
            assertAnswered(call.second);
            assertFalse(call.second.types().contains("answer"));
            assertFalse(call.first.types().contains("error"));
        }
    }

    /** Therapist and two admitted clients. */
    private record Threesome(SignalingClient therapist, SignalingClient first, SignalingClient second) implements AutoCloseable {
        static Threesome admitted(Arena arena, BookedSession booking) {
            Arena.Group call = arena.admittedAll(booking);
            try {
                call.client(0).nextOfType("peer-joined", WAIT);
            } catch (RuntimeException | Error e) {
                call.close();
                throw e;
            }
            return new Threesome(call.therapist(), call.client(0), call.client(1));
        }

        @Override
        public void close() {
            second.close();
            first.close();
            therapist.close();
        }
    }
}
