package org.alcove.server.sessions;

import org.alcove.server.accounts.AccountRole;
import org.alcove.server.accounts.User;
import org.alcove.server.accounts.UserStore;
import org.alcove.server.auth.Authenticator;
import org.alcove.server.auth.Caller;
import org.alcove.server.http.ApiException;
import org.alcove.server.http.ApiRequest;
import org.alcove.server.http.Check;
import org.alcove.server.http.Reply;
import org.alcove.server.http.Router;
import org.alcove.server.room.LiveSessions;
import org.alcove.server.store.ParticipantRecord;
import org.alcove.server.store.SessionRecord;
import org.alcove.server.store.SessionStatus;
import org.alcove.server.store.SessionStore;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.room.RoomPolicy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/sessions}. A therapist sees and changes only their own sessions; anyone else's
 * answers 404, exactly like a missing id, so ids are never confirmed. Admins see all.
 */
public final class SessionRoutes {
    /**
     * Every booked client must fit in the room at once: as many as a room has client seats. The
     * size is {@link RoomPolicy#MAX_PARTICIPANTS} for every room, so the default policy's count is theirs.
     */
    public static final int MAX_CLIENTS = RoomPolicy.DEFAULT.clientSeats();
    public static final int MAX_MINUTES = 240;
    /** How far in the past a start may be booked: "now" with a little slack for a late booking. */
    public static final Duration MAX_PAST_START = Duration.ofHours(1);

    private final SessionStore store;
    private final UserStore users;
    private final Scheduling scheduling;
    private final Authenticator authenticator;
    private final LiveSessions liveSessions;
    private final Duration overrun;
    private final Clock clock;

    record ScheduleRequest(String startsAt, Integer durationMinutes, List<ClientRequest> clients, String therapistId) {
    }

    record ClientRequest(String name, String email) {
    }

    public SessionRoutes(SessionStore store, UserStore users, Scheduling scheduling, Authenticator authenticator,
                         LiveSessions liveSessions, Duration overrun, Clock clock) {
        this.store = store;
        this.users = users;
        this.scheduling = scheduling;
        this.authenticator = authenticator;
        this.liveSessions = liveSessions;
        this.overrun = overrun;
        this.clock = clock;
    }

    public void register(Router router) {
        router.add("POST", "/api/sessions", this::schedule);
        router.add("GET", "/api/sessions", this::list);
        // Before /{id}, which would otherwise take "limits" for an id (session ids start with s_).
        router.add("GET", "/api/sessions/limits", request -> {
            authenticator.require(request);
            return Reply.ok(new BookingLimits(MAX_CLIENTS, MAX_MINUTES, MAX_PAST_START.toMinutes()));
        });
        router.add("GET", "/api/sessions/{id}", request -> {
            Caller caller = authenticator.require(request);
            return Reply.ok(view(visible(caller, request.param("id")), caller));
        });
        router.add("DELETE", "/api/sessions/{id}", this::cancel);
        router.add("POST", "/api/sessions/{id}/clients/{clientId}/link", this::reissue);
    }

    private Reply schedule(ApiRequest request) {
        Caller caller = authenticator.require(request);
        ScheduleRequest body = request.body(ScheduleRequest.class);
        User therapist = therapistFor(caller, body.therapistId());
        Instant startsAt = startsAt(body.startsAt());
        int minutes = Check.range("durationMinutes", body.durationMinutes(), 1, MAX_MINUTES);
        List<ClientRequest> clients = Check.required("clients", body.clients());
        if (clients.isEmpty() || clients.size() > MAX_CLIENTS) {
            throw ApiException.invalidField("clients", "Field 'clients' must list 1 to " + MAX_CLIENTS + " clients.");
        }
        List<Scheduling.NewClient> booked = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            String at = "clients[" + i + "]";
            ClientRequest client = Check.required(at, clients.get(i));
            String name = Check.text(at + ".name", client.name(), 200);
            String email = client.email() == null ? null : Check.email(at + ".email", client.email());
            booked.add(new Scheduling.NewClient(name, email));
        }
        SessionRecord session = scheduling.schedule(therapist.id(), therapist.name(), startsAt,
                Duration.ofMinutes(minutes), booked, caller.userId());
        return Reply.created(view(session, caller));
    }

    private Reply list(ApiRequest request) {
        Caller caller = authenticator.require(request);
        List<SessionRecord> sessions = caller.isAdmin() ? store.all() : store.forTherapist(caller.userId());
        return Reply.ok(sessions.stream().map(s -> view(s, caller)).toList());
    }

    private Reply cancel(ApiRequest request) {
        Caller caller = authenticator.require(request);
        SessionRecord session = visible(caller, request.param("id"));
        if (!scheduling.cancel(session, caller.userId())) {
            throw notScheduled();
        }
        SessionRecord cancelled = store.find(session.id()).orElseThrow(ApiException::notFound);
        return Reply.ok(view(cancelled, caller));
    }

    private Reply reissue(ApiRequest request) {
        Caller caller = authenticator.require(request);
        SessionRecord session = visible(caller, request.param("id"));
        ParticipantRecord client = store.findParticipant(session.id(), request.param("clientId"))
                .filter(p -> p.role() == Role.client)
                .orElseThrow(ApiException::notFound);
        if (session.status() != SessionStatus.SCHEDULED) {
            throw notScheduled();
        }
        ParticipantRecord reissued = scheduling.reissue(session, client, caller.userId());
        // An admin may revoke a leaked link, but the new one goes to the therapist, who sends it.
        String link = owns(caller, session) ? scheduling.link(session, reissued) : null;
        return Reply.ok(new SessionView.ClientLink(reissued.id(), reissued.name(), link));
    }

    private static boolean owns(Caller caller, SessionRecord session) {
        return session.therapistId().equals(caller.userId());
    }

    private SessionRecord visible(Caller caller, String id) {
        return store.find(id)
                .filter(s -> caller.isAdmin() || s.therapistId().equals(caller.userId()))
                .orElseThrow(ApiException::notFound);
    }

    private User therapistFor(Caller caller, String therapistId) {
        if (!caller.isAdmin()) {
            if (therapistId != null && !therapistId.equals(caller.userId())) {
                throw ApiException.forbidden("Only an admin may book a session for another therapist.");
            }
            return users.find(caller.userId()).orElseThrow(ApiException::unauthorized);
        }
        String id = Check.text("therapistId", therapistId, 100);
        return users.find(id).filter(u -> u.role() == AccountRole.therapist).orElseThrow(() ->
                ApiException.invalidField("therapistId", "Field 'therapistId' must be the id of a therapist account."));
    }

    private Instant startsAt(String value) {
        Check.text("startsAt", value, 64);
        Instant startsAt;
        try {
            startsAt = Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField("startsAt",
                    "Field 'startsAt' must be an ISO-8601 instant such as 2030-01-31T14:00:00Z.");
        }
        if (startsAt.isBefore(clock.instant().minus(MAX_PAST_START))) {
            throw ApiException.invalidField("startsAt", "Field 'startsAt' must not be more than "
                    + MAX_PAST_START.toMinutes() + " minutes in the past.");
        }
        return startsAt;
    }

    /**
     * The API shape. Only the owning therapist gets links. Whoever holds a client's link can ask
     * to join under that client's name, and the therapist, seeing the name, would admit them: an
     * admin (who must never receive media) gets none, not even for a session they booked.
     */
    private SessionView view(SessionRecord session, Caller caller) {
        boolean owner = owns(caller, session);
        String therapistLink = null;
        List<SessionView.ClientLink> clients = new ArrayList<>();
        SessionStatus status = shownStatus(session);
        boolean live = status == SessionStatus.SCHEDULED;
        for (ParticipantRecord p : store.participants(session.id())) {
            if (p.role() == Role.therapist) {
                therapistLink = owner && live ? scheduling.link(session, p) : null;
            } else {
                clients.add(new SessionView.ClientLink(p.id(), p.name(),
                        owner && live ? scheduling.link(session, p) : null));
            }
        }
        SessionView.Live occupancy = live
                ? liveSessions.occupancy(session.id()).map(o -> new SessionView.Live(o.waiting(), o.inCall())).orElse(null)
                : null;
        return new SessionView(session.id(), session.therapistId(), session.startsAt(), session.endsAt(),
                status.name().toLowerCase(Locale.ROOT), therapistLink, List.copyOf(clients), occupancy);
    }

    /**
     * A booked session nobody joined is never ended by a room, but once its window has closed
     * its links no longer join: show it as ended, as the join check treats it.
     */
    private SessionStatus shownStatus(SessionRecord session) {
        if (session.status() == SessionStatus.SCHEDULED
                && clock.instant().isAfter(session.endsAt().plus(overrun))) {
            return SessionStatus.ENDED;
        }
        return session.status();
    }

    private static ApiException notScheduled() {
        return ApiException.conflict("session-not-scheduled", "The session has already ended or been cancelled",
                "Only a scheduled session can be changed.");
    }
}
