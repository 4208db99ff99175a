package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.MessageCodec;
import org.alcove.signaling.protocol.ProtocolException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's socket side for one room, in miniature, as {@code SocketInput} drives it: the
 * first frame must parse as {@code auth} (anything else closes the socket), the token is taken
 * as valid for whoever the connection stands for, later frames are parsed and handed to the
 * room, parse failures are answered without the room, the room's closes close the socket
 * (which then reports its close), and time is ticked about once a second. Every effect is
 * checked by {@link RoomPromises}; every exception fails the caller.
 */
final class Replay {
    static final Instant START = Instant.parse("2026-11-22T14:00:00Z");
    /** Stands for the resume key of the participant's latest welcome in a recorded {@code auth}. */
    static final String RESUME_KEY = "<resume-key>";
    private static final Set<ErrorCode> PARSE_CODES =
            Set.of(ErrorCode.MALFORMED_MESSAGE, ErrorCode.UNKNOWN_TYPE, ErrorCode.INVALID_FIELD);

    private enum Phase { AWAITING_AUTH, JOINED, CLOSED }

    private final Room room = new Room(new Schedule("s-recorded", START, START.plus(Duration.ofMinutes(50))),
            RoomPolicy.DEFAULT);
    private final MessageCodec codec = new MessageCodec();
    private final RoomPromises promises = new RoomPromises();
    private final Map<Connection, Phase> phases = new HashMap<>();
    private final Map<Connection, Participant> identities = new HashMap<>();
    /** Every effect the room returned, in order, for tests that look at the whole call. */
    final List<Effect> effects = new ArrayList<>();
    /** Frames the codec refused (answered by the host, never seen by the room). */
    int codecRefusals;
    private Instant now = START;
    private Instant lastTick = START;
    private int opened;

    /** A new socket that will authenticate as {@code who}. */
    Connection open(String label, Participant who) {
        Conn conn = new Conn(label + "/" + ++opened);
        phases.put(conn, Phase.AWAITING_AUTH);
        identities.put(conn, who);
        return conn;
    }

    boolean open(Connection conn) {
        return phases.get(conn) != Phase.CLOSED;
    }

    /** One text frame from {@code conn}; frames from a closed socket never arrive. */
    void text(Connection conn, String text) {
        Phase phase = phases.get(conn);
        if (phase == Phase.CLOSED) {
            return;
        }
        Participant who = identities.get(conn);
        String resolved = text.replace(RESUME_KEY, String.valueOf(promises.lastKey(who.id())));
        ClientMessage message;
        try {
            message = codec.parse(resolved);
        } catch (ProtocolException refused) {
            assertTrue(PARSE_CODES.contains(refused.code()), "the codec refused with " + refused.code());
            codecRefusals++;
            if (phase == Phase.AWAITING_AUTH) {
                phases.put(conn, Phase.CLOSED);
            }
            return;
        }
        if (phase == Phase.JOINED) {
            apply(room.handle(conn, message, now), conn, RoomPromises.addressee(message));
        } else if (message instanceof ClientMessage.Auth auth) {
            phases.put(conn, Phase.JOINED);
            promises.connecting(conn, who);
            apply(room.join(conn, who, auth.resumeKey(), now), null, null);
        } else {
            phases.put(conn, Phase.CLOSED);
        }
    }

    /** The socket closed from the client's side (or its network went). */
    void close(Connection conn) {
        Phase was = phases.put(conn, Phase.CLOSED);
        if (was == Phase.JOINED) {
            List<Effect> dropped = room.disconnected(conn, now);
            promises.closed(conn);
            apply(dropped, null, null);
        }
    }

    /** Moves the clock to {@code at} (never back), ticking the room once a second as the host does. */
    void at(Instant at) {
        if (at.isAfter(now)) {
            now = at;
        }
        if (!now.isBefore(lastTick.plusSeconds(1))) {
            lastTick = now;
            apply(room.tick(now), null, null);
        }
    }

    void revoke(String participantId, ErrorCode why) {
        promises.revoked(participantId, why);
        apply(room.revoke(participantId, why, now), null, null);
    }

    void end(EndReason reason) {
        apply(room.end(reason, now), null, null);
    }

    Instant now() {
        return now;
    }

    boolean ended() {
        return room.ended();
    }

    private void apply(List<Effect> batch, Connection sender, String addressee) {
        promises.check(batch, sender, addressee);
        effects.addAll(batch);
        List<Connection> closedByRoom = new ArrayList<>();
        for (Effect effect : batch) {
            if (effect instanceof Effect.Close close && phases.put(close.connection(), Phase.CLOSED) == Phase.JOINED) {
                closedByRoom.add(close.connection());
            }
        }
        // The socket then closes, and the host reports it; the room must have let go of it already.
        for (Connection conn : closedByRoom) {
            assertEquals(List.of(), room.disconnected(conn, now), "a connection the room closed still held a seat");
        }
    }
}
