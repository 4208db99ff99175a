package org.alcove.server.audit;

/**
 * A stored audit row: its position in the chain ({@code seq}, increasing), the event, and the
 * hashes that link it to the row before (see {@link AuditChain}).
 */
public record AuditRow(long seq, AuditEvent event, String prevHash, String hash) {
}
