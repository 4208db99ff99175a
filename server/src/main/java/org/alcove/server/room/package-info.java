/**
 * The live socket side: the Jetty WebSocket endpoint at {@code /ws} (an adapter only) behind an
 * exact {@code Origin} allow-list ({@link org.alcove.server.room.AllowedOrigins}), the
 * auth handshake on the socket ({@link org.alcove.server.room.JoinGate}), one outbound queue
 * per socket ({@link org.alcove.server.room.Outbox}), the per-socket rate limit, and the
 * registry of live rooms ({@link org.alcove.server.room.Rooms}) that feeds the plain-Java
 * {@link org.alcove.signaling.room.Room} and applies its effects.
 */
package org.alcove.server.room;
