package org.alcove.server.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.ServerMessage;

import java.time.Clock;

/**
 * The whole join of a socket, in one place: the token and the stored state are checked
 * ({@link JoinGate#check}), the socket takes its seat ({@link Rooms#seat}), the stored state is
 * looked at again ({@link JoinGate#recheck}), and a cancellation, reissue or removal that was
 * stored while the token was being checked (it found no room or seat to act on then) is applied
 * to the room now. A socket that closed meanwhile takes no seat, but a race it found is still
 * settled, since it may have created the room others are in.
 */
final class Joins {
    private final JoinGate gate;
    private final Rooms rooms;
    private final Clock clock;

    Joins(JoinGate gate, Rooms rooms, Clock clock) {
        this.gate = gate;
        this.rooms = rooms;
        this.clock = clock;
    }

    /** Seats {@code socket} by its {@code auth}, or sends it the refusal and closes it. */
    void join(RoomSocket socket, ClientMessage.Auth auth, String address) {
        JoinGate.Verdict verdict = gate.check(auth.token(), address, clock.instant());
        // Java 17 has no pattern switch over the sealed type: a new verdict fails loudly here.
        if (verdict instanceof JoinGate.Admitted admitted) {
            rooms.seat(socket, admitted.session(), admitted.who(), auth.resumeKey());
            settleRaces(admitted);
        } else if (verdict instanceof JoinGate.Refused refused) {
            refuse(socket, refused.error());
        } else {
            throw new IllegalStateException("no handling for verdict " + verdict.getClass().getSimpleName());
        }
    }

    /** Audits a socket the transport refused before it presented a token. */
    void refusedWithoutToken(ErrorCode code) {
        gate.refusedWithoutToken(code, clock.instant());
    }

    /** Applies a cancellation, reissue or removal that was stored while this join was being checked. */
    private void settleRaces(JoinGate.Admitted admitted) {
        ErrorCode stale = gate.recheck(admitted);
        if (stale == null) {
            return;
        }
        String sessionId = admitted.session().id();
        switch (stale) {
            case SESSION_CANCELLED -> rooms.cancel(sessionId);
            case LINK_REISSUED, REMOVED -> rooms.revoke(sessionId, admitted.who().id(), stale);
            default -> throw new IllegalStateException("recheck cannot yield " + stale.wireName());
        }
    }

    /** Sends {@code error} and, for a fatal code (every refusal of a join is one), closes after it. */
    private static void refuse(RoomSocket socket, ServerMessage.Error error) {
        socket.send(error);
        if (error.code().fatal()) {
            socket.close(error.code().closeCode());
        }
    }
}
