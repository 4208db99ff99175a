package org.alcove.server.ops;

import java.time.Instant;

/**
 * Whether the server is draining before it stops. Once started it never ends: readiness fails,
 * the socket side turns new sockets and joins away, and connected sockets learn when they close.
 */
public final class Drain {
    private volatile Instant closesAt;

    /** Starts draining; sockets will be closed at about {@code closesAt}. False if already draining. */
    public synchronized boolean start(Instant closesAt) {
        if (this.closesAt != null) {
            return false;
        }
        this.closesAt = closesAt;
        return true;
    }

    public boolean underway() {
        return closesAt != null;
    }

    /** When connected sockets will be closed; {@code null} while not draining. */
    public Instant closesAt() {
        return closesAt;
    }
}
