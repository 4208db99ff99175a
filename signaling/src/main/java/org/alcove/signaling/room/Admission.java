package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.LeaveReason;

/**
 * The therapist's decisions about clients: admit, decline, remove. The caller has already
 * checked that the sender is the therapist. Declined and removed participants are barred in
 * {@link Revocation} so the room refuses their link for good.
 *
 * <ul>
 *   <li>{@code admit}: the client gets {@code roster}, everyone already in the call gets
 *       {@code peer-joined}. A client may be admitted while its seat is held: it enters the
 *       call when it resumes. Admitting an admitted client is {@code not-allowed}.</li>
 *   <li>{@code decline} (waiting clients only; an admitted one is removed, so the others see
 *       them go): the client gets {@code error declined} and close {@code DECLINED}; the
 *       participant can never join this room again.</li>
 *   <li>{@code remove} (waiting or admitted, never the therapist): {@code error removed}, close
 *       {@code REMOVED}, others get {@code peer-left removed}; never again either.</li>
 *   <li>Anyone not in the room: {@code unknown-participant}.</li>
 * </ul>
 */
final class Admission {
    private final Seats seats;
    private final Revocation revocation;

    Admission(Seats seats, Revocation revocation) {
        this.seats = seats;
        this.revocation = revocation;
    }

    /** Whether {@code message} is one of the therapist's decisions, which {@link #decide} takes. */
    static boolean decides(ClientMessage message) {
        return message instanceof ClientMessage.Admit || message instanceof ClientMessage.Decline
                || message instanceof ClientMessage.Remove;
    }

    void decide(Seat therapist, ClientMessage message, Outbox out) {
        if (message instanceof ClientMessage.Admit m) {
            admit(therapist, m.participantId(), out);
        } else if (message instanceof ClientMessage.Decline m) {
            decline(therapist, m.participantId(), out);
        } else if (message instanceof ClientMessage.Remove m) {
            remove(therapist, m.participantId(), out);
        } else {
            throw new IllegalStateException("not a decision: " + message.getClass().getSimpleName());
        }
    }

    private void admit(Seat therapist, String participantId, Outbox out) {
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

    private void decline(Seat therapist, String participantId, Outbox out) {
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

    private void remove(Seat therapist, String participantId, Outbox out) {
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
        revocation.bar(seat.id(), code);
        if (seat.live()) {
            out.error(seat.connection, code);
        }
        Presence.depart(seats, seat, LeaveReason.removed, out);
        out.record(event, seat.who);
    }
}
