package org.alcove.server.room;

import org.alcove.signaling.protocol.ErrorCode;

/**
 * What the scheduling side asks of live rooms when stored state changes under them.
 * Calls for sessions with no live room are no-ops.
 */
public interface LiveSessions {

    /** The session was cancelled: everyone connected is told and disconnected. */
    void cancel(String sessionId);

    /** A participant's link stopped working ({@link ErrorCode#LINK_REISSUED} or {@link ErrorCode#REMOVED}). */
    void revoke(String sessionId, String participantId, ErrorCode why);
}
