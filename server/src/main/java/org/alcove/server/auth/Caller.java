package org.alcove.server.auth;

import org.alcove.server.accounts.AccountRole;

/** The signed-in staff member behind an API request, with the role their account has now. */
public record Caller(String userId, AccountRole role, String name) {

    public boolean isAdmin() {
        return role == AccountRole.admin;
    }
}
