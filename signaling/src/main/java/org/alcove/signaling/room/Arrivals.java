package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.protocol.ServerMessage;

/**
 * Seating an authenticated connection: a new seat, a resume or takeover of an existing one,
 * or a refusal because the seat is in use. The caller has already refused ended rooms and
 * barred participants.
 */
final class Arrivals {
    private final Seats seats;
    private final SessionClock clock;
    private final RoomPolicy policy;

    Arrivals(Seats seats, SessionClock clock, RoomPolicy policy) {
        this.seats = seats;
        this.clock = clock;
        this.policy = policy;
    }

    void arrive(Connection connection, Participant who, String resumeKey, Outbox out) {
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
    }

    private void takeSeat(Connection connection, Participant who, Outbox out) {
        // One seat stays free for the therapist, whatever the clients do.
        if (who.role() == Role.client && seats.clients() >= policy.maxParticipants() - 1) {
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
