package org.alcove.server.sessions;

/**
 * What one booking may hold, as {@code GET /api/sessions/limits} tells the dashboard: its form
 * checks these numbers before sending, and learns them here rather than keeping copies.
 *
 * @param maxClients          clients one session may list (the room's seats but the therapist's)
 * @param maxMinutes          the longest session
 * @param maxPastStartMinutes how far in the past a start may be booked (a late booking of a session already running)
 */
public record BookingLimits(int maxClients, int maxMinutes, long maxPastStartMinutes) {
}
