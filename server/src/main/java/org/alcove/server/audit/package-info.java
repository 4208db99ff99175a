/**
 * The audit trail, written and read: {@link org.alcove.server.audit.AuditLog} (the hash-chained,
 * append-only rows every feature appends to, through one background {@code AuditWriter}), the
 * admin-only {@code GET /api/admin/audit} (JSON or CSV) and {@code alcove audit verify}, which walks
 * the hash chain and names the first broken row. Rows carry opaque ids and fixed vocabulary only.
 */
package org.alcove.server.audit;
