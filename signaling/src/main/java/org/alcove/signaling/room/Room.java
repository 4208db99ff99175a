package org.alcove.signaling.room;

import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.ErrorCode;

import java.time.Instant;
import java.util.List;

/**
 * The live state of one scheduled session: who holds a seat, who waits, who is in the call,
 * and the clock rules. Plain Java with no I/O and no threads: every input returns the
 * {@link Effect}s the host must apply, and time only moves when the host passes {@code now}.
 *
 * <p>Not thread-safe. The host serialises all calls for one room and enqueues the returned
 * sends before the next call, so that messages to a connection keep their order.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Seats.</b> One seat per participant id. A seat is waiting (clients) or admitted
 *       (therapist always; clients once admitted), and live (has a connection) or held
 *       (its connection dropped less than {@link RoomPolicy#reconnectGrace()} ago).</li>
 *   <li><b>Therapist is never locked out.</b> A therapist join always succeeds while the room
 *       is not ended: a newer connection replaces a live one (the old gets {@code error replaced}
 *       and close {@code REPLACED}).</li>
 *   <li><b>One seat per link.</b> A client join while the seat is live or held succeeds only
 *       with the seat's resume key (then it replaces the old connection or resumes the held
 *       seat in its previous state). Without it the new connection gets {@code error seat-taken}
 *       and close {@code SEAT_TAKEN}, and the seat is untouched. Once the seat is released
 *       (left, or grace expired) the link may join again, as a new waiting client.</li>
 *   <li><b>Waiting room.</b> A waiting client receives only its {@code welcome}, errors,
 *       {@code pong}, session timing messages and its final close: no roster, no presence, no
 *       negotiation. Negotiation it sends is refused with {@code not-allowed}. The therapist
 *       receives {@code waiting-list} whenever the list of waiting clients changes, and on
 *       entering.</li>
 *   <li><b>Admission.</b> Therapist {@code admit}: the client gets {@code roster}, everyone
 *       already in the call gets {@code peer-joined}. {@code decline}: the client gets
 *       {@code error declined} and close {@code DECLINED}; the participant can never join this
 *       room again. {@code remove} (waiting or admitted): {@code error removed}, close
 *       {@code REMOVED}, others get {@code peer-left removed}; never again either.</li>
 *   <li><b>Relay.</b> {@code offer}, {@code answer}, {@code candidate}, {@code ice-restart}
 *       from an admitted participant to another admitted participant are relayed with
 *       {@code from} stamped from the sender's seat. To an unknown, waiting or departed
 *       participant: {@code unknown-participant}; to a held seat: {@code peer-reconnecting}.</li>
 *   <li><b>Politeness.</b> In every pair exactly one side is polite: the therapist is impolite
 *       towards clients; between two clients the one with the greater id is polite.</li>
 *   <li><b>Drops.</b> {@link #disconnected} holds the seat: others in the call get
 *       {@code peer-reconnecting} (the therapist's waiting list is unchanged for a waiting
 *       client). Resuming within the grace period: the returning participant gets
 *       {@code welcome} with {@code resumed=true} and, if admitted, a fresh {@code roster};
 *       others get {@code peer-reconnected}. Grace expiry (seen in {@link #tick}) releases the
 *       seat: {@code peer-left connection-lost}, or the waiting list shrinks.</li>
 *   <li><b>Time.</b> At {@code endsAt - endWarning} everyone connected gets one
 *       {@code session-warning}; {@code extend} moves {@code endsAt} (total extension at most
 *       {@link RoomPolicy#maxExtension()}, beyond that {@code not-allowed}), broadcasts
 *       {@code session-extended} and re-arms the warning. At {@code endsAt + overrun} the room
 *       ends with {@link EndReason#TIME_UP}.</li>
 *   <li><b>End.</b> Every connection gets {@code session-ended} and close {@code SESSION_ENDED}
 *       (or {@code SESSION_CANCELLED} when cancelled); the room accepts no joins after.</li>
 *   <li><b>Roles.</b> {@code admit}, {@code decline}, {@code remove}, {@code extend},
 *       {@code end} from a client: {@code not-allowed}. {@code auth} on a joined connection:
 *       {@code already-authenticated}. {@code leave}: the seat is released at once
 *       ({@code peer-left left}) and the connection closed {@code NORMAL}.</li>
 * </ul>
 * Every state change also yields an {@link Effect.Record} of the matching {@link RoomEvent}.
 */
public final class Room {

    public Room(Schedule schedule, RoomPolicy policy) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The session's schedule, with {@code endsAt} as extended so far. */
    public Schedule schedule() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * A connection authenticated as {@code who} (token and stored state already checked by
     * the host). {@code resumeKey} is the one the client got in an earlier {@code welcome},
     * or {@code null}.
     */
    public List<Effect> join(Connection connection, Participant who, String resumeKey, Instant now) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** A parsed message from a joined connection. Messages from unknown connections are ignored. */
    public List<Effect> handle(Connection connection, ClientMessage message, Instant now) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The connection's socket closed without {@code leave}; a no-op for replaced or unknown connections. */
    public List<Effect> disconnected(Connection connection, Instant now) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Advances time: grace expiries, the end warning, the automatic end. Called about once a second. */
    public List<Effect> tick(Instant now) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Ends the session from outside the call (cancellation, an admin). Idempotent. */
    public List<Effect> end(EndReason reason, Instant now) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * The participant's link no longer admits them ({@link ErrorCode#LINK_REISSUED}) or they
     * were removed from outside the call ({@link ErrorCode#REMOVED}): their connection, if any,
     * gets that error and its close, the seat is released, and for {@code REMOVED} they can
     * never join this room again.
     */
    public List<Effect> revoke(String participantId, ErrorCode why, Instant now) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** True once the session ended; the host then drops the room. */
    public boolean ended() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** True when no connection is live and no seat is held. */
    public boolean idle() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
