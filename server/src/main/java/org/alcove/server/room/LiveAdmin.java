package org.alcove.server.room;

import org.alcove.signaling.room.RoomSnapshot;

import java.util.List;

/**
 * What the admin side may see of and do to live rooms. It sees only {@link RoomSnapshot}s
 * (ids, states, counts, timestamps), never anything participants relay to each other.
 * Calls for sessions with no live room are no-ops.
 */
public interface LiveAdmin {

    /** Every live room that has not ended, in no particular order. */
    List<RoomSnapshot> snapshots();

    /** Ends the session: the therapist is told {@code reason}, everyone gets {@code session-ended ended-by-admin}. */
    void endByAdmin(String sessionId, String reason);

    /** Removes a client: the therapist is told {@code reason}, the client is removed and barred. */
    void removeByAdmin(String sessionId, String participantId, String reason);
}
