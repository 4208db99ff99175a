package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.ServerMessage;

/**
 * Negotiation relay between admitted participants. The relayed copy carries {@code from}
 * taken from the sender's seat, never from anything the sender wrote.
 */
final class Relay {
    private final Seats seats;

    Relay(Seats seats) {
        this.seats = seats;
    }

    void offer(Seat from, ClientMessage.Offer m, Outbox out) {
        relay(from, m.to(), new ServerMessage.Offer(from.id(), m.sdp()), out);
    }

    void answer(Seat from, ClientMessage.Answer m, Outbox out) {
        relay(from, m.to(), new ServerMessage.Answer(from.id(), m.sdp()), out);
    }

    void candidate(Seat from, ClientMessage.Candidate m, Outbox out) {
        relay(from, m.to(), new ServerMessage.Candidate(from.id(), m.candidate(), m.sdpMid(), m.sdpMLineIndex()), out);
    }

    void iceRestart(Seat from, ClientMessage.IceRestart m, Outbox out) {
        relay(from, m.to(), new ServerMessage.IceRestart(from.id()), out);
    }

    private void relay(Seat from, String to, ServerMessage message, Outbox out) {
        if (!from.admitted) {
            out.error(from.connection, ErrorCode.NOT_ALLOWED);
            return;
        }
        Seat target = seats.byId(to);
        // A waiting seat is reported exactly like an absent one, so nothing about it leaks.
        if (target == null || target == from || !target.admitted) {
            out.error(from.connection, ErrorCode.UNKNOWN_PARTICIPANT);
            return;
        }
        if (!target.live()) {
            out.error(from.connection, ErrorCode.PEER_RECONNECTING);
            return;
        }
        out.send(target.connection, message);
    }
}
