package org.alcove.signaling.room;

/**
 * Who holds a seat in a room right now, by count only: what the dashboard shows as "a client is
 * waiting" or "in progress". Seats whose connection dropped are still counted (they are held).
 *
 * @param waiting      clients waiting to be admitted
 * @param inCall       participants in the call, therapist included
 * @param reconnecting seats, waiting or in the call, whose connection dropped
 */
public record Occupancy(int waiting, int inCall, int reconnecting) {
}
