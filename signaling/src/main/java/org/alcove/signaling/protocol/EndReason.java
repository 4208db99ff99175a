package org.alcove.signaling.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a session ended, as sent in {@code session-ended} and stored with the session. */
public enum EndReason {
    @JsonProperty("ended-by-therapist") ENDED_BY_THERAPIST("ended-by-therapist"),
    @JsonProperty("ended-by-admin") ENDED_BY_ADMIN("ended-by-admin"),
    @JsonProperty("time-up") TIME_UP("time-up"),
    @JsonProperty("cancelled") CANCELLED("cancelled");

    private final String wireName;

    EndReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
