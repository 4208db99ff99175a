package org.alcove.signaling.room;

import org.alcove.signaling.protocol.Role;

import java.util.Objects;

/**
 * A booked participant, as established by the server from a verified join token and the
 * session's stored record. {@code name} is shown to the others in the call, never logged.
 */
public record Participant(String id, Role role, String name) {
    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(name, "name");
    }
}
