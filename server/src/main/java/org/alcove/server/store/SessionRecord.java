package org.alcove.server.store;

import org.alcove.signaling.protocol.EndReason;

import java.time.Instant;

/**
 * A scheduled session as stored. {@code endsAt} includes any extension.
 *
 * @param endReason set once the session is ended or cancelled, else {@code null}
 */
public record SessionRecord(String id, String therapistId, Instant startsAt, Instant endsAt,
                            SessionStatus status, EndReason endReason, Instant endedAt, Instant createdAt) {
}
