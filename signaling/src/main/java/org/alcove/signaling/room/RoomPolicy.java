package org.alcove.signaling.room;

import java.time.Duration;

/**
 * The timing and size rules every room follows; built by the server from configuration.
 *
 * @param reconnectGrace  how long a dropped participant keeps their seat
 * @param endWarning      how long before the end everyone is warned
 * @param overrun         how long after the booked end the session is closed automatically
 * @param maxExtension    the most a therapist may extend one session in total
 * @param maxParticipants seats in one room, therapist included
 */
public record RoomPolicy(Duration reconnectGrace, Duration endWarning, Duration overrun,
                         Duration maxExtension, int maxParticipants) {

    /**
     * The size of every room the server opens, therapist included ("up to 6 people in a family
     * or group session"): the one place the number lives. Not configurable: it bounds the full
     * mesh each browser sends to, which the web client's video settings assume.
     */
    public static final int MAX_PARTICIPANTS = 6;

    public static final RoomPolicy DEFAULT = new RoomPolicy(
            Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(60),
            MAX_PARTICIPANTS);

    /**
     * Seats clients may take: every seat but the one always kept for the therapist. It is also
     * the most clients one booking may list, so every booked client fits in the room at once.
     */
    public int clientSeats() {
        return maxParticipants - 1;
    }
}
