/**
 * Reading the audit trail: the admin-only {@code GET /api/admin/audit} (JSON or CSV) and
 * {@code alcove audit verify}, which walks the hash chain and names the first broken row.
 */
package org.alcove.server.audit;
