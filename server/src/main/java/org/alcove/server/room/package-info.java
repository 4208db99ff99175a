/**
 * The live rooms of this node: the registry of rooms ({@code Rooms}), which feeds the plain-Java
 * {@link org.alcove.signaling.room.Room} and carries out its effects ({@code RoomEffects}) and
 * keeps which socket sits in which room; the join policy ({@code JoinGate}); the one owner of a
 * whole join, check, seat, recheck and the race with a cancellation, reissue or removal stored
 * meanwhile ({@code Joins}); what rooms persist ({@code RoomRecorder}); and what the scheduling
 * and admin sides may ask of them ({@link org.alcove.server.room.LiveSessions},
 * {@link org.alcove.server.room.LiveAdmin}). {@link org.alcove.server.room.LiveRooms} assembles it.
 *
 * <p>Nothing here knows the WebSocket transport ({@code ws/}). Two interfaces are the whole seam:
 * {@link org.alcove.server.room.SocketEvents}, what the transport tells the rooms (a socket's
 * {@code auth}, its messages, its close), and {@link org.alcove.server.room.RoomSocket}, how rooms
 * address a socket (id, send, close, and being told it took its seat). They are drawn so a socket
 * held by another node can reach a room held by this one (issue 16, relayed through Redis): a
 * relay implements {@code SocketEvents} on the socket's node and {@code RoomSocket} on the room's,
 * and nothing else here changes.
 */
package org.alcove.server.room;
