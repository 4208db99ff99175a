package org.alcove.server.auth;

import org.alcove.signaling.protocol.Role;

import java.time.Instant;

/** What a verified join token says: the only source of a socket's session, participant and role. */
public record JoinClaims(String sessionId, String participantId, Role role, String tokenId,
                         Instant notBefore, Instant expiresAt) {
}
