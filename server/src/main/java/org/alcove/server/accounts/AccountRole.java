package org.alcove.server.accounts;

import java.util.Optional;

/** What a staff account may do; lower-case names are used on the wire, in tokens and in the database. */
public enum AccountRole {
    therapist, admin;

    public static Optional<AccountRole> parse(String value) {
        for (AccountRole role : values()) {
            if (role.name().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
