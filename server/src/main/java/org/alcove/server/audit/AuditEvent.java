package org.alcove.server.audit;

import java.time.Instant;

/**
 * One row of the audit trail. Opaque ids and fixed vocabulary only: never names, emails,
 * tokens, SDP or addresses.
 *
 * @param sessionId     {@code null} for events outside a session (sign-in, accounts)
 * @param participantId {@code null} when not about a participant
 * @param role          participant or account role, or {@code null}
 * @param event         lower-case event name, e.g. {@code session.scheduled}, {@code room.admitted}, {@code auth.failed}
 * @param outcome       {@code ok}, or a stable error code such as {@code link-reissued}
 * @param actorId       the account or participant that caused it, or {@code null}
 * @param detail        an admin's typed reason ({@code admin.*} events), the affected account's id
 *                      ({@code user.*} events), or {@code null}; never a name, email or token
 */
public record AuditEvent(Instant at, String sessionId, String participantId, String role,
                         String event, String outcome, String actorId, String detail) {

    /** An event without detail, as most are. */
    public AuditEvent(Instant at, String sessionId, String participantId, String role,
                      String event, String outcome, String actorId) {
        this(at, sessionId, participantId, role, event, outcome, actorId, null);
    }
}
