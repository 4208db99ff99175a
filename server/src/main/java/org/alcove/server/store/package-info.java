/**
 * Storage: the connection pool and schema migrations ({@link org.alcove.server.store.Database}),
 * booked sessions and their participants. Plain JDBC, portable SQL. The audit trail's rows live in
 * the same database but belong to {@code org.alcove.server.audit}.
 */
package org.alcove.server.store;
