/**
 * The WebSocket transport of the signalling socket, and only that: the {@code /ws} upgrade with
 * every transport limit and the exact {@code Origin} allow-list ({@code SignalingRoute},
 * {@code AllowedOrigins}); the Jetty listener, which only forwards ({@code SignalingEndpoint});
 * what a socket's input goes through, rate limit, auth deadline, parse errors, turning sockets
 * away while draining ({@code SocketInput}, {@code RateLimit}); one socket and its one writer
 * ({@code SocketConnection}, {@code SocketWriter}). {@link org.alcove.server.ws.LiveSockets}
 * assembles it and keeps every open socket: the sweep and ping, the shutdown notice, the counts.
 *
 * <p>It decides nothing about joining or rooms. It depends on {@code room/} through the seam only:
 * it tells the rooms what a socket did through {@link org.alcove.server.room.SocketEvents}, and
 * each socket is a {@link org.alcove.server.room.RoomSocket} the rooms send to and close. A socket
 * on this node whose room is on another (issue 16, relayed through Redis) is served the same way:
 * the {@code SocketEvents} this package is given would relay to that node, where a
 * {@code RoomSocket} relays sends and closes back; nothing in this package changes.
 */
package org.alcove.server.ws;
