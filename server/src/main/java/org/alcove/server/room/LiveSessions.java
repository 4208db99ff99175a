package org.alcove.server.room;

import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.room.Occupancy;

import java.util.Optional;

/**
 * What the scheduling side asks of live rooms when stored state changes under them.
 * Calls for sessions with no live room are no-ops.
 * Also what the dashboard learns about live rooms: counts only.
 */
public interface LiveSessions {

    /** The session was cancelled: everyone connected is told and disconnected. */
    void cancel(String sessionId);

    /**
     * A participant's link stopped working ({@link ErrorCode#LINK_REISSUED}, {@link ErrorCode#REMOVED},
     * or {@link ErrorCode#ACCOUNT_DISABLED} for a disabled staff account).
     */
    void revoke(String sessionId, String participantId, ErrorCode why);

    /** Who is in the session's live room right now, or empty when it has none (or it ended). */
    Optional<Occupancy> occupancy(String sessionId);
}
