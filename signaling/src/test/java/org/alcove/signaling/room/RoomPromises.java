package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.CloseCode;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.protocol.ServerMessage;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The promises a room keeps whatever its inputs, checked from the outside: a model of every
 * connection kept from the effects it was sent, against which each new batch of effects is
 * replayed in order. Shared by the fuzz tests so they all hold the room to the same rules:
 * <ul>
 *   <li>nothing of the call (negotiation, presence) reaches anyone not admitted, and the
 *       waiting list reaches only the therapist;</li>
 *   <li>a relayed message goes to the addressee only, carries the true sender, and comes from
 *       an admitted sender;</li>
 *   <li>a waiting client hears only its welcome, errors, pongs and session timing, and no
 *       roster or {@code peer-joined} names a waiting client;</li>
 *   <li>nothing is sent to a closed connection, or to one the room was never given, and every
 *       fatal error is followed by its close;</li>
 *   <li>a removed or declined participant is not seated again until their link is reissued;</li>
 *   <li>no participant ever holds two live seats.</li>
 * </ul>
 */
final class RoomPromises {
    enum State { WAITING, ADMITTED, CLOSED }

    /** All a waiting client may hear: its welcome, errors, pongs, session timing, and the roster that admits it. */
    private static final Set<Class<? extends ServerMessage>> WAITING_HEARS = Set.of(ServerMessage.Welcome.class,
            ServerMessage.Error.class, ServerMessage.Pong.class, ServerMessage.SessionWarning.class,
            ServerMessage.SessionExtended.class, ServerMessage.SessionEnded.class, ServerMessage.Roster.class);

    /** The model of one connection, kept from the effects it saw. */
    static final class Model {
        final Participant who;
        State state;
        String resumeKey;

        private Model(Participant who) {
            this.who = who;
        }
    }

    private final Map<Connection, Model> conns = new HashMap<>();
    private final Map<String, String> lastKey = new HashMap<>();
    /** Removed or declined: may not be seated again until their link is reissued. */
    private final Set<String> barred = new HashSet<>();

    /** Registers a connection about to join as {@code who}; it has no state until its welcome. */
    void connecting(Connection connection, Participant who) {
        conns.put(connection, new Model(who));
    }

    /** The host saw the socket close (the room's close, or the network). */
    void closed(Connection connection) {
        conns.get(connection).state = State.CLOSED;
    }

    /** Removed from outside the call ({@code revoke removed}), or their link reissued ({@code revoke link-reissued}). */
    void revoked(String participantId, ErrorCode why) {
        if (why == ErrorCode.REMOVED) {
            barred.add(participantId);
        } else if (why == ErrorCode.LINK_REISSUED) {
            barred.remove(participantId);
        }
    }

    /** The resume key of the latest welcome {@code participantId} received, or {@code null}. */
    String lastKey(String participantId) {
        return lastKey.get(participantId);
    }

    /**
     * Replays {@code effects} against the model and checks every promise. {@code sender} is the
     * connection whose message caused them, or {@code null} for joins, drops, ticks and ends;
     * {@code addressee} is the participant that message was for, or {@code null}.
     */
    void check(List<Effect> effects, Connection sender, String addressee) {
        Model from = sender == null ? null : conns.get(sender);
        Map<Connection, CloseCode> owedCloses = new HashMap<>();
        for (Effect effect : effects) {
            if (effect instanceof Effect.Send send) {
                Model to = conns.get(send.to());
                assertNotNull(to, "sent " + send.message() + " to a connection the room was never given");
                assertTrue(to.state != State.CLOSED, "sent " + send.message() + " to a closed connection");
                received(to, send.message(), from, addressee);
                if (send.message() instanceof ServerMessage.Error error && error.code().fatal()) {
                    owedCloses.put(send.to(), error.code().closeCode());
                }
            } else if (effect instanceof Effect.Close close) {
                Model to = conns.get(close.connection());
                assertNotNull(to, "closed a connection the room was never given");
                CloseCode owed = owedCloses.remove(close.connection());
                assertTrue(owed == null || owed == close.code(), "error announced close " + owed + ", got " + close.code());
                to.state = State.CLOSED;
            }
        }
        assertEquals(Map.of(), owedCloses, "a fatal error without its close");
        Map<String, Integer> live = new HashMap<>();
        conns.values().stream().filter(m -> m.state == State.WAITING || m.state == State.ADMITTED)
                .forEach(m -> live.merge(m.who.id(), 1, Integer::sum));
        live.forEach((id, count) -> {
            if (count > 1) {
                fail(id + " holds " + count + " live seats");
            }
        });
    }

    private void received(Model to, ServerMessage message, Model from, String addressee) {
        if (to.state == State.WAITING) {
            assertTrue(WAITING_HEARS.contains(message.getClass()), "a waiting client was sent " + message.getClass().getSimpleName());
        }
        if (message instanceof ServerMessage.Error error
                && (error.code() == ErrorCode.REMOVED || error.code() == ErrorCode.DECLINED)) {
            barred.add(to.who.id());
        } else if (message instanceof ServerMessage.Error error && error.code() == ErrorCode.LINK_REISSUED) {
            barred.remove(to.who.id());
        }
        if (message instanceof ServerMessage.Roster roster) {
            roster.participants().forEach(peer -> assertNotWaiting(peer.participantId(), "roster"));
        } else if (message instanceof ServerMessage.PeerJoined joined) {
            assertNotWaiting(joined.peer().participantId(), "peer-joined");
        }
        if (message instanceof ServerMessage.Welcome welcome) {
            assertEquals(to.who.id(), welcome.participantId(), "welcome names the connection's own participant");
            assertFalse(barred.contains(to.who.id()), "a removed or declined participant was seated again");
            to.state = welcome.state() == ServerMessage.SeatState.admitted ? State.ADMITTED : State.WAITING;
            to.resumeKey = welcome.resumeKey();
            lastKey.put(to.who.id(), welcome.resumeKey());
        } else if (message instanceof ServerMessage.Roster) {
            assertTrue(to.state != null, "roster before welcome");
            to.state = State.ADMITTED;
        } else if (message instanceof ServerMessage.WaitingList) {
            assertEquals(Role.therapist, to.who.role(), "waiting list to a client");
            assertEquals(State.ADMITTED, to.state);
        } else if (isOfTheCall(message)) {
            assertEquals(State.ADMITTED, to.state, message + " reached " + to.who.id() + " in state " + to.state);
            String sender = relaySender(message);
            if (sender != null) {
                assertTrue(from != null && from.who.id().equals(sender), "relayed with a forged sender: " + message);
                assertEquals(State.ADMITTED, from.state, "relay from someone not admitted");
                if (addressee != null) {
                    assertEquals(addressee, to.who.id(), "relayed to someone other than the addressee");
                }
            }
        }
    }

    /** A waiting client's name and id stay with the therapist until it is admitted. */
    private void assertNotWaiting(String participantId, String what) {
        assertTrue(conns.values().stream().noneMatch(m -> m.state == State.WAITING && m.who.id().equals(participantId)),
                what + " named " + participantId + ", who is waiting");
    }

    static boolean isOfTheCall(ServerMessage message) {
        return message instanceof ServerMessage.Offer || message instanceof ServerMessage.Answer
                || message instanceof ServerMessage.Candidate || message instanceof ServerMessage.IceRestart
                || message instanceof ServerMessage.PeerJoined || message instanceof ServerMessage.PeerLeft
                || message instanceof ServerMessage.PeerReconnecting || message instanceof ServerMessage.PeerReconnected;
    }

    /** Whom a negotiation message is for, or {@code null} for messages that are not relayed. */
    static String addressee(ClientMessage message) {
        if (message instanceof ClientMessage.Offer offer) {
            return offer.to();
        } else if (message instanceof ClientMessage.Answer answer) {
            return answer.to();
        } else if (message instanceof ClientMessage.Candidate candidate) {
            return candidate.to();
        } else if (message instanceof ClientMessage.IceRestart restart) {
            return restart.to();
        }
        return null;
    }

    static String relaySender(ServerMessage message) {
        if (message instanceof ServerMessage.Offer offer) {
            return offer.from();
        } else if (message instanceof ServerMessage.Answer answer) {
            return answer.from();
        } else if (message instanceof ServerMessage.Candidate candidate) {
            return candidate.from();
        } else if (message instanceof ServerMessage.IceRestart restart) {
            return restart.from();
        }
        return null;
    }
}
