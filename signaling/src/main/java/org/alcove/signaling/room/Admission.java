package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.LeaveReason;

import java.util.Map;

/**
 * The therapist's decisions about clients: admit, decline, remove. The caller has already
 * checked that the sender is the therapist. Declined and removed participants are written
 * into {@code barred} so the room refuses their link for good.
 */
final class Admission {
    private final Seats seats;
    private final Map<String, ErrorCode> barred;

    Admission(Seats seats, Map<String, ErrorCode> barred) {
        this.seats = seats;
        this.barred = barred;
    }

    void admit(Seat therapist, String participantId, Outbox out) {
        Seat seat = seats.byId(participantId);
        if (seat == null) {
            out.error(therapist.connection, ErrorCode.UNKNOWN_PARTICIPANT);
            return;
        }
        if (seat.admitted) {
            out.error(therapist.connection, ErrorCode.NOT_ALLOWED);
            return;
        }
        seat.admitted = true;
        out.record(RoomEvent.Type.ADMITTED, seat.who);
        if (seat.live()) {
            Presence.enterCall(seats, seat, out);
        } else {
            // Admitting a client whose connection just dropped: it enters the call on resume.
            Presence.admittedWhileHeld(seats, seat, out);
        }
        Presence.waitingChanged(seats, out);
    }

    void decline(Seat therapist, String participantId, Outbox out) {
        Seat seat = seats.byId(participantId);
        if (seat == null) {
            out.error(therapist.connection, ErrorCode.UNKNOWN_PARTICIPANT);
            return;
        }
        if (seat.admitted) {
            // Once in the call a client is removed, not declined: the others must see them go.
            out.error(therapist.connection, ErrorCode.NOT_ALLOWED);
            return;
        }
        bar(seat, ErrorCode.DECLINED, RoomEvent.Type.DECLINED, out);
    }

    void remove(Seat therapist, String participantId, Outbox out) {
        Seat seat = seats.byId(participantId);
        if (seat == null) {
            out.error(therapist.connection, ErrorCode.UNKNOWN_PARTICIPANT);
            return;
        }
        if (seat.therapist()) {
            out.error(therapist.connection, ErrorCode.NOT_ALLOWED);
            return;
        }
        bar(seat, ErrorCode.REMOVED, RoomEvent.Type.REMOVED, out);
    }

    private void bar(Seat seat, ErrorCode code, RoomEvent.Type event, Outbox out) {
        barred.put(seat.id(), code);
        if (seat.live()) {
            out.error(seat.connection, code);
        }
        Presence.depart(seats, seat, LeaveReason.removed, out);
        out.record(event, seat.who);
    }
}
