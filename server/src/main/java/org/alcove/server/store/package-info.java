/**
 * Storage: the connection pool and schema migrations ({@link org.alcove.server.store.Database}),
 * booked sessions and their participants, and the append-only audit trail. Plain JDBC, portable SQL.
 */
package org.alcove.server.store;
