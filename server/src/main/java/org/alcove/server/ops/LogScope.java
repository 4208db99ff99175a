package org.alcove.server.ops;

import org.slf4j.MDC;

/**
 * Runs work with the opaque ids of what it is about in the SLF4J MDC, so every log line written
 * meanwhile (text or JSON) names its session, participant and connection; afterwards it puts
 * back what was there before, so scopes nest. Only opaque ids go here, never names or tokens.
 * It wraps every inbound message, so it keeps the previous values in locals rather than a map.
 */
public final class LogScope {
    public static final String SESSION = "sessionId";
    public static final String PARTICIPANT = "participantId";
    public static final String CONNECTION = "connectionId";

    private LogScope() {
    }

    /** Runs {@code work} naming {@code sessionId} and {@code participantId} (either may be {@code null}). */
    public static void around(String sessionId, String participantId, Runnable work) {
        around(null, sessionId, participantId, work);
    }

    /** Runs {@code work} naming a socket and the seat it took (any of them may be {@code null}). */
    public static void around(String connectionId, String sessionId, String participantId, Runnable work) {
        String connectionWas = enter(CONNECTION, connectionId);
        String sessionWas = enter(SESSION, sessionId);
        String participantWas = enter(PARTICIPANT, participantId);
        try {
            work.run();
        } finally {
            leave(PARTICIPANT, participantId, participantWas);
            leave(SESSION, sessionId, sessionWas);
            leave(CONNECTION, connectionId, connectionWas);
        }
    }

    /** Puts {@code value} (unless {@code null}) and returns what {@code key} held before. */
    private static String enter(String key, String value) {
        if (value == null) {
            return null;
        }
        String was = MDC.get(key);
        MDC.put(key, value);
        return was;
    }

    /** Undoes {@link #enter}: nothing if {@code value} was {@code null}, else puts back {@code was}. */
    private static void leave(String key, String value, String was) {
        if (value == null) {
            return;
        }
        if (was == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, was);
        }
    }
}
