package org.alcove.server.room;

import org.alcove.signaling.protocol.CloseCode;
import org.alcove.signaling.protocol.ServerMessage;
import org.alcove.signaling.room.Connection;
import org.alcove.signaling.room.Participant;

/**
 * A socket as the rooms address it, and all they may do with it: name it (the
 * {@link Connection} a room puts in its effects), queue a message on it, close it. The local
 * WebSocket ({@code ws/SocketConnection}) implements it; so would a socket held by another node
 * and relayed to the node that holds its room (issue 16), its sends and close travelling back.
 * Rooms keep which socket sits in which room themselves ({@code Rooms}); a socket knows nothing
 * of its room.
 */
public interface RoomSocket extends Connection {

    /** Queues {@code message} after everything queued before; a socket that cannot keep up closes itself. */
    void send(ServerMessage message);

    /** Closes the socket once everything queued so far is written. Idempotent. */
    void close(CloseCode code);

    /**
     * Called by the rooms under the room's lock, before anything is sent for the seat: the socket
     * now speaks for {@code who} in {@code sessionId} (opaque ids for its log lines and counts).
     * Returns false when the socket already closed, for instance while its token was being
     * checked: then it must not take the seat, since no close would ever release it.
     */
    boolean seated(String sessionId, Participant who);
}
