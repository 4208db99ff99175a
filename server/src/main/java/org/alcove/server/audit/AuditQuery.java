package org.alcove.server.audit;

import java.time.Instant;

/**
 * A filter over the audit trail; every criterion is optional ({@code null}). Rows come oldest
 * first ({@code seq} order), at most {@code limit}, starting after row {@code afterSeq}.
 *
 * @param from     rows at or after this time
 * @param to       rows before this time
 * @param type     an event name ({@code room.joined}) or, ending with a dot, a prefix ({@code room.})
 * @param afterSeq only rows with a greater {@code seq} (paging cursor), or 0
 */
public record AuditQuery(Instant from, Instant to, String sessionId, String participantId, String type,
                         long afterSeq, int limit) {
}
