package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.protocol.ServerMessage;

/**
 * Seating an authenticated connection: a refusal at the door, a new seat, a resume or takeover
 * of an existing one, or a refusal because the seat is in use.
 *
 * <ul>
 *   <li><b>The door.</b> An ended room refuses with {@code session-ended}, or
 *       {@code session-cancelled} when it ended by cancellation; a connection that already
 *       joined gets {@code already-authenticated}; a declined or removed participant gets
 *       {@code declined} or {@code removed} ({@link Revocation}).</li>
 *   <li><b>Therapist is never locked out.</b> A therapist join always succeeds while the room
 *       is not ended: a newer connection replaces a live one (the old gets {@code error replaced}
 *       and close {@code REPLACED}).</li>
 *   <li><b>One seat per link.</b> A client join while the seat is live or held succeeds only
 *       with the seat's resume key (then it replaces the old connection or resumes the held
 *       seat in its previous state). Without it the new connection gets {@code error seat-taken}
 *       and close {@code SEAT_TAKEN}, and the seat is untouched. Once the seat is released
 *       (left, or grace expired) the link may join again, as a new waiting client.</li>
 *   <li><b>Resuming.</b> The returning participant gets {@code welcome} with
 *       {@code resumed=true} and, if admitted, a fresh {@code roster}; the call gets
 *       {@code peer-reconnected}. A client that takes over its own live seat with the resume key
 *       is treated the same way, so everyone negotiates afresh. A seat keeps its resume key for
 *       its whole life (a resume does not rotate it), so a client that lost a {@code welcome}
 *       in a drop can still come back.</li>
 *   <li><b>Room size.</b> One seat is always kept for the therapist: a client is refused with
 *       {@code session-full} when {@link RoomPolicy#clientSeats()} client seats are taken.</li>
 * </ul>
 */
final class Arrivals {
    private final Seats seats;
    private final SessionClock clock;
    private final RoomPolicy policy;
    private final Ending ending;
    private final Revocation revocation;

    Arrivals(Seats seats, SessionClock clock, RoomPolicy policy, Ending ending, Revocation revocation) {
        this.seats = seats;
        this.clock = clock;
        this.policy = policy;
        this.ending = ending;
        this.revocation = revocation;
    }

    /** Returns false when the connection was refused at the door, before any seat was looked at. */
    boolean arrive(Connection connection, Participant who, String resumeKey, Outbox out) {
        ErrorCode refusal = ending.over() ? ending.refusal()
                : seats.byConnection(connection) != null ? ErrorCode.ALREADY_AUTHENTICATED
                : revocation.refusal(who.id());
        if (refusal != null) {
            out.error(connection, refusal);
            return false;
        }
        Seat seat = seats.byId(who.id());
        if (seat == null) {
            takeSeat(connection, who, out);
        } else if (seat.therapist() || ResumeKeys.matches(seat.resumeKey, resumeKey)) {
            // The therapist needs no key: they must never be locked out of their own session.
            comeBack(seat, connection, out);
        } else {
            out.error(connection, ErrorCode.SEAT_TAKEN);
            out.record(RoomEvent.Type.SEAT_REFUSED, seat.who);
        }
        return true;
    }

    private void takeSeat(Connection connection, Participant who, Outbox out) {
        // One seat stays free for the therapist, whatever the clients do.
        if (who.role() == Role.client && seats.clients() >= policy.clientSeats()) {
            out.error(connection, ErrorCode.SESSION_FULL);
            return;
        }
        Seat seat = seats.take(who, connection, out.now());
        out.record(RoomEvent.Type.JOINED, who);
        out.send(connection, welcome(seat, false));
        if (seat.admitted) {
            Presence.enterCall(seats, seat, out);
        } else {
            Presence.waitingChanged(seats, out);
        }
    }

    private void comeBack(Seat seat, Connection connection, Outbox out) {
        if (seat.live()) {
            out.error(seat.connection, ErrorCode.REPLACED);
            out.record(RoomEvent.Type.REPLACED, seat.who);
        } else {
            out.record(RoomEvent.Type.RECONNECTED, seat.who);
        }
        seat.reconnects++;
        seats.attach(seat, connection);
        out.send(connection, welcome(seat, true));
        if (seat.admitted) {
            Presence.backInCall(seats, seat, out);
        }
    }

    private ServerMessage.Welcome welcome(Seat seat, boolean resumed) {
        return new ServerMessage.Welcome(seat.id(), clock.schedule().sessionId(), seat.who.role(), seat.state(),
                clock.startsAt(), clock.endsAt(), seat.resumeKey, resumed);
    }
}
