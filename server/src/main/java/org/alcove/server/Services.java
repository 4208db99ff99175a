package org.alcove.server;

import org.alcove.server.accounts.UserStore;
import org.alcove.server.audit.AuditLog;
import org.alcove.server.auth.JoinTokens;
import org.alcove.server.auth.LoginTokens;
import org.alcove.server.auth.Passwords;
import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.sessions.Scheduling;
import org.alcove.server.store.Database;
import org.alcove.server.store.SessionStore;

import java.time.Clock;

/**
 * The stores, tokens and scheduling a started {@link Server} runs on, as one immutable value.
 * {@link Server#start()} returns it to whoever started the server, and only to them: {@link Main}
 * (the first admin, the demo; see {@link Bootstrap}) and the integration tests' fixture, which
 * hands tests what they check behind the API. Nothing can reach into a running server otherwise;
 * routes and the live side get their parts through their constructors.
 *
 * @param clock the time every token, schedule and audit row uses
 */
public record Services(AlcoveConfig config, Clock clock, Database database, SessionStore sessions, AuditLog audit,
                       UserStore users, Passwords passwords, JoinTokens joinTokens, LoginTokens loginTokens,
                       Scheduling scheduling) {
}
