package org.alcove.server.room;

import org.slf4j.MDC;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts the opaque ids of what a thread is working on into the SLF4J MDC, so every log line
 * written meanwhile (text or JSON) names its session, participant and connection; closing puts
 * back what was there before, so scopes nest. Only opaque ids go here, never names or tokens.
 */
final class LogScope implements AutoCloseable {
    static final String SESSION = "sessionId";
    static final String PARTICIPANT = "participantId";
    static final String CONNECTION = "connectionId";

    private final Map<String, String> previous = new LinkedHashMap<>();

    private LogScope() {
    }

    /** A scope for {@code connection}: its id, and its session and participant once it joined. */
    static LogScope of(SocketConnection connection) {
        return new LogScope().put(CONNECTION, connection == null ? null : connection.id())
                .put(SESSION, connection == null ? null : connection.sessionId())
                .put(PARTICIPANT, connection == null ? null : connection.participantId());
    }

    /** A scope naming {@code sessionId} and {@code participantId} (either may be {@code null}). */
    static LogScope of(String sessionId, String participantId) {
        return new LogScope().put(SESSION, sessionId).put(PARTICIPANT, participantId);
    }

    private LogScope put(String key, String value) {
        if (value != null) {
            previous.put(key, MDC.get(key));
            MDC.put(key, value);
        }
        return this;
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
