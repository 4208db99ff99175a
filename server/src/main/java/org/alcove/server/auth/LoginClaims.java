package org.alcove.server.auth;

import org.alcove.server.accounts.AccountRole;

import java.time.Instant;

/** What a verified login token says about the signed-in staff member. */
public record LoginClaims(String userId, AccountRole role, Instant expiresAt) {
}
