package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.ServerMessage;

/**
 * Negotiation relay between admitted participants: {@code offer}, {@code answer},
 * {@code candidate} and {@code ice-restart} from an admitted participant to another admitted
 * participant are relayed with {@code from} taken from the sender's seat, never from anything
 * the sender wrote. To an unknown, waiting or departed participant: {@code unknown-participant}
 * (a waiting seat looks exactly like an absent one); to a held seat: {@code peer-reconnecting};
 * from a waiting client: {@code not-allowed}.
 */
final class Relay {
    private final Seats seats;

    Relay(Seats seats) {
        this.seats = seats;
    }

    /** Whether {@code message} is negotiation, which {@link #relay} takes. */
    static boolean relays(ClientMessage message) {
        return message instanceof ClientMessage.Offer || message instanceof ClientMessage.Answer
                || message instanceof ClientMessage.Candidate || message instanceof ClientMessage.IceRestart;
    }

    void relay(Seat from, ClientMessage message, Outbox out) {
        if (message instanceof ClientMessage.Offer m) {
            relay(from, m.to(), new ServerMessage.Offer(from.id(), m.sdp()), out);
        } else if (message instanceof ClientMessage.Answer m) {
            relay(from, m.to(), new ServerMessage.Answer(from.id(), m.sdp()), out);
        } else if (message instanceof ClientMessage.Candidate m) {
            relay(from, m.to(), new ServerMessage.Candidate(from.id(), m.candidate(), m.sdpMid(), m.sdpMLineIndex()), out);
        } else if (message instanceof ClientMessage.IceRestart m) {
            relay(from, m.to(), new ServerMessage.IceRestart(from.id()), out);
        } else {
            throw new IllegalStateException("not negotiation: " + message.getClass().getSimpleName());
        }
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
