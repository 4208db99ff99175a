package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.CloseCode;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.LeaveReason;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.protocol.ServerMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The live state of one scheduled session: who holds a seat, who waits, who is in the call,
 * and the clock rules. Plain Java with no I/O and no threads: every input returns the
 * {@link Effect}s the host must apply, and time only moves when the host passes {@code now}.
 *
 * <p>Not thread-safe. The host serialises all calls for one room and enqueues the returned
 * sends before the next call, so that messages to a connection keep their order.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Seats.</b> One seat per participant id. A seat is waiting (clients) or admitted
 *       (therapist always; clients once admitted), and live (has a connection) or held
 *       (its connection dropped less than {@link RoomPolicy#reconnectGrace()} ago).</li>
 *   <li><b>Therapist is never locked out.</b> A therapist join always succeeds while the room
 *       is not ended: a newer connection replaces a live one (the old gets {@code error replaced}
 *       and close {@code REPLACED}).</li>
 *   <li><b>One seat per link.</b> A client join while the seat is live or held succeeds only
 *       with the seat's resume key (then it replaces the old connection or resumes the held
 *       seat in its previous state). Without it the new connection gets {@code error seat-taken}
 *       and close {@code SEAT_TAKEN}, and the seat is untouched. Once the seat is released
 *       (left, or grace expired) the link may join again, as a new waiting client.</li>
 *   <li><b>Waiting room.</b> A waiting client receives only its {@code welcome}, errors,
 *       {@code pong}, session timing messages and its final close: no roster, no presence, no
 *       negotiation. Negotiation it sends is refused with {@code not-allowed}. The therapist
 *       receives {@code waiting-list} whenever the list of waiting clients changes, and on
 *       entering.</li>
 *   <li><b>ICE.</b> Every {@code roster} carries the receiver's own ICE servers and transport
 *       policy from the {@link IceConfig}; a waiting client gets none (it gets no roster).</li>
 *   <li><b>Admission.</b> Therapist {@code admit}: the client gets {@code roster}, everyone
 *       already in the call gets {@code peer-joined}. {@code decline}: the client gets
 *       {@code error declined} and close {@code DECLINED}; the participant can never join this
 *       room again. {@code remove} (waiting or admitted): {@code error removed}, close
 *       {@code REMOVED}, others get {@code peer-left removed}; never again either.</li>
 *   <li><b>Relay.</b> {@code offer}, {@code answer}, {@code candidate}, {@code ice-restart}
 *       from an admitted participant to another admitted participant are relayed with
 *       {@code from} stamped from the sender's seat. To an unknown, waiting or departed
 *       participant: {@code unknown-participant}; to a held seat: {@code peer-reconnecting}.</li>
 *   <li><b>Politeness.</b> In every pair exactly one side is polite: the therapist is impolite
 *       towards clients; between two clients the one with the greater id is polite.</li>
 *   <li><b>Drops.</b> {@link #disconnected} holds the seat: others in the call get
 *       {@code peer-reconnecting} (the therapist's waiting list is unchanged for a waiting
 *       client). Resuming within the grace period: the returning participant gets
 *       {@code welcome} with {@code resumed=true} and, if admitted, a fresh {@code roster};
 *       others get {@code peer-reconnected}. Grace expiry (seen in {@link #tick}) releases the
 *       seat: {@code peer-left connection-lost}, or the waiting list shrinks.</li>
 *   <li><b>Time.</b> At {@code endsAt - endWarning} everyone connected gets one
 *       {@code session-warning}; {@code extend} moves {@code endsAt} (total extension at most
 *       {@link RoomPolicy#maxExtension()}, beyond that {@code not-allowed}), broadcasts
 *       {@code session-extended} and re-arms the warning. At {@code endsAt + overrun} the room
 *       ends with {@link EndReason#TIME_UP}.</li>
 *   <li><b>End.</b> Every connection gets {@code session-ended} and close {@code SESSION_ENDED}
 *       (or {@code SESSION_CANCELLED} when cancelled); the room accepts no joins after.</li>
 *   <li><b>Quality.</b> {@code quality} from an admitted participant about another admitted one
 *       is kept on the sender's seat (latest per peer) for {@link #snapshot()} and reaches nobody;
 *       from a waiting client {@code not-allowed}, about anyone else {@code unknown-participant}.</li>
 *   <li><b>Admins.</b> {@link #endByAdmin} and {@link #removeByAdmin} first send the live
 *       therapist {@code admin-action} with the admin's reason, then end the room
 *       ({@link EndReason#ENDED_BY_ADMIN}) or remove the participant as {@link #revoke} does.</li>
 *   <li><b>Roles.</b> {@code admit}, {@code decline}, {@code remove}, {@code extend},
 *       {@code end} from a client: {@code not-allowed}. {@code auth} on a joined connection:
 *       {@code already-authenticated}. {@code leave}: the seat is released at once
 *       ({@code peer-left left}) and the connection closed {@code NORMAL}.</li>
 * </ul>
 * Every state change also yields an {@link Effect.Record} of the matching {@link RoomEvent}.
 *
 * <h2>Choices within those rules</h2>
 * <ul>
 *   <li>A seat keeps its resume key for its whole life (a resume does not rotate it), so a
 *       client that lost a {@code welcome} in a drop can still come back.</li>
 *   <li>A client that takes over its own live seat with the resume key is treated like a
 *       resume: the others get {@code peer-reconnected} and negotiate afresh.</li>
 *   <li>One seat is always kept for the therapist: a client is refused with
 *       {@code session-full} when {@code maxParticipants - 1} client seats are taken.</li>
 *   <li>Joining an ended room gives {@code session-ended}, or {@code session-cancelled} when
 *       it ended by cancellation. A cancelled room sends {@code session-ended cancelled} and
 *       closes with {@code SESSION_CANCELLED}.</li>
 *   <li>{@code admit} of an admitted client and {@code decline} of an admitted client (use
 *       {@code remove}) are {@code not-allowed}; so is removing the therapist. A client may be
 *       admitted while its seat is held: it enters the call when it resumes.</li>
 *   <li>The warning is sent only while {@code now < endsAt}; {@code minutesLeft} is rounded up.</li>
 * </ul>
 */
public final class Room {
    private final RoomPolicy policy;
    private final SessionClock clock;
    private final Seats seats;
    /** Participants that may never join this room again, with the error they get. */
    private final Map<String, ErrorCode> barred = new HashMap<>();
    private final Admission admission;
    private final Relay relay;
    private final Arrivals arrivals;
    private EndReason endedBecause;
    /** When the first seat was taken, for the admin view's "open since". */
    private Instant openedAt;

    /** A room whose participants get no ICE servers (host candidates only). */
    public Room(Schedule schedule, RoomPolicy policy) {
        this(schedule, policy, IceConfig.NONE);
    }

    /**
     * {@code ice} fills each {@code roster}; TURN credentials in it expire at the latest end the
     * session can reach (booked end + {@link RoomPolicy#maxExtension()} + {@link RoomPolicy#overrun()}).
     */
    public Room(Schedule schedule, RoomPolicy policy, IceConfig ice) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = new SessionClock(Objects.requireNonNull(schedule, "schedule"), policy);
        this.seats = new Seats(Objects.requireNonNull(ice, "ice"), clock.latestEnd());
        this.admission = new Admission(seats, barred);
        this.relay = new Relay(seats);
        this.arrivals = new Arrivals(seats, clock, policy);
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
        ErrorCode refusal = refusal(connection, who);
        if (refusal != null) {
            out.error(connection, refusal);
            return out.effects();
        }
        if (openedAt == null) {
            openedAt = now;
        }
        arrivals.arrive(connection, who, resumeKey, out);
        return out.effects();
    }

    private ErrorCode refusal(Connection connection, Participant who) {
        if (endedBecause != null) {
            return endedBecause == EndReason.CANCELLED ? ErrorCode.SESSION_CANCELLED : ErrorCode.SESSION_ENDED;
        }
        if (seats.byConnection(connection) != null) {
            return ErrorCode.ALREADY_AUTHENTICATED;
        }
        return barred.get(who.id());
    }

    /** A parsed message from a joined connection. Messages from unknown connections are ignored. */
    public List<Effect> handle(Connection connection, ClientMessage message, Instant now) {
        Seat seat = seats.byConnection(connection);
        if (seat == null || endedBecause != null) {
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
            leave(seat, out);
        } else if (message instanceof ClientMessage.Offer m) {
            relay.offer(seat, m, out);
        } else if (message instanceof ClientMessage.Answer m) {
            relay.answer(seat, m, out);
        } else if (message instanceof ClientMessage.Candidate m) {
            relay.candidate(seat, m, out);
        } else if (message instanceof ClientMessage.IceRestart m) {
            relay.iceRestart(seat, m, out);
        } else if (message instanceof ClientMessage.Quality m) {
            quality(seat, m, out);
        } else if (!seat.therapist()) {
            out.error(connection, ErrorCode.NOT_ALLOWED);
        } else if (message instanceof ClientMessage.Admit m) {
            admission.admit(seat, m.participantId(), out);
        } else if (message instanceof ClientMessage.Decline m) {
            admission.decline(seat, m.participantId(), out);
        } else if (message instanceof ClientMessage.Remove m) {
            admission.remove(seat, m.participantId(), out);
        } else if (message instanceof ClientMessage.Extend m) {
            extend(seat, m.minutes(), out);
        } else if (message instanceof ClientMessage.End) {
            finish(EndReason.ENDED_BY_THERAPIST, out);
        } else {
            throw new IllegalStateException("unhandled message type " + message.getClass().getSimpleName());
        }
        return out.effects();
    }

    private void leave(Seat seat, Outbox out) {
        Connection connection = seat.connection;
        Presence.depart(seats, seat, LeaveReason.left, out);
        out.close(connection, CloseCode.NORMAL);
        out.record(RoomEvent.Type.LEFT, seat.who);
    }

    /** Stored on the sender's seat for the admin view; nobody in the call hears of it. */
    private void quality(Seat seat, ClientMessage.Quality report, Outbox out) {
        if (!seat.admitted) {
            out.error(seat.connection, ErrorCode.NOT_ALLOWED);
            return;
        }
        Seat peer = seats.byId(report.peerId());
        if (peer == null || peer == seat || !peer.admitted) {
            out.error(seat.connection, ErrorCode.UNKNOWN_PARTICIPANT);
            return;
        }
        // Bounded: at most one entry per other seat, so a client cannot grow the map.
        seat.quality.put(peer.id(), new RoomSnapshot.Quality(peer.id(), report.rttMs(), report.lossPercent(),
                report.relayed(), out.now()));
    }

    private void extend(Seat therapist, int minutes, Outbox out) {
        if (!clock.extend(minutes)) {
            out.error(therapist.connection, ErrorCode.NOT_ALLOWED);
            return;
        }
        for (Connection connection : seats.liveConnections()) {
            out.send(connection, new ServerMessage.SessionExtended(clock.endsAt()));
        }
        out.record(new RoomEvent(out.now(), clock.schedule().sessionId(), RoomEvent.Type.EXTENDED,
                therapist.id(), therapist.who.role(), clock.endsAt(), null));
    }

    /** The connection's socket closed without {@code leave}; a no-op for replaced or unknown connections. */
    public List<Effect> disconnected(Connection connection, Instant now) {
        Seat seat = seats.byConnection(connection);
        if (seat == null || endedBecause != null) {
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
        if (endedBecause != null) {
            return List.of();
        }
        Outbox out = outbox(now);
        if (clock.timeUp(now)) {
            finish(EndReason.TIME_UP, out);
            return out.effects();
        }
        for (Seat seat : seats.all()) {
            if (!seat.live() && !now.isBefore(seat.droppedAt.plus(policy.reconnectGrace()))) {
                Presence.depart(seats, seat, LeaveReason.connection_lost, out);
                out.record(RoomEvent.Type.GRACE_EXPIRED, seat.who);
            }
        }
        clock.warningDue(now).ifPresent(warning -> {
            for (Connection connection : seats.liveConnections()) {
                out.send(connection, warning);
            }
        });
        return out.effects();
    }

    /** Ends the session from outside the call (cancellation, an admin). Idempotent. */
    public List<Effect> end(EndReason reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        Outbox out = outbox(now);
        if (endedBecause == null) {
            finish(reason, out);
        }
        return out.effects();
    }

    private void finish(EndReason reason, Outbox out) {
        endedBecause = reason;
        CloseCode close = reason == EndReason.CANCELLED ? CloseCode.SESSION_CANCELLED : CloseCode.SESSION_ENDED;
        for (Connection connection : seats.liveConnections()) {
            out.send(connection, new ServerMessage.SessionEnded(reason));
            out.close(connection, close);
        }
        seats.clear();
        out.record(new RoomEvent(out.now(), clock.schedule().sessionId(), RoomEvent.Type.ENDED,
                null, null, null, reason));
    }

    /**
     * An admin ended the session: the live therapist connection first gets {@code admin-action
     * ended} with the admin's reason, then everyone gets {@code session-ended ended-by-admin}.
     * Idempotent.
     */
    public List<Effect> endByAdmin(String reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        Outbox out = outbox(now);
        if (endedBecause == null) {
            tellTherapist(new ServerMessage.AdminAction(ServerMessage.AdminActionKind.ended, null, reason), out);
            finish(EndReason.ENDED_BY_ADMIN, out);
        }
        return out.effects();
    }

    /**
     * An admin removed a client: the live therapist connection gets {@code admin-action removed}
     * with the admin's reason, then the removal goes as {@link #revoke} with {@code REMOVED}.
     */
    public List<Effect> removeByAdmin(String participantId, String reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        if (endedBecause != null) {
            return List.of();
        }
        Outbox out = outbox(now);
        tellTherapist(new ServerMessage.AdminAction(ServerMessage.AdminActionKind.removed, participantId, reason), out);
        revoke(participantId, ErrorCode.REMOVED, out);
        return out.effects();
    }

    private void tellTherapist(ServerMessage message, Outbox out) {
        for (Seat therapist : seats.liveTherapists()) {
            out.send(therapist.connection, message);
        }
    }

    /**
     * The participant's link no longer admits them ({@link ErrorCode#LINK_REISSUED}) or they
     * were removed from outside the call ({@link ErrorCode#REMOVED}): their connection, if any,
     * gets that error and its close, and the seat is released. For {@code REMOVED} they can
     * never join this room again with any link. A reissue is the therapist deliberately sending
     * a fresh link, so it lifts an earlier decline or removal: the old link is refused by the
     * host (its token id is no longer current) and the new one joins as a waiting client.
     * {@link ErrorCode#ACCOUNT_DISABLED}: a staff account was disabled; its seat is released
     * without barring anything (a re-enabled account joins again).
     * A released seat is recorded as {@code REMOVED} or {@code REVOKED}.
     */
    public List<Effect> revoke(String participantId, ErrorCode why, Instant now) {
        if (why != ErrorCode.LINK_REISSUED && why != ErrorCode.REMOVED && why != ErrorCode.ACCOUNT_DISABLED) {
            throw new IllegalArgumentException("revoke takes link-reissued, removed or account-disabled, not "
                    + why.wireName());
        }
        Outbox out = outbox(now);
        if (endedBecause == null) {
            revoke(participantId, why, out);
        }
        return out.effects();
    }

    private void revoke(String participantId, ErrorCode why, Outbox out) {
        if (why == ErrorCode.REMOVED) {
            barred.put(participantId, ErrorCode.REMOVED);
        } else if (why == ErrorCode.LINK_REISSUED) {
            barred.remove(participantId);
        }
        Seat seat = seats.byId(participantId);
        if (seat != null) {
            if (seat.live()) {
                out.error(seat.connection, why);
            }
            LeaveReason reason = why == ErrorCode.REMOVED ? LeaveReason.removed : LeaveReason.link_revoked;
            Presence.depart(seats, seat, reason, out);
            out.record(why == ErrorCode.REMOVED ? RoomEvent.Type.REMOVED : RoomEvent.Type.REVOKED, seat.who);
        }
    }

    /** True once the session ended; the host then drops the room. */
    public boolean ended() {
        return endedBecause != null;
    }

    /** Seat counts for dashboards; names and ids stay inside the room. */
    public Occupancy occupancy() {
        int waiting = 0;
        int inCall = 0;
        int reconnecting = 0;
        for (Seat seat : seats.all()) {
            if (seat.admitted) {
                inCall++;
            } else {
                waiting++;
            }
            if (!seat.live()) {
                reconnecting++;
            }
        }
        return new Occupancy(waiting, inCall, reconnecting);
    }

    /** Ids, states, counts and timestamps for the admin view; see {@link RoomSnapshot}. */
    public RoomSnapshot snapshot() {
        List<RoomSnapshot.SeatView> views = new ArrayList<>();
        for (Seat seat : seats.all()) {
            views.add(new RoomSnapshot.SeatView(seat.id(), seat.who.role(),
                    seat.admitted ? RoomSnapshot.Place.admitted : RoomSnapshot.Place.waiting,
                    seat.live() ? RoomSnapshot.Link.connected : RoomSnapshot.Link.reconnecting,
                    seat.since, seat.droppedAt, seat.reconnects, List.copyOf(seat.quality.values())));
        }
        views.sort(Comparator.comparing((RoomSnapshot.SeatView v) -> v.role() != Role.therapist));
        return new RoomSnapshot(clock.schedule().sessionId(), clock.startsAt(), clock.endsAt(), openedAt, views);
    }

    /** True when no connection is live and no seat is held. */
    public boolean idle() {
        return seats.isEmpty();
    }

    private Outbox outbox(Instant now) {
        return new Outbox(clock.schedule().sessionId(), Objects.requireNonNull(now, "now"));
    }
}
