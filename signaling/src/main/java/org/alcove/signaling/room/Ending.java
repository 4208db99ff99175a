package org.alcove.signaling.room;

import org.alcove.signaling.protocol.CloseCode;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.ServerMessage;

/**
 * Whether and why the room ended. Ending is final: every live connection gets
 * {@code session-ended} with the {@link EndReason} and its close ({@code SESSION_CANCELLED} for
 * a cancellation, {@code SESSION_ENDED} otherwise), every seat is released, and the room
 * accepts no joins after: they get {@code session-ended}, or {@code session-cancelled} when it
 * ended by cancellation.
 */
final class Ending {
    private final Seats seats;
    private final String sessionId;
    private EndReason reason;

    Ending(Seats seats, String sessionId) {
        this.seats = seats;
        this.sessionId = sessionId;
    }

    boolean over() {
        return reason != null;
    }

    /** What a join of the ended room gets, or {@code null} while it runs. */
    ErrorCode refusal() {
        if (reason == null) {
            return null;
        }
        return reason == EndReason.CANCELLED ? ErrorCode.SESSION_CANCELLED : ErrorCode.SESSION_ENDED;
    }

    /** The caller has checked {@link #over()}: a room ends once. */
    void finish(EndReason why, Outbox out) {
        reason = why;
        CloseCode close = why == EndReason.CANCELLED ? CloseCode.SESSION_CANCELLED : CloseCode.SESSION_ENDED;
        for (Connection connection : seats.liveConnections()) {
            out.send(connection, new ServerMessage.SessionEnded(why));
            out.close(connection, close);
        }
        seats.clear();
        out.record(new RoomEvent(out.now(), sessionId, RoomEvent.Type.ENDED, null, null, null, why));
    }
}
