package org.alcove.server.ops;

import org.alcove.signaling.protocol.Role;

/** What the live socket side reports to {@link Metrics} when it is scraped. */
public interface LiveCounts {

    /** Open sockets of {@code role}; {@code null} counts sockets not (yet) authenticated. */
    int openSockets(Role role);

    /** Rooms that are live and not ended. */
    int activeSessions();

    /** Clients waiting to be admitted, over every live room. */
    int waitingParticipants();
}
