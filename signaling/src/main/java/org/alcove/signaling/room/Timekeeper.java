package org.alcove.signaling.room;

import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.LeaveReason;
import org.alcove.signaling.protocol.ServerMessage;

import java.time.Instant;

/**
 * What the passing of time does to a room, on the {@link SessionClock}'s rules.
 *
 * <ul>
 *   <li>A held seat whose {@link RoomPolicy#reconnectGrace()} ran out is released
 *       ({@code peer-left connection-lost}, or the waiting list shrinks).</li>
 *   <li>At {@code endsAt - endWarning} everyone connected gets one {@code session-warning}, only
 *       while {@code now < endsAt}, with {@code minutesLeft} rounded up.</li>
 *   <li>{@code extend} moves {@code endsAt} (total extension at most
 *       {@link RoomPolicy#maxExtension()}, beyond that {@code not-allowed}), broadcasts
 *       {@code session-extended} and re-arms the warning.</li>
 *   <li>At {@code endsAt + overrun} the room ends with {@code time-up}.</li>
 * </ul>
 */
final class Timekeeper {
    private final Seats seats;
    private final SessionClock clock;
    private final RoomPolicy policy;
    private final Ending ending;

    Timekeeper(Seats seats, SessionClock clock, RoomPolicy policy, Ending ending) {
        this.seats = seats;
        this.clock = clock;
        this.policy = policy;
        this.ending = ending;
    }

    /** The caller has checked the room is not over. */
    void tick(Instant now, Outbox out) {
        if (clock.timeUp(now)) {
            ending.finish(EndReason.TIME_UP, out);
            return;
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
    }

    /** Everyone connected hears the new end; past the policy's total the therapist gets {@code not-allowed}. */
    void extend(Seat therapist, int minutes, Outbox out) {
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
}
