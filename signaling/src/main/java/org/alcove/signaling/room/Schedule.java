package org.alcove.signaling.room;

import java.time.Instant;
import java.util.Objects;

/** When a session is booked: its id, start and (possibly extended) end. */
public record Schedule(String sessionId, Instant startsAt, Instant endsAt) {
    public Schedule {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("endsAt must be after startsAt");
        }
    }
}
