package org.alcove.server.store;

/** Lifecycle of a booked session as stored; "in progress" is live state, not stored. */
public enum SessionStatus {
    SCHEDULED, CANCELLED, ENDED
}
