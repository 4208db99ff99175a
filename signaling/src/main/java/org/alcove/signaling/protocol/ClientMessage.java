package org.alcove.signaling.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Every message a participant may send to the server, one record per wire {@code type}.
 *
 * <p>Records validate their own required fields so that {@link MessageCodec} can report
 * the missing or invalid field by name. A sender field is deliberately absent: the server
 * stamps the sender on everything it relays, and a {@code from} a client writes is ignored
 * (every other unknown field is refused).
 */
@JsonIgnoreProperties({"from"})
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ClientMessage.Auth.class, name = "auth"),
    @JsonSubTypes.Type(value = ClientMessage.Admit.class, name = "admit"),
    @JsonSubTypes.Type(value = ClientMessage.Decline.class, name = "decline"),
    @JsonSubTypes.Type(value = ClientMessage.Remove.class, name = "remove"),
    @JsonSubTypes.Type(value = ClientMessage.Offer.class, name = "offer"),
    @JsonSubTypes.Type(value = ClientMessage.Answer.class, name = "answer"),
    @JsonSubTypes.Type(value = ClientMessage.Candidate.class, name = "candidate"),
    @JsonSubTypes.Type(value = ClientMessage.IceRestart.class, name = "ice-restart"),
    @JsonSubTypes.Type(value = ClientMessage.Extend.class, name = "extend"),
    @JsonSubTypes.Type(value = ClientMessage.End.class, name = "end"),
    @JsonSubTypes.Type(value = ClientMessage.Leave.class, name = "leave"),
    @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping"),
    @JsonSubTypes.Type(value = ClientMessage.Quality.class, name = "quality"),
})
public sealed interface ClientMessage {

    /** Largest SDP accepted in an offer or answer, in characters. */
    int MAX_SDP = 48 * 1024;
    /** Largest ICE candidate line accepted, in characters. */
    int MAX_CANDIDATE = 1024;
    /** Largest opaque id (participant id, resume key) accepted, in characters. */
    int MAX_ID = 128;

    /** First message on every socket: the join token from the link, and the resume key of an earlier connection. */
    record Auth(String token, String resumeKey) implements ClientMessage {
        public Auth {
            Fields.require("token", token, 8 * 1024);
            Fields.optional("resumeKey", resumeKey, MAX_ID);
        }
    }

    /** Therapist lets a waiting client into the call. */
    record Admit(String participantId) implements ClientMessage {
        public Admit {
            Fields.require("participantId", participantId, MAX_ID);
        }
    }

    /** Therapist turns a waiting client away; the link cannot join again. */
    record Decline(String participantId) implements ClientMessage {
        public Decline {
            Fields.require("participantId", participantId, MAX_ID);
        }
    }

    /** Therapist removes a client from the session; the link cannot join again. */
    record Remove(String participantId) implements ClientMessage {
        public Remove {
            Fields.require("participantId", participantId, MAX_ID);
        }
    }

    /** SDP offer for one admitted participant. */
    record Offer(String to, String sdp) implements ClientMessage {
        public Offer {
            Fields.require("to", to, MAX_ID);
            Fields.require("sdp", sdp, MAX_SDP);
        }
    }

    /** SDP answer for one admitted participant. */
    record Answer(String to, String sdp) implements ClientMessage {
        public Answer {
            Fields.require("to", to, MAX_ID);
            Fields.require("sdp", sdp, MAX_SDP);
        }
    }

    /**
     * A trickled ICE candidate for one admitted participant. An empty or absent
     * {@code candidate} signals the end of candidates.
     */
    record Candidate(String to, String candidate, String sdpMid, Integer sdpMLineIndex) implements ClientMessage {
        public Candidate {
            Fields.require("to", to, MAX_ID);
            Fields.optional("candidate", candidate, MAX_CANDIDATE);
            Fields.optional("sdpMid", sdpMid, 64);
            if (sdpMLineIndex != null && (sdpMLineIndex < 0 || sdpMLineIndex > 64)) {
                throw new InvalidFieldException("sdpMLineIndex");
            }
        }
    }

    /** Asks one admitted participant to restart ICE (for example after a network change). */
    record IceRestart(String to) implements ClientMessage {
        public IceRestart {
            Fields.require("to", to, MAX_ID);
        }
    }

    /** Therapist extends the session by a number of minutes. */
    record Extend(int minutes) implements ClientMessage {
        public Extend {
            if (minutes < 1 || minutes > 60) {
                throw new InvalidFieldException("minutes");
            }
        }
    }

    /** Therapist ends the session for everyone. */
    record End() implements ClientMessage {
    }

    /** The sender leaves the session on purpose (not a drop: no grace period). */
    record Leave() implements ClientMessage {
    }

    /** Application-level keep-alive for clients that cannot send WebSocket pings; answered by {@code pong}. */
    record Ping() implements ClientMessage {
    }

    /** Largest round-trip time a quality report may state, in milliseconds. */
    int MAX_RTT_MS = 60_000;

    /**
     * How the connection to one peer is doing, as the sender measures it (for example from
     * WebRTC stats). Kept in memory for the admin live view only; never relayed to anyone.
     */
    record Quality(String peerId, Integer rttMs, Double lossPercent, Boolean relayed) implements ClientMessage {
        public Quality {
            Fields.require("peerId", peerId, MAX_ID);
            if (rttMs == null || rttMs < 0 || rttMs > MAX_RTT_MS) {
                throw new InvalidFieldException("rttMs");
            }
            if (lossPercent == null || lossPercent.isNaN() || lossPercent < 0 || lossPercent > 100) {
                throw new InvalidFieldException("lossPercent");
            }
            if (relayed == null) {
                throw new InvalidFieldException("relayed");
            }
        }
    }
}
