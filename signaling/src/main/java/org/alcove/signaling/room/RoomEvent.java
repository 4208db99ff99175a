package org.alcove.signaling.room;

import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.Role;

import java.time.Instant;

/**
 * Something that happened in a room that the host must persist. Carries opaque ids only.
 *
 * @param participantId who it concerns, or {@code null} for session-wide events
 * @param role          that participant's role, or {@code null}
 * @param endsAt        the new end, for {@link Type#EXTENDED}
 * @param endReason     for {@link Type#ENDED}
 */
public record RoomEvent(Instant at, String sessionId, Type type, String participantId, Role role,
                        Instant endsAt, EndReason endReason) {

    public enum Type {
        /** A connection authenticated and took a seat (waiting or admitted). */
        JOINED,
        /** A client was admitted by the therapist. */
        ADMITTED,
        /** A waiting client was declined; the host marks the participant so the link cannot join again. */
        DECLINED,
        /** A participant was removed; the host marks the participant so the link cannot join again. */
        REMOVED,
        /** A participant left on purpose. */
        LEFT,
        /** A participant's link was reissued while they held a seat; the seat is released. */
        REVOKED,
        /** A participant's connection dropped; the seat is held. */
        DISCONNECTED,
        /** A participant came back within the grace period. */
        RECONNECTED,
        /** The grace period ran out; the seat is released. */
        GRACE_EXPIRED,
        /** A second connection was refused because the seat is in use. */
        SEAT_REFUSED,
        /** A newer connection of the same participant replaced the old one. */
        REPLACED,
        /** The therapist extended the session to {@code endsAt}. */
        EXTENDED,
        /** The session is over; the host marks it ended (unless it was cancelled). */
        ENDED
    }

    public static RoomEvent of(Instant at, String sessionId, Type type, Participant who) {
        return new RoomEvent(at, sessionId, type, who == null ? null : who.id(), who == null ? null : who.role(), null, null);
    }
}
