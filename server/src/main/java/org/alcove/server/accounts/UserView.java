package org.alcove.server.accounts;

/** An account as the API shows it: never the password hash. */
public record UserView(String id, String email, String name, String role, boolean disabled) {
    public static UserView of(User user) {
        return new UserView(user.id(), user.email(), user.name(), user.role().name(), user.disabled());
    }
}
