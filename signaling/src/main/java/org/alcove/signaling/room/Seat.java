package org.alcove.signaling.room;

import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.protocol.ServerMessage.SeatState;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One participant's place in a room. Mutable on purpose: only the room's own package-private
 * classes touch it, under the room's single-caller rule.
 */
final class Seat {
    final Participant who;
    /** Kept for the life of the seat so a client whose {@code welcome} got lost can still resume. */
    final String resumeKey;
    /** When the seat was taken; orders the waiting list. */
    final Instant since;
    boolean admitted;
    /** {@code null} while the seat is held after a drop. */
    Connection connection;
    Instant droppedAt;
    /** How many times the seat was resumed or taken over by a new connection. */
    int reconnects;
    /** The latest quality report about each peer, by peer id: memory only, for the admin view. */
    final Map<String, RoomSnapshot.Quality> quality = new LinkedHashMap<>();

    Seat(Participant who, String resumeKey, Instant since) {
        this.who = who;
        this.resumeKey = resumeKey;
        this.since = since;
        this.admitted = who.role() == Role.therapist;
    }

    String id() {
        return who.id();
    }

    boolean live() {
        return connection != null;
    }

    boolean therapist() {
        return who.role() == Role.therapist;
    }

    SeatState state() {
        return admitted ? SeatState.admitted : SeatState.waiting;
    }
}
