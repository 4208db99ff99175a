package org.alcove.signaling.protocol;

/** A text frame could not be turned into a {@link ClientMessage}; {@code field} names the culprit when known. */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;
    private final String field;

    public ProtocolException(ErrorCode code, String field) {
        super(field == null ? code.wireName() : code.wireName() + ": " + field, null, false, false);
        this.code = code;
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    /** The offending field's wire name, or {@code null}. */
    public String field() {
        return field;
    }
}
