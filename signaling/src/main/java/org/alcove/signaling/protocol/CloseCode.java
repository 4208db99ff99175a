package org.alcove.signaling.protocol;

/**
 * WebSocket close codes the server uses. Application codes live in 4000-4999; the close
 * reason string is the code's wire name so a client can tell the user exactly what happened.
 */
public enum CloseCode {
    NORMAL(1000, "normal"),
    GOING_AWAY(1001, "server-shutdown"),
    POLICY_VIOLATION(1008, "policy-violation"),
    MESSAGE_TOO_LARGE(1009, "message-too-large"),
    SERVER_ERROR(1011, "server-error"),

    AUTH_TIMEOUT(4001, "auth-timeout"),
    AUTH_FAILED(4002, "auth-failed"),
    NOT_YET_OPEN(4003, "not-yet-open"),
    LINK_EXPIRED(4004, "link-expired"),
    SESSION_CANCELLED(4005, "session-cancelled"),
    LINK_REISSUED(4006, "link-reissued"),
    REMOVED(4007, "removed"),
    DECLINED(4008, "declined"),
    SEAT_TAKEN(4009, "seat-taken"),
    SESSION_ENDED(4010, "session-ended"),
    REPLACED(4011, "replaced"),
    SLOW_CONSUMER(4012, "slow-consumer"),
    SESSION_FULL(4013, "session-full"),
    RATE_LIMITED(4014, "rate-limited"),
    AUTH_REQUIRED(4015, "auth-required"),
    ACCOUNT_DISABLED(4016, "account-disabled"),
    TOO_MANY_ATTEMPTS(4017, "too-many-attempts");

    private final int code;
    private final String reason;

    CloseCode(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    public int code() {
        return code;
    }

    /** The close frame's reason text: a stable wire name, never free text. */
    public String reason() {
        return reason;
    }
}
