package org.alcove.server;

import org.alcove.server.accounts.UserStore;
import org.alcove.server.admin.AdminRoutes;
import org.alcove.server.admin.UserRoutes;
import org.alcove.server.attendance.AttendanceRoutes;
import org.alcove.server.audit.AuditLog;
import org.alcove.server.audit.AuditRoutes;
import org.alcove.server.auth.AuthRoutes;
import org.alcove.server.auth.Authenticator;
import org.alcove.server.auth.Passwords;
import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.http.Json;
import org.alcove.server.http.Reply;
import org.alcove.server.http.Router;
import org.alcove.server.ops.Drain;
import org.alcove.server.ops.Metrics;
import org.alcove.server.ops.Readiness;
import org.alcove.server.room.LiveAdmin;
import org.alcove.server.room.LiveSessions;
import org.alcove.server.sessions.SessionRoutes;
import org.alcove.server.store.SessionStore;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The HTTP API's table of contents: every feature's routes, registered on the one router. Part of
 * {@link Server}'s wiring, in a file of its own so each feature's line stays whole and readable.
 */
final class ApiRoutes {
    private ApiRoutes() {
    }

    /**
     * @param live         what scheduling and account changes tell the live rooms (cancel, reissue, disable)
     * @param publicUrl    the base of links and of the allowed {@code Origin}
     * @param secureCookie whether the sign-in cookie is {@code Secure}
     * @return the admin routes, whose live-view streams start and stop with the server
     */
    static AdminRoutes register(Router router, Services services, LiveSessions live, LiveAdmin liveAdmin,
                                Metrics metrics, Drain drain, Supplier<URI> publicUrl, BooleanSupplier secureCookie) {
        AlcoveConfig config = services.config();
        Clock clock = services.clock();
        SessionStore sessions = services.sessions();
        AuditLog audit = services.audit();
        UserStore users = services.users();
        Passwords passwords = services.passwords();

        Authenticator authenticator = new Authenticator(services.loginTokens(), users, publicUrl);
        router.add("GET", "/healthz", request -> Reply.ok(Map.of("status", "ok")));
        new Readiness(services.database(), drain).register(router);
        new AuthRoutes(users, passwords, services.loginTokens(), audit, clock, config.auth(),
                secureCookie, authenticator, metrics).register(router);
        new UserRoutes(users, passwords, authenticator, audit, sessions, live, clock).register(router);
        new SessionRoutes(sessions, users, services.scheduling(), authenticator, live, config.room().overrun(), clock)
                .register(router);
        new AttendanceRoutes(sessions, audit, authenticator, clock).register(router);
        new AuditRoutes(audit, authenticator::requireAdmin).register(router);
        AdminRoutes admin = new AdminRoutes(sessions, users, audit, liveAdmin, authenticator, clock, new Json());
        admin.register(router);
        return admin;
    }
}
