package org.alcove.signaling.room;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.alcove.signaling.protocol.ServerMessage;
import org.alcove.signaling.recorded.FuzzBudget;
import org.alcove.signaling.recorded.RecordedSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real calls recorded from webrtc-java and Chromium clients ({@code recorded-sessions/}),
 * replayed through the codec and the room as the server's socket side drives them, first as
 * they happened and then damaged by {@link SessionMutations} and frame-level mutations. No
 * exception may escape and {@link RoomPromises} must hold after every input: nothing relayed
 * to anyone not admitted, relays only to the addressee with the true sender, no participant
 * in two live seats, nothing sent to a closed connection, every fatal error followed by its
 * close. Bounded by count and wall time; a failure names its seed.
 */
@Tag("adversarial")
class RecordedSessionFuzzTest {
    private static final int MAX_SESSIONS = 20_000;
    private static final Duration MAX_TIME = Duration.ofSeconds(6);
    private static final Set<String> RELAYED = Set.of("offer", "answer", "candidate", "ice-restart");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the mutated calls must provoke between them: relays, every refusal the room has for a bad frame, seats contested. */
    private static final Set<String> REACHED = Set.of("Offer", "Answer", "Candidate", "IceRestart", "PeerReconnecting",
            "resumed", "refused by the codec", "not-allowed", "unknown-participant", "already-authenticated",
            "seat-taken", "replaced", "declined", "removed", "peer-reconnecting");

    private final List<RecordedSession> sessions = RecordedSession.all();

    /** Proves the replay is faithful: unmutated, every recorded call goes through cleanly. */
    @Test
    void recorded_calls_replay_cleanly_with_every_negotiation_frame_relayed() {
        assertFalse(sessions.isEmpty());
        for (RecordedSession session : sessions) {
            Replay replay = new Replay();
            Script.of(session).play(replay);
            long sent = session.texts().stream().filter(text -> RELAYED.contains(typeOf(text))).count();
            long relayed = replay.effects.stream()
                    .filter(e -> e instanceof Effect.Send send && RoomPromises.relaySender(send.message()) != null)
                    .count();
            assertTrue(sent > 0, session.name() + " negotiated");
            assertEquals(sent, relayed, session.name() + ": relayed frames");
            assertEquals(List.of(), sent(replay, ServerMessage.Error.class), session.name() + ": errors");
            // The therapist gets its roster on entering, each client on admission.
            assertEquals(session.senders().size(), sent(replay, ServerMessage.Roster.class).size(),
                    session.name() + ": everyone in the call");
        }
    }

    @Test
    void mutated_recorded_calls_never_break_the_rooms_promises() {
        assertFalse(sessions.isEmpty());
        Set<String> reached = new TreeSet<>();
        FuzzBudget.run("RecordedSessionFuzzTest", MAX_SESSIONS, MAX_TIME, random -> {
            Script script = Script.of(sessions.get(random.nextInt(sessions.size())));
            new SessionMutations(random, script).mutate(script);
            Replay replay = new Replay();
            script.play(replay);
            reached.addAll(outcomes(replay));
        });
        // Mutations that stopped reaching these would leave the room's defences untried.
        assertTrue(reached.containsAll(REACHED), "the mutated calls never reached " + missing(reached));
    }

    private static Set<String> outcomes(Replay replay) {
        Set<String> outcomes = new TreeSet<>();
        for (Effect effect : replay.effects) {
            if (effect instanceof Effect.Send send) {
                ServerMessage message = send.message();
                outcomes.add(message instanceof ServerMessage.Error error ? error.code().wireName()
                        : message instanceof ServerMessage.Welcome welcome && welcome.resumed() ? "resumed"
                        : message.getClass().getSimpleName());
            }
        }
        if (replay.codecRefusals > 0) {
            outcomes.add("refused by the codec");
        }
        return outcomes;
    }

    private static Set<String> missing(Set<String> reached) {
        Set<String> missing = new TreeSet<>(REACHED);
        missing.removeAll(reached);
        return missing;
    }

    private static <T extends ServerMessage> List<T> sent(Replay replay, Class<T> type) {
        return replay.effects.stream()
                .filter(e -> e instanceof Effect.Send send && type.isInstance(send.message()))
                .map(e -> type.cast(((Effect.Send) e).message()))
                .toList();
    }

    private static String typeOf(String text) {
        try {
            return JSON.readTree(text).path("type").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
