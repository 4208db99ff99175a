package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.LeaveReason;

import java.util.HashMap;
import java.util.Map;

/**
 * Who may never join this room again, and taking a seat away from outside the call.
 *
 * <p>{@link #revoke}: the participant's link no longer admits them ({@code link-reissued}) or
 * they were removed from outside the call ({@code removed}); their connection, if any, gets
 * that error and its close, and the seat is released. After {@code removed} they can never
 * join this room again with any link. A reissue is the therapist deliberately sending a fresh
 * link, so it lifts an earlier decline or removal: the old link is refused by the host (its
 * token id is no longer current) and the new one joins as a waiting client.
 * {@code account-disabled}: a staff account was disabled; its seat is released without barring
 * anything (a re-enabled account joins again). A released seat is recorded as {@code REMOVED}
 * or {@code REVOKED}.
 */
final class Revocation {
    private final Seats seats;
    /** Participants that may never join this room again, with the error they get. */
    private final Map<String, ErrorCode> barred = new HashMap<>();

    Revocation(Seats seats) {
        this.seats = seats;
    }

    /** The error a join of {@code participantId} gets because it was barred, or {@code null}. */
    ErrorCode refusal(String participantId) {
        return barred.get(participantId);
    }

    /** From now on {@code participantId} is refused with {@code code} (a decline or a removal). */
    void bar(String participantId, ErrorCode code) {
        barred.put(participantId, code);
    }

    /** Fails loudly on any other code than {@code link-reissued}, {@code removed} or {@code account-disabled}. */
    static void requireRevocable(ErrorCode why) {
        if (why != ErrorCode.LINK_REISSUED && why != ErrorCode.REMOVED && why != ErrorCode.ACCOUNT_DISABLED) {
            throw new IllegalArgumentException("revoke takes link-reissued, removed or account-disabled, not "
                    + why.wireName());
        }
    }

    /** {@code why} passed {@link #requireRevocable}. */
    void revoke(String participantId, ErrorCode why, Outbox out) {
        if (why == ErrorCode.REMOVED) {
            bar(participantId, ErrorCode.REMOVED);
        } else if (why == ErrorCode.LINK_REISSUED) {
            barred.remove(participantId);
        }
        Seat seat = seats.byId(participantId);
        if (seat == null) {
            return;
        }
        if (seat.live()) {
            out.error(seat.connection, why);
        }
        Presence.depart(seats, seat, why == ErrorCode.REMOVED ? LeaveReason.removed : LeaveReason.link_revoked, out);
        out.record(why == ErrorCode.REMOVED ? RoomEvent.Type.REMOVED : RoomEvent.Type.REVOKED, seat.who);
    }
}
