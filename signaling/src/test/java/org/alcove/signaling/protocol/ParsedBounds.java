package org.alcove.signaling.protocol;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every parsed message promises the room, whatever text it came from: its fields keep their bounds. */
final class ParsedBounds {
    private ParsedBounds() {
    }

    static void assertWithin(ClientMessage message, String context) {
        assertNotNull(message, context);
        String where = context + ": " + message.getClass().getSimpleName();
        if (message instanceof ClientMessage.Offer offer) {
            assertTrue(bounded(offer.to(), ClientMessage.MAX_ID) && bounded(offer.sdp(), ClientMessage.MAX_SDP), where);
        } else if (message instanceof ClientMessage.Answer answer) {
            assertTrue(bounded(answer.to(), ClientMessage.MAX_ID) && bounded(answer.sdp(), ClientMessage.MAX_SDP), where);
        } else if (message instanceof ClientMessage.Candidate candidate) {
            assertTrue(bounded(candidate.to(), ClientMessage.MAX_ID), where);
            assertTrue(candidate.candidate() == null || candidate.candidate().length() <= ClientMessage.MAX_CANDIDATE, where);
            assertTrue(candidate.sdpMLineIndex() == null || candidate.sdpMLineIndex() >= 0, where);
        } else if (message instanceof ClientMessage.IceRestart restart) {
            assertTrue(bounded(restart.to(), ClientMessage.MAX_ID), where);
        } else if (message instanceof ClientMessage.Admit admit) {
            assertTrue(bounded(admit.participantId(), ClientMessage.MAX_ID), where);
        } else if (message instanceof ClientMessage.Decline decline) {
            assertTrue(bounded(decline.participantId(), ClientMessage.MAX_ID), where);
        } else if (message instanceof ClientMessage.Remove remove) {
            assertTrue(bounded(remove.participantId(), ClientMessage.MAX_ID), where);
        } else if (message instanceof ClientMessage.Extend extend) {
            assertTrue(extend.minutes() >= 1 && extend.minutes() <= 60, where);
        } else if (message instanceof ClientMessage.Auth auth) {
            assertTrue(bounded(auth.token(), 8 * 1024), where);
            assertTrue(auth.resumeKey() == null || auth.resumeKey().length() <= ClientMessage.MAX_ID, where);
        } else if (message instanceof ClientMessage.Quality quality) {
            assertTrue(bounded(quality.peerId(), ClientMessage.MAX_ID), where);
            assertTrue(quality.rttMs() != null && quality.rttMs() >= 0 && quality.rttMs() <= ClientMessage.MAX_RTT_MS, where);
            assertTrue(quality.lossPercent() != null && quality.lossPercent() >= 0 && quality.lossPercent() <= 100, where);
        }
    }

    private static boolean bounded(String value, int max) {
        return value != null && !value.isEmpty() && value.length() <= max;
    }
}
