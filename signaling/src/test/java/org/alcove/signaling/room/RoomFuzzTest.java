package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.protocol.ServerMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random sessions against the room: joins from first and second devices with right, wrong and
 * missing resume keys, drops, every message type from every role to known and unknown
 * participants, time jumps, cancellation and revocation. After every input the effects must
 * keep the room's promises: nothing of the call reaches anyone not admitted, the waiting list
 * reaches only the therapist, relayed messages carry the true sender and go only to the
 * addressee, nothing is sent to a closed connection, and no participant ever holds two live
 * seats. Bounded by a fixed number of steps; the seed of a failure is in its message.
 */
class RoomFuzzTest {
    private static final int ROOMS = 300;
    private static final int STEPS_PER_ROOM = 250;
    private static final Instant START = Instant.parse("2026-11-22T14:00:00Z");

    private enum State { WAITING, ADMITTED, CLOSED }

    /** The fuzzer's model of one connection, kept from the effects it saw. */
    private static final class Model {
        final Participant who;
        State state;
        String resumeKey;

        Model(Participant who) {
            this.who = who;
        }
    }

    private final List<Participant> people = List.of(
            new Participant("t", Role.therapist, "T"),
            new Participant("c1", Role.client, "A"), new Participant("c2", Role.client, "B"),
            new Participant("c3", Role.client, "C"), new Participant("c4", Role.client, "D"),
            new Participant("c5", Role.client, "E"));
    private final List<String> targets = List.of("t", "c1", "c2", "c3", "c4", "c5", "nobody", "");

    @Test
    void random_sessions_never_break_the_rooms_promises() {
        long base = new SplittableRandom().nextLong();
        for (int i = 0; i < ROOMS; i++) {
            long seed = i < 50 ? i : base + i;
            try {
                runOneRoom(new SplittableRandom(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    private void runOneRoom(SplittableRandom random) {
        Room room = new Room(new Schedule("s", START, START.plus(Duration.ofMinutes(50))), RoomPolicy.DEFAULT);
        Map<Conn, Model> conns = new HashMap<>();
        Map<String, String> lastKey = new HashMap<>();
        List<Conn> pool = new ArrayList<>();
        Instant now = START.minus(Duration.ofMinutes(10));
        int next = 0;
        for (int step = 0; step < STEPS_PER_ROOM; step++) {
            int roll = random.nextInt(100);
            if (roll < 25 || pool.isEmpty()) {
                Participant who = people.get(random.nextInt(people.size()));
                Conn conn = new Conn("k" + next++);
                Model model = new Model(who);
                conns.put(conn, model);
                pool.add(conn);
                String key = switch (random.nextInt(3)) {
                    case 0 -> null;
                    case 1 -> lastKey.get(who.id());
                    default -> "forged-" + random.nextInt(1000);
                };
                check(room.join(conn, who, key, now), conns, lastKey, null);
            } else if (roll < 80) {
                Conn conn = pool.get(random.nextInt(pool.size()));
                Model sender = conns.get(conn);
                check(room.handle(conn, randomMessage(random), now), conns, lastKey, sender);
            } else if (roll < 90) {
                Conn conn = pool.get(random.nextInt(pool.size()));
                List<Effect> effects = room.disconnected(conn, now);
                conns.get(conn).state = State.CLOSED;
                check(effects, conns, lastKey, null);
            } else if (roll < 98) {
                now = now.plusSeconds(random.nextInt(1, 120));
                check(room.tick(now), conns, lastKey, null);
            } else if (roll == 98) {
                String target = targets.get(random.nextInt(targets.size()));
                if (!target.isEmpty()) {
                    ErrorCode why = random.nextBoolean() ? ErrorCode.REMOVED : ErrorCode.LINK_REISSUED;
                    check(room.revoke(target, why, now), conns, lastKey, null);
                }
            } else {
                check(room.end(random.nextBoolean() ? EndReason.CANCELLED : EndReason.ENDED_BY_ADMIN, now),
                        conns, lastKey, null);
            }
        }
    }

    private ClientMessage randomMessage(SplittableRandom random) {
        String to = targets.get(random.nextInt(targets.size() - 1));
        return switch (random.nextInt(13)) {
            case 0 -> new ClientMessage.Admit(to);
            case 1 -> new ClientMessage.Decline(to);
            case 2 -> new ClientMessage.Remove(to);
            case 3, 4 -> new ClientMessage.Offer(to, "v=0 offer " + random.nextInt());
            case 5 -> new ClientMessage.Answer(to, "v=0 answer " + random.nextInt());
            case 6, 7 -> new ClientMessage.Candidate(to, "candidate:" + random.nextInt(), "0", 0);
            case 8 -> new ClientMessage.IceRestart(to);
            case 9 -> new ClientMessage.Extend(random.nextInt(1, 61));
            case 10 -> random.nextInt(10) == 0 ? new ClientMessage.End() : new ClientMessage.Ping();
            case 11 -> random.nextInt(4) == 0 ? new ClientMessage.Leave() : new ClientMessage.Ping();
            default -> new ClientMessage.Auth("token", null);
        };
    }

    /** Replays the effects against the model in order and checks every promise. */
    private static void check(List<Effect> effects, Map<Conn, Model> conns, Map<String, String> lastKey, Model sender) {
        for (Effect effect : effects) {
            if (effect instanceof Effect.Send send) {
                Model to = conns.get((Conn) send.to());
                assertTrue(to.state != State.CLOSED, "sent " + send.message() + " to a closed connection");
                ServerMessage message = send.message();
                if (message instanceof ServerMessage.Welcome welcome) {
                    assertEquals(to.who.id(), welcome.participantId(), "welcome names the connection's own participant");
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
                    String from = relaySender(message);
                    if (from != null) {
                        assertTrue(sender != null && sender.who.id().equals(from), "relayed with a forged sender: " + message);
                        assertEquals(State.ADMITTED, sender.state, "relay from someone not admitted");
                    }
                }
            } else if (effect instanceof Effect.Close close) {
                conns.get((Conn) close.connection()).state = State.CLOSED;
            }
        }
        Map<String, Integer> live = new HashMap<>();
        conns.values().stream().filter(m -> m.state == State.WAITING || m.state == State.ADMITTED)
                .forEach(m -> live.merge(m.who.id(), 1, Integer::sum));
        live.forEach((id, count) -> {
            if (count > 1) {
                fail(id + " holds " + count + " live seats");
            }
        });
    }

    private static boolean isOfTheCall(ServerMessage message) {
        return message instanceof ServerMessage.Offer || message instanceof ServerMessage.Answer
                || message instanceof ServerMessage.Candidate || message instanceof ServerMessage.IceRestart
                || message instanceof ServerMessage.PeerJoined || message instanceof ServerMessage.PeerLeft
                || message instanceof ServerMessage.PeerReconnecting || message instanceof ServerMessage.PeerReconnected;
    }

    private static String relaySender(ServerMessage message) {
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
