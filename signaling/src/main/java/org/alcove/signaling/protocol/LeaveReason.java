package org.alcove.signaling.protocol;

/** Why a participant left the call, as shown to the others in {@code peer-left}. */
public enum LeaveReason {
    /** Sent {@code leave}. */
    left,
    /** Dropped and did not come back within the grace period. */
    @com.fasterxml.jackson.annotation.JsonProperty("connection-lost") connection_lost,
    /** Removed by the therapist or an admin. */
    removed,
    /** Their link was reissued or revoked. */
    @com.fasterxml.jackson.annotation.JsonProperty("link-revoked") link_revoked
}
