package org.alcove.signaling.protocol;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutations of real client messages (as a browser sends them in a session) fed to the codec:
 * every input must either parse into a message whose fields keep their bounds, or be refused
 * with one of the parse codes; no other exception may escape, whatever the bytes. Bounded by a
 * fixed number of inputs; the seed of a failure is in its message.
 */
@Tag("adversarial")
class MessageCodecFuzzTest {
    private static final int INPUTS = 15_000;
    private static final String SDP = "v=0\\r\\no=- 4611731400430051336 2 IN IP4 127.0.0.1\\r\\ns=-\\r\\nt=0 0\\r\\n"
            + "a=group:BUNDLE 0 1\\r\\na=msid-semantic: WMS\\r\\nm=audio 9 UDP/TLS/RTP/SAVPF 111\\r\\n"
            + "c=IN IP4 0.0.0.0\\r\\na=ice-ufrag:abcd\\r\\na=ice-pwd:efghijklmnopqrstuvwxyz12\\r\\n"
            + "a=fingerprint:sha-256 AB:CD:EF\\r\\na=setup:actpass\\r\\na=mid:0\\r\\na=rtpmap:111 opus/48000/2\\r\\n";
    /** What a real session sends, in order: recorded from a browser call and trimmed. */
    private static final List<String> SESSION = List.of(
            "{\"type\":\"auth\",\"token\":\"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwXzEifQ.c2lnbmF0dXJl\"}",
            "{\"type\":\"auth\",\"token\":\"eyJhbGciOiJIUzI1NiJ9.e30.c2ln\",\"resumeKey\":\"Zm9vYmFyYmF6cXV4\"}",
            "{\"type\":\"admit\",\"participantId\":\"p_KLAOnIyrS1wEZMpSFMC5qA\"}",
            "{\"type\":\"decline\",\"participantId\":\"p_KLAOnIyrS1wEZMpSFMC5qA\"}",
            "{\"type\":\"remove\",\"participantId\":\"p_KLAOnIyrS1wEZMpSFMC5qA\"}",
            "{\"type\":\"offer\",\"to\":\"p_KLAOnIyrS1wEZMpSFMC5qA\",\"sdp\":\"" + SDP + "\"}",
            "{\"type\":\"answer\",\"to\":\"p_Hyd9NcF67Acu8kKfyaVCnA\",\"sdp\":\"" + SDP + "\"}",
            "{\"type\":\"candidate\",\"to\":\"p_Hyd9NcF67Acu8kKfyaVCnA\",\"candidate\":\"candidate:842163049 1 udp 1677729535 192.0.2.2 46154 typ srflx raddr 0.0.0.0 rport 0 generation 0\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}",
            "{\"type\":\"candidate\",\"to\":\"p_Hyd9NcF67Acu8kKfyaVCnA\",\"candidate\":\"\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}",
            "{\"type\":\"ice-restart\",\"to\":\"p_Hyd9NcF67Acu8kKfyaVCnA\"}",
            "{\"type\":\"extend\",\"minutes\":10}",
            "{\"type\":\"ping\"}",
            "{\"type\":\"leave\"}",
            "{\"type\":\"end\"}");
    private static final String[] SPLICES = {
            "{", "}", "[", "]", "\"", ":", ",", "null", "true", "-1", "1e999", "0.5", "\\u0000", "\\ud800",
            "\"type\":\"offer\"", "\"to\":{\"to\":{}}", "\u202e", "\u0000", "\uFFFF", "\"type\":\"admit\"",
            "{\"a\":" .repeat(20), "\"x\":\"" + "y".repeat(70_000) + "\""};

    private static final Set<ErrorCode> PARSE_CODES =
            Set.of(ErrorCode.MALFORMED_MESSAGE, ErrorCode.UNKNOWN_TYPE, ErrorCode.INVALID_FIELD);

    private final MessageCodec codec = new MessageCodec();

    @Test
    void mutated_session_messages_parse_or_are_refused_and_nothing_else_escapes() {
        long seed = new SplittableRandom().nextLong();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < INPUTS; i++) {
            String input = mutate(SESSION.get(random.nextInt(SESSION.size())), random);
            try {
                ParsedBounds.assertWithin(codec.parse(input), "seed " + seed);
            } catch (ProtocolException refused) {
                assertTrue(PARSE_CODES.contains(refused.code()), "seed " + seed + ": refused with " + refused.code());
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + e + " escaped for input: "
                        + input.substring(0, Math.min(200, input.length())), e);
            }
        }
    }

    private static String mutate(String message, SplittableRandom random) {
        StringBuilder text = new StringBuilder(message);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && !text.isEmpty(); e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(6)) {
                case 0 -> text.setCharAt(at, (char) random.nextInt(0x20, 0x7f));
                case 1 -> text.deleteCharAt(at);
                case 2 -> text.insert(at, SPLICES[random.nextInt(SPLICES.length)]);
                case 3 -> text.setLength(at);
                case 4 -> text.insert(at, (char) random.nextInt(0, 0x10000));
                default -> {
                    int end = Math.min(text.length(), at + random.nextInt(1, 40));
                    text.insert(end, text.substring(at, end));
                }
            }
        }
        return text.toString();
    }
}
