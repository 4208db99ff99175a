package org.alcove.signaling.protocol;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Stable codes of the {@code error} message. A code with a {@link #closeCode()} is fatal:
 * the server closes the socket with that close code right after sending the error.
 */
public enum ErrorCode {
    MALFORMED_MESSAGE("malformed-message", "The message is not a valid JSON object.", null),
    UNKNOWN_TYPE("unknown-type", "The message type is not known.", null),
    INVALID_FIELD("invalid-field", "A field is missing or invalid.", null),
    NOT_ALLOWED("not-allowed", "This message is not allowed for your role or in the current state.", null),
    UNKNOWN_PARTICIPANT("unknown-participant", "No such participant in the call.", null),
    PEER_RECONNECTING("peer-reconnecting", "That participant is reconnecting; the message was dropped.", null),
    ALREADY_AUTHENTICATED("already-authenticated", "This connection is already authenticated.", null),
    RATE_LIMITED("rate-limited", "Too many messages; this one was dropped.", null),
    BINARY_NOT_SUPPORTED("binary-not-supported", "Only text messages are accepted.", null),

    AUTH_REQUIRED("auth-required", "The first message must be auth.", CloseCode.AUTH_REQUIRED),
    AUTH_TIMEOUT("auth-timeout", "No auth message arrived in time.", CloseCode.AUTH_TIMEOUT),
    AUTH_FAILED("auth-failed", "The link is not valid.", CloseCode.AUTH_FAILED),
    NOT_YET_OPEN("not-yet-open", "The session is not open yet.", CloseCode.NOT_YET_OPEN),
    LINK_EXPIRED("link-expired", "The link has expired.", CloseCode.LINK_EXPIRED),
    SESSION_CANCELLED("session-cancelled", "The session was cancelled.", CloseCode.SESSION_CANCELLED),
    LINK_REISSUED("link-reissued", "This link was replaced by a newer one.", CloseCode.LINK_REISSUED),
    REMOVED("removed", "You were removed from the session.", CloseCode.REMOVED),
    DECLINED("declined", "The therapist declined this join request.", CloseCode.DECLINED),
    SEAT_TAKEN("seat-taken", "This link is already in use on another device.", CloseCode.SEAT_TAKEN),
    SESSION_ENDED("session-ended", "The session has ended.", CloseCode.SESSION_ENDED),
    REPLACED("replaced", "You joined from another window or device.", CloseCode.REPLACED),
    SESSION_FULL("session-full", "The session is full.", CloseCode.SESSION_FULL),
    ACCOUNT_DISABLED("account-disabled", "Your staff account was disabled.", CloseCode.ACCOUNT_DISABLED),
    TOO_MANY_ATTEMPTS("too-many-attempts", "Too many failed attempts from this network; try again later.",
            CloseCode.TOO_MANY_ATTEMPTS),
    TOO_MANY_MESSAGES("too-many-messages", "Too many messages; the connection is closed.", CloseCode.RATE_LIMITED),
    SLOW_CONSUMER("slow-consumer", "The connection could not keep up.", CloseCode.SLOW_CONSUMER);

    private final String wireName;
    private final String description;
    private final CloseCode closeCode;

    ErrorCode(String wireName, String description, CloseCode closeCode) {
        this.wireName = wireName;
        this.description = description;
        this.closeCode = closeCode;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** A fixed, user-safe sentence; never contains request data. */
    public String description() {
        return description;
    }

    /** The close code that follows this error, or {@code null} when the connection stays open. */
    public CloseCode closeCode() {
        return closeCode;
    }

    public boolean fatal() {
        return closeCode != null;
    }
}
