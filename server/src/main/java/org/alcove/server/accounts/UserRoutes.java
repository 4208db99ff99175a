package org.alcove.server.accounts;

import org.alcove.server.auth.Authenticator;
import org.alcove.server.auth.Caller;
import org.alcove.server.auth.Passwords;
import org.alcove.server.http.ApiException;
import org.alcove.server.http.ApiRequest;
import org.alcove.server.http.Check;
import org.alcove.server.http.Reply;
import org.alcove.server.http.Router;
import org.alcove.server.store.AuditEvent;
import org.alcove.server.store.AuditLog;
import org.alcove.server.store.Ids;

import java.time.Clock;
import java.util.List;

/** Admin-only account management: {@code POST /api/users} and {@code GET /api/users}. */
public final class UserRoutes {
    public static final int MIN_PASSWORD = 12;
    private static final int MAX_PASSWORD = 1024;

    private final UserStore users;
    private final Passwords passwords;
    private final Authenticator authenticator;
    private final AuditLog audit;
    private final Clock clock;

    record CreateUser(String email, String name, String role, String password) {
    }

    /** An account as shown by the API: never the password hash. */
    public record UserView(String id, String email, String name, String role) {
        static UserView of(User user) {
            return new UserView(user.id(), user.email(), user.name(), user.role().name());
        }
    }

    public UserRoutes(UserStore users, Passwords passwords, Authenticator authenticator, AuditLog audit, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.authenticator = authenticator;
        this.audit = audit;
        this.clock = clock;
    }

    public void register(Router router) {
        router.add("POST", "/api/users", this::create);
        router.add("GET", "/api/users", this::list);
    }

    private Reply create(ApiRequest request) {
        Caller admin = authenticator.requireAdmin(request);
        CreateUser body = request.body(CreateUser.class);
        String email = Check.email("email", body.email());
        String name = Check.text("name", body.name(), 200);
        AccountRole role = AccountRole.parse(Check.required("role", body.role())).orElseThrow(() ->
                ApiException.invalidField("role", "Field 'role' must be 'therapist' or 'admin'."));
        String password = Check.required("password", body.password());
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw ApiException.invalidField("password",
                    "Field 'password' must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters.");
        }
        User user = new User(Ids.user(), email, name, role, passwords.hash(password), clock.instant());
        if (!users.create(user)) {
            throw ApiException.conflict("email-taken", "An account with this email exists",
                    "Choose another email address.");
        }
        audit.append(new AuditEvent(clock.instant(), null, null, role.name(), "user.created", "ok", admin.userId()));
        return Reply.created(UserView.of(user));
    }

    private Reply list(ApiRequest request) {
        authenticator.requireAdmin(request);
        List<UserView> all = users.all().stream().map(UserView::of).toList();
        return Reply.ok(all);
    }
}
