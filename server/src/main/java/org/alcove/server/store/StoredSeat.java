package org.alcove.server.store;

/**
 * A session and one of its seats, read together: what every join checks.
 *
 * @param participant {@code null} when the session has no participant by the id asked for
 */
public record StoredSeat(SessionRecord session, ParticipantRecord participant) {
}
