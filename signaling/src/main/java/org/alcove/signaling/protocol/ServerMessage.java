package org.alcove.signaling.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every message the server sends to a participant, one record per wire {@code type}.
 * Relayed negotiation carries {@code from}, stamped by the server from the sender's
 * authenticated seat.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ServerMessage.Welcome.class, name = "welcome"),
    @JsonSubTypes.Type(value = ServerMessage.Roster.class, name = "roster"),
    @JsonSubTypes.Type(value = ServerMessage.WaitingList.class, name = "waiting-list"),
    @JsonSubTypes.Type(value = ServerMessage.PeerJoined.class, name = "peer-joined"),
    @JsonSubTypes.Type(value = ServerMessage.PeerLeft.class, name = "peer-left"),
    @JsonSubTypes.Type(value = ServerMessage.PeerReconnecting.class, name = "peer-reconnecting"),
    @JsonSubTypes.Type(value = ServerMessage.PeerReconnected.class, name = "peer-reconnected"),
    @JsonSubTypes.Type(value = ServerMessage.Offer.class, name = "offer"),
    @JsonSubTypes.Type(value = ServerMessage.Answer.class, name = "answer"),
    @JsonSubTypes.Type(value = ServerMessage.Candidate.class, name = "candidate"),
    @JsonSubTypes.Type(value = ServerMessage.IceRestart.class, name = "ice-restart"),
    @JsonSubTypes.Type(value = ServerMessage.SessionWarning.class, name = "session-warning"),
    @JsonSubTypes.Type(value = ServerMessage.SessionExtended.class, name = "session-extended"),
    @JsonSubTypes.Type(value = ServerMessage.SessionEnded.class, name = "session-ended"),
    @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error"),
    @JsonSubTypes.Type(value = ServerMessage.Pong.class, name = "pong"),
    @JsonSubTypes.Type(value = ServerMessage.ServerShutdown.class, name = "server-shutdown"),
    @JsonSubTypes.Type(value = ServerMessage.AdminAction.class, name = "admin-action"),
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ServerMessage {

    /** Where a participant stands in the session. */
    enum SeatState {
        waiting, admitted
    }

    /**
     * Answer to a successful {@code auth}. {@code resumeKey} proves on a later reconnect that
     * it is the same device; {@code resumed} is true when an earlier seat was taken back.
     */
    record Welcome(String participantId, String sessionId, Role role, SeatState state,
                   Instant startsAt, Instant endsAt, String resumeKey, boolean resumed) implements ServerMessage {
    }

    /**
     * Sent when the receiver enters the call (therapist on connect, client on admission, or
     * on resuming an admitted seat): everyone else in the call, and the ICE configuration the
     * receiver's peer connections use. It comes here rather than in {@code welcome} so that a
     * waiting client, whom the therapist may never admit, never holds TURN credentials.
     */
    record Roster(List<Peer> participants, List<IceServer> iceServers, IceTransportPolicy iceTransportPolicy)
            implements ServerMessage {
        public Roster {
            participants = List.copyOf(participants);
            iceServers = List.copyOf(iceServers);
            Objects.requireNonNull(iceTransportPolicy, "iceTransportPolicy");
        }

        /** No ICE servers and every transport: host candidates only. */
        public Roster(List<Peer> participants) {
            this(participants, List.of(), IceTransportPolicy.all);
        }
    }

    /**
     * One entry of {@code RTCConfiguration.iceServers}. {@code username} and {@code credential}
     * are present for TURN only: short-lived, issued to the receiver alone.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record IceServer(List<String> urls, String username, String credential) {
        public IceServer {
            urls = List.copyOf(urls);
        }
    }

    /** {@code RTCConfiguration.iceTransportPolicy}: {@code relay} uses TURN candidates only. */
    enum IceTransportPolicy {
        all, relay
    }

    /** Therapist only: the full list of clients waiting to be admitted, sent whenever it changes. */
    record WaitingList(List<Waiting> waiting) implements ServerMessage {
    }

    /** Another participant entered the call. */
    record PeerJoined(Peer peer) implements ServerMessage {
    }

    /** Another participant is gone for good; see {@link LeaveReason}. */
    record PeerLeft(String participantId, LeaveReason reason) implements ServerMessage {
    }

    /** Another participant's connection dropped; their seat is held for the grace period. */
    record PeerReconnecting(String participantId) implements ServerMessage {
    }

    /** A participant came back (new connection): expect fresh negotiation from or to them. */
    record PeerReconnected(String participantId) implements ServerMessage {
    }

    record Offer(String from, String sdp) implements ServerMessage {
    }

    record Answer(String from, String sdp) implements ServerMessage {
    }

    record Candidate(String from, String candidate, String sdpMid, Integer sdpMLineIndex) implements ServerMessage {
    }

    record IceRestart(String from) implements ServerMessage {
    }

    /** The session ends at {@code endsAt}; sent a few minutes before. */
    record SessionWarning(Instant endsAt, long minutesLeft) implements ServerMessage {
    }

    record SessionExtended(Instant endsAt) implements ServerMessage {
    }

    /** The session is over for everyone; the socket closes right after with {@link CloseCode#SESSION_ENDED}. */
    record SessionEnded(EndReason reason) implements ServerMessage {
    }

    /**
     * Something the receiver sent was refused. When the code is fatal the socket is closed
     * right after with the matching {@link CloseCode}. {@code startsAt}, {@code opensAt} and
     * {@code therapistName} accompany {@code not-yet-open} (told only to a genuine link of that
     * session, so its holder reads "Your session with ... starts at ..." and the page knows
     * when to ask again; the server's join window is in no browser file); {@code field} names
     * the offending field of {@code invalid-field}.
     */
    record Error(ErrorCode code, String message, Instant startsAt, Instant opensAt, String therapistName,
                 String field) implements ServerMessage {
        public Error(ErrorCode code) {
            this(code, code.description(), null, null, null, null);
        }

        /** {@code not-yet-open}: when the session starts, when its link opens, and with whom. */
        public static Error notYetOpen(Instant startsAt, Instant opensAt, String therapistName) {
            return new Error(ErrorCode.NOT_YET_OPEN, ErrorCode.NOT_YET_OPEN.description(), startsAt, opensAt,
                    therapistName, null);
        }

        /** An {@code invalid-field} (or other parse) error naming the field when known. */
        public static Error about(ErrorCode code, String field) {
            return new Error(code, code.description(), null, null, null, field);
        }
    }

    record Pong() implements ServerMessage {
    }

    /** What an admin did to the session, in {@link AdminAction}. */
    enum AdminActionKind {
        ended, removed
    }

    /**
     * Therapist only: an admin ended the session ({@code ended}, just before
     * {@code session-ended}) or removed {@code participantId} ({@code removed}). {@code reason}
     * is text an admin typed: a client must show it as plain text, never as markup.
     */
    record AdminAction(AdminActionKind action, String participantId, String reason) implements ServerMessage {
    }

    /**
     * The server is shutting down: it closes this socket with {@link CloseCode#GOING_AWAY} at
     * about {@code closesAt}. The seat is held as after any drop, so reconnecting (with the resume
     * key) to a server that is up again keeps it.
     */
    record ServerShutdown(Instant closesAt) implements ServerMessage {
    }

    /**
     * Someone in the call. {@code polite} is the receiver's role towards that peer in
     * perfect negotiation: exactly one side of every pair is polite.
     */
    record Peer(String participantId, Role role, String name, boolean polite, boolean reconnecting) {
    }

    record Waiting(String participantId, String name, Instant since) {
    }
}
