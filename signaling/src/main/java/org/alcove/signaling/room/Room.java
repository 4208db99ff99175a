package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.ServerMessage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The live state of one scheduled session: who holds a seat, who waits, who is in the call,
 * and the clock rules. Plain Java with no I/O and no threads: every input returns the
 * {@link Effect}s the host must apply, and time only moves when the host passes {@code now}.
 * Every state change also yields an {@link Effect.Record} of the matching {@link RoomEvent}.
 *
 * <p>Not thread-safe. The host serialises all calls for one room and enqueues the returned
 * sends before the next call, so that messages to a connection keep their order.
 *
 * <h2>Rules</h2>
 * This class decides who may send what and dispatches; every other rule is stated in full, with
 * the choices made within it, on the package-private class named with it here.
 * <ul>
 *   <li><b>Seats</b> ({@code Seat}, {@code Arrivals}). One seat per participant id, waiting
 *       (clients) or admitted (therapist always; clients once admitted), and live or held (its
 *       connection dropped less than {@link RoomPolicy#reconnectGrace()} ago). The therapist is
 *       never locked out; a client's link holds one seat, which only its resume key takes over;
 *       one seat is always kept for the therapist ({@code session-full}).</li>
 *   <li><b>Waiting room.</b> A waiting client receives only its {@code welcome}, errors,
 *       {@code pong}, session timing messages and its final close: no roster, no presence, no
 *       negotiation. Negotiation it sends is refused with {@code not-allowed}. The therapist
 *       receives {@code waiting-list} whenever the list of waiting clients changes, and on
 *       entering.</li>
 *   <li><b>Admission</b> ({@code Admission}): {@code admit}, {@code decline}, {@code remove};
 *       declined and removed participants never join this room again.</li>
 *   <li><b>Relay</b> ({@code Relay}) of negotiation between admitted participants, with
 *       {@code from} stamped from the seat; in every pair exactly one side is polite
 *       ({@code Seats}), and every {@code roster} carries the receiver's own {@link IceConfig}.</li>
 *   <li><b>Drops</b> ({@code Presence}): {@link #disconnected} holds the seat, the call hears
 *       {@code peer-reconnecting}; a resume gets {@code welcome resumed=true} ({@code Arrivals}).</li>
 *   <li><b>Time</b> ({@code Timekeeper}): grace expiry, one {@code session-warning}, {@code extend}
 *       up to {@link RoomPolicy#maxExtension()}, the end at {@code endsAt + overrun}.</li>
 *   <li><b>End</b> ({@code Ending}): everyone gets {@code session-ended} and its close; no joins after.</li>
 *   <li><b>Quality</b> ({@code RoomViews}): reports are kept for {@link #snapshot()}, told to nobody.</li>
 *   <li><b>From outside</b> ({@code Revocation}, {@code AdminActions}): {@link #revoke},
 *       {@link #endByAdmin}, {@link #removeByAdmin}.</li>
 *   <li><b>Roles.</b> {@code admit}, {@code decline}, {@code remove}, {@code extend},
 *       {@code end} from a client: {@code not-allowed}. {@code auth} on a joined connection:
 *       {@code already-authenticated}. {@code leave}: the seat is released at once
 *       ({@code peer-left left}) and the connection closed {@code NORMAL}.</li>
 * </ul>
 */
public final class Room {
    private final SessionClock clock;
    private final Seats seats;
    private final Ending ending;
    private final Revocation revocation;
    private final Admission admission;
    private final Relay relay;
    private final Arrivals arrivals;
    private final Timekeeper timekeeper;
    private final AdminActions adminActions;
    private final RoomViews views;

    /** A room whose participants get no ICE servers (host candidates only). */
    public Room(Schedule schedule, RoomPolicy policy) {
        this(schedule, policy, IceConfig.NONE);
    }

    /**
     * {@code ice} fills each {@code roster}; TURN credentials in it expire at the latest end the
     * session can reach (booked end + {@link RoomPolicy#maxExtension()} + {@link RoomPolicy#overrun()}).
     */
    public Room(Schedule schedule, RoomPolicy policy, IceConfig ice) {
        Objects.requireNonNull(policy, "policy");
        this.clock = new SessionClock(Objects.requireNonNull(schedule, "schedule"), policy);
        this.seats = new Seats(Objects.requireNonNull(ice, "ice"), clock.latestEnd());
        this.ending = new Ending(seats, schedule.sessionId());
        this.revocation = new Revocation(seats);
        this.admission = new Admission(seats, revocation);
        this.relay = new Relay(seats);
        this.arrivals = new Arrivals(seats, clock, policy, ending, revocation);
        this.timekeeper = new Timekeeper(seats, clock, policy, ending);
        this.adminActions = new AdminActions(seats, ending, revocation);
        this.views = new RoomViews(seats, clock);
    }

    /** The session's schedule, with {@code endsAt} as extended so far. */
    public Schedule schedule() {
        return clock.schedule();
    }

    /**
     * A connection authenticated as {@code who} (token and stored state already checked by
     * the host). {@code resumeKey} is the one the client got in an earlier {@code welcome},
     * or {@code null}.
     */
    public List<Effect> join(Connection connection, Participant who, String resumeKey, Instant now) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(who, "who");
        Outbox out = outbox(now);
        if (arrivals.arrive(connection, who, resumeKey, out)) {
            views.joined(now);
        }
        return out.effects();
    }

    /** A parsed message from a joined connection. Messages from unknown connections are ignored. */
    public List<Effect> handle(Connection connection, ClientMessage message, Instant now) {
        Seat seat = seats.byConnection(connection);
        if (seat == null || ending.over()) {
            return List.of();
        }
        Outbox out = outbox(now);
        // Java 17 has no pattern switch; RoleRulesTest sends every permitted subtype so a
        // new message type fails the build's tests until it is handled here.
        if (message instanceof ClientMessage.Auth) {
            out.error(connection, ErrorCode.ALREADY_AUTHENTICATED);
        } else if (message instanceof ClientMessage.Ping) {
            out.send(connection, new ServerMessage.Pong());
        } else if (message instanceof ClientMessage.Leave) {
            Presence.leave(seats, seat, out);
        } else if (Relay.relays(message)) {
            relay.relay(seat, message, out);
        } else if (message instanceof ClientMessage.Quality m) {
            views.quality(seat, m, out);
        } else if (!seat.therapist()) {
            out.error(connection, ErrorCode.NOT_ALLOWED);
        } else if (Admission.decides(message)) {
            admission.decide(seat, message, out);
        } else if (message instanceof ClientMessage.Extend m) {
            timekeeper.extend(seat, m.minutes(), out);
        } else if (message instanceof ClientMessage.End) {
            ending.finish(EndReason.ENDED_BY_THERAPIST, out);
        } else {
            throw new IllegalStateException("unhandled message type " + message.getClass().getSimpleName());
        }
        return out.effects();
    }

    /** The connection's socket closed without {@code leave}; a no-op for replaced or unknown connections. */
    public List<Effect> disconnected(Connection connection, Instant now) {
        Seat seat = seats.byConnection(connection);
        if (seat == null || ending.over()) {
            return List.of();
        }
        Outbox out = outbox(now);
        seats.hold(seat, now);
        out.record(RoomEvent.Type.DISCONNECTED, seat.who);
        Presence.dropped(seats, seat, out);
        return out.effects();
    }

    /** Advances time: grace expiries, the end warning, the automatic end. Called about once a second. */
    public List<Effect> tick(Instant now) {
        return unlessEnded(now, out -> timekeeper.tick(now, out));
    }

    /** Ends the session from outside the call (cancellation, an admin). Idempotent. */
    public List<Effect> end(EndReason reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        return unlessEnded(now, out -> ending.finish(reason, out));
    }

    /** An admin ended the session: the live therapist hears why first ({@code admin-action}). Idempotent. */
    public List<Effect> endByAdmin(String reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        return unlessEnded(now, out -> adminActions.end(reason, out));
    }

    /** An admin removed a client: the live therapist hears why first, then {@link #revoke} {@code REMOVED}. */
    public List<Effect> removeByAdmin(String participantId, String reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        return unlessEnded(now, out -> adminActions.remove(participantId, reason, out));
    }

    /**
     * Takes a seat away from outside the call, {@code why} being {@link ErrorCode#LINK_REISSUED}
     * (which also lifts an earlier decline or removal), {@link ErrorCode#REMOVED} (barred for good)
     * or {@link ErrorCode#ACCOUNT_DISABLED}; the connection gets that error and its close.
     */
    public List<Effect> revoke(String participantId, ErrorCode why, Instant now) {
        Revocation.requireRevocable(why);
        return unlessEnded(now, out -> revocation.revoke(participantId, why, out));
    }

    /** True once the session ended; the host then drops the room. */
    public boolean ended() {
        return ending.over();
    }

    /** Seat counts for dashboards; names and ids stay inside the room. */
    public Occupancy occupancy() {
        return views.occupancy();
    }

    /** Ids, states, counts and timestamps for the admin view; see {@link RoomSnapshot}. */
    public RoomSnapshot snapshot() {
        return views.snapshot();
    }

    /** True when no connection is live and no seat is held. */
    public boolean idle() {
        return seats.isEmpty();
    }

    /** An input from outside the call, which an ended room ignores. */
    private List<Effect> unlessEnded(Instant now, Consumer<Outbox> input) {
        Outbox out = outbox(now);
        if (!ending.over()) {
            input.accept(out);
        }
        return out.effects();
    }

    private Outbox outbox(Instant now) {
        return new Outbox(clock.schedule().sessionId(), Objects.requireNonNull(now, "now"));
    }
}
