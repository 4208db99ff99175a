package org.alcove.server;

import org.alcove.server.accounts.AccountRole;
import org.alcove.server.accounts.User;
import org.alcove.server.accounts.UserStore;
import org.alcove.server.audit.AuditEvent;
import org.alcove.server.auth.Passwords;
import org.alcove.server.sessions.Scheduling;
import org.alcove.server.store.Ids;
import org.alcove.server.store.ParticipantRecord;
import org.alcove.server.store.SessionRecord;
import org.alcove.signaling.protocol.Role;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * First-start and demo data. Credentials and links go to {@code out} (the terminal), never to the
 * log: they are shown once to the person who started the server.
 */
final class Bootstrap {
    static final String DEFAULT_ADMIN_EMAIL = "admin@alcove.local";
    static final String DEMO_THERAPIST_EMAIL = "therapist@alcove.local";
    static final Duration DEMO_LENGTH = Duration.ofMinutes(50);

    private Bootstrap() {
    }

    /** Creates the admin account when there is no account at all. */
    static void createAdminIfNone(Services services, PrintStream out) {
        UserStore users = services.users();
        if (!users.isEmpty()) {
            return;
        }
        String configuredEmail = services.config().auth().adminEmail();
        String email = (configuredEmail == null ? DEFAULT_ADMIN_EMAIL : configuredEmail).trim().toLowerCase(Locale.ROOT);
        String configuredPassword = services.config().auth().adminPassword();
        String password = configuredPassword == null ? Passwords.random() : configuredPassword;
        User admin = new User(Ids.user(), email, "Administrator", AccountRole.admin,
                services.passwords().hash(password), services.clock().instant());
        users.create(admin);
        audited(services, "user.created", admin);
        out.println("Admin account created.");
        out.println("  Email:    " + email);
        out.println(configuredPassword == null
                ? "  Password: " + password + "   (shown only this once)"
                : "  Password: as configured (ALCOVE_ADMIN_PASSWORD)");
    }

    /** Accounts made at start are audited like the admin console's, with no acting account (the operator). */
    private static void audited(Services services, String event, User user) {
        services.audit().append(new AuditEvent(services.clock().instant(), null, null, user.role().name(), event, "ok",
                null, user.id()));
    }

    /** Creates or resets the demo therapist and books a session starting now with one client. */
    static void demo(Services services, PrintStream out) {
        UserStore users = services.users();
        String password = Passwords.random();
        String hash = services.passwords().hash(password);
        Optional<User> existing = users.findByEmail(DEMO_THERAPIST_EMAIL);
        User therapist;
        if (existing.isPresent() && existing.get().role() == AccountRole.therapist) {
            therapist = existing.get();
            users.setPasswordHash(therapist.id(), hash);
            audited(services, "user.password-reset", therapist);
        } else if (existing.isEmpty()) {
            therapist = new User(Ids.user(), DEMO_THERAPIST_EMAIL, "Demo Therapist", AccountRole.therapist, hash,
                    services.clock().instant());
            users.create(therapist);
            audited(services, "user.created", therapist);
        } else {
            throw new IllegalStateException(DEMO_THERAPIST_EMAIL + " exists but is not a therapist account");
        }
        out.println("Demo therapist: " + DEMO_THERAPIST_EMAIL + " / " + password);

        Scheduling scheduling = services.scheduling();
        SessionRecord session = scheduling.schedule(therapist.id(), therapist.name(), services.clock().instant(),
                DEMO_LENGTH, List.of(new Scheduling.NewClient("Demo Client", null)), therapist.id());
        List<ParticipantRecord> participants = services.sessions().participants(session.id());
        for (ParticipantRecord p : participants) {
            String label = p.role() == Role.therapist ? "Therapist link: " : "Client link: ";
            out.println(label + scheduling.link(session, p));
        }
    }
}
