package org.alcove.server.store;

import org.alcove.signaling.protocol.Role;

/**
 * One booked seat of a session: the therapist's or a client's.
 *
 * @param userId  the therapist's account id; {@code null} for clients (they have no account)
 * @param email   the client's email; {@code null} for the therapist row
 * @param tokenId the {@code jti} of the participant's one valid join link; reissuing replaces it
 */
public record ParticipantRecord(String id, String sessionId, Role role, String name, String email,
                                String userId, String tokenId, ParticipantStatus status) {
}
