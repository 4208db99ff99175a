package org.alcove.signaling.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.alcove.signaling.recorded.FuzzBudget;
import org.alcove.signaling.recorded.Mutations;
import org.alcove.signaling.recorded.RecordedSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The codec against frames recorded from real calls (webrtc-java and Chromium clients, see
 * {@code recorded-sessions/README.md}), as sent and then damaged by {@link Mutations}: every
 * input parses into a message whose fields keep their bounds, or is refused with one of the
 * parse codes; nothing else escapes. Bounded by count and wall time; a failure names its seed.
 */
@Tag("adversarial")
class RecordedMessageFuzzTest {
    private static final int MAX_INPUTS = 60_000;
    private static final Duration MAX_TIME = Duration.ofSeconds(3);
    private static final Set<ErrorCode> PARSE_CODES =
            Set.of(ErrorCode.MALFORMED_MESSAGE, ErrorCode.UNKNOWN_TYPE, ErrorCode.INVALID_FIELD);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MessageCodec codec = new MessageCodec();
    private final List<RecordedSession> sessions = RecordedSession.all();

    @Test
    void every_recorded_frame_parses_as_the_message_its_client_sent() throws Exception {
        int frames = 0;
        for (RecordedSession session : sessions) {
            for (String text : session.texts()) {
                ClientMessage message = codec.parse(text);
                ParsedBounds.assertWithin(message, session.name());
                String type = JSON.readTree(text).path("type").asText();
                assertEquals(type, wireType(message), session.name());
                frames++;
            }
        }
        assertTrue(frames > 100, "the corpus holds real calls, not a handful of frames: " + frames);
    }

    @Test
    void mutated_recorded_frames_parse_within_bounds_or_are_refused_with_a_parse_code() {
        assertFalse(sessions.isEmpty());
        FuzzBudget.run("RecordedMessageFuzzTest", MAX_INPUTS, MAX_TIME, random -> {
            RecordedSession session = sessions.get(random.nextInt(sessions.size()));
            List<String> texts = session.texts();
            String input = new Mutations(random, session.participantIds())
                    .mutate(texts.get(random.nextInt(texts.size())), null);
            try {
                ParsedBounds.assertWithin(codec.parse(input), "parsed");
            } catch (ProtocolException refused) {
                assertTrue(PARSE_CODES.contains(refused.code()), "refused with " + refused.code());
                assertTrue(refused.field() == null || refused.field().length() <= 64, "an echoed field name is short");
            } catch (RuntimeException e) {
                throw new AssertionError(e + " escaped the codec for input: "
                        + input.substring(0, Math.min(200, input.length())), e);
            }
        });
    }

    private static String wireType(ClientMessage message) {
        return JSON.valueToTree(message).path("type").asText();
    }
}
