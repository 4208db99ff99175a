package org.alcove.server.room;

import org.slf4j.MDC;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs work with the opaque ids of what it is about in the SLF4J MDC, so every log line written
 * meanwhile (text or JSON) names its session, participant and connection; afterwards it puts
 * back what was there before, so scopes nest. Only opaque ids go here, never names or tokens.
 */
final class LogScope {
    static final String SESSION = "sessionId";
    static final String PARTICIPANT = "participantId";
    static final String CONNECTION = "connectionId";

    private final Map<String, String> previous = new LinkedHashMap<>();

    private LogScope() {
    }

    /** Runs {@code work} naming {@code connection}, and its session and participant once it joined. */
    static void around(SocketConnection connection, Runnable work) {
        new LogScope().put(CONNECTION, connection == null ? null : connection.id())
                .put(SESSION, connection == null ? null : connection.sessionId())
                .put(PARTICIPANT, connection == null ? null : connection.participantId())
                .run(work);
    }

    /** Runs {@code work} naming {@code sessionId} and {@code participantId} (either may be {@code null}). */
    static void around(String sessionId, String participantId, Runnable work) {
        new LogScope().put(SESSION, sessionId).put(PARTICIPANT, participantId).run(work);
    }

    private void run(Runnable work) {
        try {
            work.run();
        } finally {
            restore();
        }
    }

    private LogScope put(String key, String value) {
        if (value != null) {
            previous.put(key, MDC.get(key));
            MDC.put(key, value);
        }
        return this;
    }

    private void restore() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
