package org.alcove.signaling.room;

import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.ServerMessage;

/**
 * What a practice admin does to a running room from outside the call. The live therapist hears
 * of it first, as {@code admin-action} carrying the admin's reason (text a client must show as
 * plain text), so the end or removal that follows is not a mystery to them; nobody else is told
 * the reason.
 */
final class AdminActions {
    private final Seats seats;
    private final Ending ending;
    private final Revocation revocation;

    AdminActions(Seats seats, Ending ending, Revocation revocation) {
        this.seats = seats;
        this.ending = ending;
        this.revocation = revocation;
    }

    /** {@code admin-action ended}, then the room ends with {@link EndReason#ENDED_BY_ADMIN}. */
    void end(String reason, Outbox out) {
        tellTherapist(new ServerMessage.AdminAction(ServerMessage.AdminActionKind.ended, null, reason), out);
        ending.finish(EndReason.ENDED_BY_ADMIN, out);
    }

    /** {@code admin-action removed}, then the participant is removed for good, as {@link Revocation#revoke} does. */
    void remove(String participantId, String reason, Outbox out) {
        tellTherapist(new ServerMessage.AdminAction(ServerMessage.AdminActionKind.removed, participantId, reason), out);
        revocation.revoke(participantId, ErrorCode.REMOVED, out);
    }

    private void tellTherapist(ServerMessage message, Outbox out) {
        for (Seat therapist : seats.liveTherapists()) {
            out.send(therapist.connection, message);
        }
    }
}
