package org.alcove.server.accounts;

import java.time.Instant;

/** A staff account as stored; {@code passwordHash} is in {@link org.alcove.server.auth.Passwords} format. */
public record User(String id, String email, String name, AccountRole role, String passwordHash, Instant createdAt) {
}
