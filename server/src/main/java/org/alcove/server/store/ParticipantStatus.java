package org.alcove.server.store;

/** Whether a participant's link may still join: declined and removed are final. */
public enum ParticipantStatus {
    ACTIVE, DECLINED, REMOVED
}
