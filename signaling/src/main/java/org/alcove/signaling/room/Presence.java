package org.alcove.signaling.room;

import org.alcove.signaling.protocol.CloseCode;
import org.alcove.signaling.protocol.LeaveReason;
import org.alcove.signaling.protocol.ServerMessage;

/**
 * What the others hear when a seat enters, comes back to, or leaves the call, and what the
 * therapist hears when the waiting room changes. Waiting seats never hear any of it.
 *
 * <p>Drops: a dropped seat is held; others in the call get {@code peer-reconnecting} (the
 * therapist's waiting list is unchanged for a waiting client). A resume gets the others
 * {@code peer-reconnected}. When the seat is released (grace expiry, {@code leave}, a removal)
 * the call gets {@code peer-left} with the reason, or the waiting list shrinks.
 */
final class Presence {
    private Presence() {
    }

    /** {@code seat} is admitted and live: it gets the roster, the call gets {@code peer-joined}. */
    static void enterCall(Seats seats, Seat seat, Outbox out) {
        out.send(seat.connection, seats.rosterFor(seat));
        for (Seat other : seats.inCallExcept(seat)) {
            out.send(other.connection, new ServerMessage.PeerJoined(Seats.peer(other, seat)));
        }
        if (seat.therapist()) {
            out.send(seat.connection, seats.waitingList());
        }
    }

    /** {@code seat} is admitted and has a new connection: fresh roster, the call gets {@code peer-reconnected}. */
    static void backInCall(Seats seats, Seat seat, Outbox out) {
        out.send(seat.connection, seats.rosterFor(seat));
        for (Seat other : seats.inCallExcept(seat)) {
            out.send(other.connection, new ServerMessage.PeerReconnected(seat.id()));
        }
        if (seat.therapist()) {
            out.send(seat.connection, seats.waitingList());
        }
    }

    /** An admitted seat was admitted while held: the call learns of it, marked reconnecting. */
    static void admittedWhileHeld(Seats seats, Seat seat, Outbox out) {
        for (Seat other : seats.inCallExcept(seat)) {
            out.send(other.connection, new ServerMessage.PeerJoined(Seats.peer(other, seat)));
        }
    }

    static void dropped(Seats seats, Seat seat, Outbox out) {
        if (!seat.admitted) {
            return;
        }
        for (Seat other : seats.inCallExcept(seat)) {
            out.send(other.connection, new ServerMessage.PeerReconnecting(seat.id()));
        }
    }

    /** {@code leave}: the seat is released at once, the call hears {@code peer-left left}, the socket closes normally. */
    static void leave(Seats seats, Seat seat, Outbox out) {
        Connection connection = seat.connection;
        depart(seats, seat, LeaveReason.left, out);
        out.close(connection, CloseCode.NORMAL);
        out.record(RoomEvent.Type.LEFT, seat.who);
    }

    /** Releases the seat (the caller closes its connection) and tells whoever should know. */
    static void depart(Seats seats, Seat seat, LeaveReason reason, Outbox out) {
        seats.release(seat);
        if (seat.admitted) {
            for (Seat other : seats.inCallExcept(seat)) {
                out.send(other.connection, new ServerMessage.PeerLeft(seat.id(), reason));
            }
        } else {
            waitingChanged(seats, out);
        }
    }

    static void waitingChanged(Seats seats, Outbox out) {
        ServerMessage.WaitingList list = seats.waitingList();
        for (Seat therapist : seats.liveTherapists()) {
            out.send(therapist.connection, list);
        }
    }
}
