package org.alcove.server.accounts;

import java.time.Instant;

/**
 * A staff account as stored; {@code passwordHash} is in {@link org.alcove.server.auth.Passwords}
 * format. A {@code disabled} account cannot sign in and its tokens are refused.
 */
public record User(String id, String email, String name, AccountRole role, String passwordHash, Instant createdAt,
                   boolean disabled) {

    /** A new, enabled account. */
    public User(String id, String email, String name, AccountRole role, String passwordHash, Instant createdAt) {
        this(id, email, name, role, passwordHash, createdAt, false);
    }
}
