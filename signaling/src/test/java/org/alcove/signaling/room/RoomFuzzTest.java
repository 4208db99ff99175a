package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random sessions against the room: joins from first and second devices with right, wrong and
 * missing resume keys, drops, every message type from every role to known and unknown
 * participants, time jumps, cancellation and revocation. After every input the effects must
 * keep the room's promises: nothing of the call reaches anyone not admitted, the waiting list
 * reaches only the therapist, relayed messages carry the true sender and go only to the
 * addressee, nothing is sent to a closed connection, and no participant ever holds two live
 * seats (see {@link RoomPromises}). Bounded by a fixed number of steps; the seed of a failure
 * is in its message.
 */
@Tag("adversarial")
class RoomFuzzTest {
    private static final int ROOMS = 300;
    private static final int STEPS_PER_ROOM = 250;
    private static final Instant START = Instant.parse("2026-11-22T14:00:00Z");

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
        RoomPromises promises = new RoomPromises();
        List<Conn> pool = new ArrayList<>();
        Instant now = START.minus(Duration.ofMinutes(10));
        int next = 0;
        for (int step = 0; step < STEPS_PER_ROOM; step++) {
            int roll = random.nextInt(100);
            if (roll < 25 || pool.isEmpty()) {
                Participant who = people.get(random.nextInt(people.size()));
                Conn conn = new Conn("k" + next++);
                promises.connecting(conn, who);
                pool.add(conn);
                String key = switch (random.nextInt(3)) {
                    case 0 -> null;
                    case 1 -> promises.lastKey(who.id());
                    default -> "forged-" + random.nextInt(1000);
                };
                promises.check(room.join(conn, who, key, now), null, null);
            } else if (roll < 80) {
                Conn conn = pool.get(random.nextInt(pool.size()));
                ClientMessage message = randomMessage(random);
                promises.check(room.handle(conn, message, now), conn, RoomPromises.addressee(message));
            } else if (roll < 90) {
                Conn conn = pool.get(random.nextInt(pool.size()));
                List<Effect> effects = room.disconnected(conn, now);
                promises.closed(conn);
                promises.check(effects, null, null);
            } else if (roll < 98) {
                now = now.plusSeconds(random.nextInt(1, 120));
                promises.check(room.tick(now), null, null);
            } else if (roll == 98) {
                String target = targets.get(random.nextInt(targets.size()));
                if (!target.isEmpty()) {
                    ErrorCode why = random.nextBoolean() ? ErrorCode.REMOVED : ErrorCode.LINK_REISSUED;
                    promises.revoked(target, why);
                    promises.check(room.revoke(target, why, now), null, null);
                }
            } else {
                promises.check(room.end(random.nextBoolean() ? EndReason.CANCELLED : EndReason.ENDED_BY_ADMIN, now),
                        null, null);
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
}
