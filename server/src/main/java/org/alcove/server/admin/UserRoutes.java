package org.alcove.server.admin;

import org.alcove.server.accounts.AccountRole;
import org.alcove.server.accounts.User;
import org.alcove.server.accounts.UserStore;
import org.alcove.server.accounts.UserView;
import org.alcove.server.audit.AuditEvent;
import org.alcove.server.audit.AuditLog;
import org.alcove.server.auth.Authenticator;
import org.alcove.server.auth.Caller;
import org.alcove.server.auth.Passwords;
import org.alcove.server.http.ApiException;
import org.alcove.server.http.ApiRequest;
import org.alcove.server.http.Check;
import org.alcove.server.http.Reply;
import org.alcove.server.http.Router;
import org.alcove.server.room.LiveSessions;
import org.alcove.server.store.Ids;
import org.alcove.server.store.ParticipantRecord;
import org.alcove.server.store.SessionRecord;
import org.alcove.server.store.SessionStatus;
import org.alcove.server.store.SessionStore;
import org.alcove.signaling.protocol.ErrorCode;

import java.time.Clock;
import java.util.List;

/**
 * Admin-only account management ({@code /api/users}): create and list accounts, disable and
 * re-enable them, reset a password. Every change is audited with the admin as actor and the
 * account's id as detail. It lives in {@code admin/}, not beside the accounts it manages, because
 * it reaches into auth (who is asking) and the live rooms (a disabled therapist leaves them), which
 * themselves read accounts.
 */
public final class UserRoutes {
    public static final int MIN_PASSWORD = 12;
    private static final int MAX_PASSWORD = 1024;

    private final UserStore users;
    private final Passwords passwords;
    private final Authenticator authenticator;
    private final AuditLog audit;
    private final SessionStore sessions;
    private final LiveSessions live;
    private final Clock clock;

    record CreateUser(String email, String name, String role, String password) {
    }

    record NewPassword(String password) {
    }

    public UserRoutes(UserStore users, Passwords passwords, Authenticator authenticator, AuditLog audit,
                      SessionStore sessions, LiveSessions live, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.authenticator = authenticator;
        this.audit = audit;
        this.sessions = sessions;
        this.live = live;
        this.clock = clock;
    }

    public void register(Router router) {
        router.add("POST", "/api/users", this::create);
        router.add("GET", "/api/users", this::list);
        router.add("POST", "/api/users/{id}/disable", request -> setDisabled(request, true));
        router.add("POST", "/api/users/{id}/enable", request -> setDisabled(request, false));
        router.add("POST", "/api/users/{id}/password", this::resetPassword);
    }

    private Reply setDisabled(ApiRequest request, boolean disabled) {
        Caller admin = authenticator.requireAdmin(request);
        User user = users.find(request.param("id")).orElseThrow(ApiException::notFound);
        if (disabled && user.id().equals(admin.userId())) {
            // Otherwise the last admin could lock everyone out of account management.
            throw ApiException.conflict("cannot-disable-self", "You cannot disable your own account",
                    "Ask another admin to disable this account.");
        }
        users.setDisabled(user.id(), disabled);
        audit.append(new AuditEvent(clock.instant(), null, null, user.role().name(),
                disabled ? "user.disabled" : "user.enabled", "ok", admin.userId(), user.id()));
        if (disabled) {
            leaveLiveRooms(user);
        }
        return Reply.ok(UserView.of(users.find(user.id()).orElseThrow(ApiException::notFound)));
    }

    /** "Stops working at once": a disabled therapist already in a call is disconnected too. */
    private void leaveLiveRooms(User user) {
        for (SessionRecord session : sessions.forTherapist(user.id())) {
            if (session.status() != SessionStatus.SCHEDULED) {
                continue;
            }
            for (ParticipantRecord participant : sessions.participants(session.id())) {
                if (user.id().equals(participant.userId())) {
                    live.revoke(session.id(), participant.id(), ErrorCode.ACCOUNT_DISABLED);
                }
            }
        }
    }

    private Reply resetPassword(ApiRequest request) {
        Caller admin = authenticator.requireAdmin(request);
        String password = password(request.body(NewPassword.class).password());
        User user = users.find(request.param("id")).orElseThrow(ApiException::notFound);
        users.setPasswordHash(user.id(), passwords.hash(password));
        audit.append(new AuditEvent(clock.instant(), null, null, user.role().name(), "user.password-reset", "ok",
                admin.userId(), user.id()));
        return Reply.noContent();
    }

    private static String password(String value) {
        String password = Check.required("password", value);
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw ApiException.invalidField("password",
                    "Field 'password' must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters.");
        }
        return password;
    }

    private Reply create(ApiRequest request) {
        Caller admin = authenticator.requireAdmin(request);
        CreateUser body = request.body(CreateUser.class);
        String email = Check.email("email", body.email());
        String name = Check.text("name", body.name(), 200);
        AccountRole role = AccountRole.parse(Check.required("role", body.role())).orElseThrow(() ->
                ApiException.invalidField("role", "Field 'role' must be 'therapist' or 'admin'."));
        String password = password(body.password());
        User user = new User(Ids.user(), email, name, role, passwords.hash(password), clock.instant());
        if (!users.create(user)) {
            throw ApiException.conflict("email-taken", "An account with this email exists",
                    "Choose another email address.");
        }
        audit.append(new AuditEvent(clock.instant(), null, null, role.name(), "user.created", "ok", admin.userId(),
                user.id()));
        return Reply.created(UserView.of(user));
    }

    private Reply list(ApiRequest request) {
        authenticator.requireAdmin(request);
        List<UserView> all = users.all().stream().map(UserView::of).toList();
        return Reply.ok(all);
    }
}
