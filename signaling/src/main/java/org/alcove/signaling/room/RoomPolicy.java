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

    public static final RoomPolicy DEFAULT = new RoomPolicy(
            Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(60), 6);
}
