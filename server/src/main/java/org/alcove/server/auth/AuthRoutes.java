package org.alcove.server.auth;

import org.alcove.server.accounts.User;
import org.alcove.server.accounts.UserStore;
import org.alcove.server.accounts.UserView;
import org.alcove.server.audit.AuditEvent;
import org.alcove.server.audit.AuditLog;
import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.http.ApiException;
import org.alcove.server.http.Reply;
import org.alcove.server.http.Router;
import org.alcove.server.ops.Metrics;
import org.alcove.server.throttle.FailureWindow;
import org.eclipse.jetty.http.HttpCookie;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * {@code POST /api/auth/login}, {@code /api/auth/logout} and {@code GET /api/auth/me} (the
 * browser cannot read its HttpOnly cookie, so it asks who it is signed in as). A wrong email and a wrong password
 * give the same 401 after the same amount of hashing, so sign-in does not reveal accounts.
 */
public final class AuthRoutes {
    private final UserStore users;
    private final Passwords passwords;
    private final LoginTokens tokens;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration loginTtl;
    private final LoginThrottle throttle;
    private final BooleanSupplier secureCookie;
    private final Authenticator authenticator;
    private final Metrics metrics;

    record LoginRequest(String email, String password) {
    }

    record LoginReply(String token, String role) {
    }

    public AuthRoutes(UserStore users, Passwords passwords, LoginTokens tokens, AuditLog audit, Clock clock,
                      AlcoveConfig.Auth config, BooleanSupplier secureCookie, Authenticator authenticator,
                      Metrics metrics) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.loginTtl = config.loginTtl();
        this.throttle = new LoginThrottle(config.loginMaxFailures(), config.loginMaxFailuresPerAddress(),
                config.loginFailureWindow(), clock);
        this.secureCookie = secureCookie;
        this.authenticator = authenticator;
        this.metrics = metrics;
    }

    public void register(Router router) {
        router.add("POST", "/api/auth/login", request -> {
            authenticator.refuseCrossSite(request);
            return login(request.body(LoginRequest.class), request.remoteAddress());
        });
        router.add("POST", "/api/auth/logout", request -> {
            authenticator.refuseCrossSite(request);
            return Reply.noContent().withCookie(cookie("", 0));
        });
        router.add("GET", "/api/auth/me", request -> {
            Caller caller = authenticator.require(request);
            User user = users.find(caller.userId()).orElseThrow(ApiException::unauthorized);
            return Reply.ok(UserView.of(user));
        });
    }

    private Reply login(LoginRequest body, String address) {
        if (body.email() == null || body.email().isBlank()) {
            throw ApiException.invalidField("email", "Field 'email' is required.");
        }
        if (body.password() == null || body.password().isEmpty()) {
            throw ApiException.invalidField("password", "Field 'password' is required.");
        }
        String email = body.email().trim().toLowerCase(Locale.ROOT);
        // Decided before any hashing, and this attempt is counted as a failure from here on, so
        // parallel guesses cannot all pass while earlier ones hash; a throttled guess costs the
        // attacker time, not the server CPU.
        FailureWindow.Turn turn = throttle.begin(email, address);
        if (turn instanceof FailureWindow.Refused refused) {
            metrics.signInRefused("throttled");
            if (refused.first()) {
                // One row per throttled spell, not per attempt: past the limit, guesses are free to send.
                audit.append(new AuditEvent(clock.instant(), null, null, null, "auth.login", "throttled", null));
            }
            throw ApiException.tooManyAttempts(refused.seconds());
        }
        FailureWindow.Counted attempt = (FailureWindow.Counted) turn;
        Optional<User> user = users.findByEmail(email);
        boolean ok = user.isPresent()
                ? passwords.matches(body.password(), user.get().passwordHash())
                : passwords.matchesNothing(body.password());
        // A disabled account fails exactly like a wrong password, after the same hashing work.
        if (!ok || user.get().disabled()) {
            // No email and no account id in the row: a failed sign-in must not confirm an account.
            metrics.signInRefused("failed");
            audit.append(new AuditEvent(clock.instant(), null, null, null, "auth.login", "failed", null));
            throw ApiException.unauthorized();
        }
        throttle.succeeded(email, attempt);
        User account = user.get();
        audit.append(new AuditEvent(clock.instant(), null, null, account.role().name(), "auth.login", "ok",
                account.id()));
        String token = tokens.issue(account);
        return Reply.ok(new LoginReply(token, account.role().name())).withCookie(cookie(token, loginTtl.toSeconds()));
    }

    private HttpCookie cookie(String value, long maxAgeSeconds) {
        return Authenticator.cookie(value, maxAgeSeconds, secureCookie.getAsBoolean());
    }
}
