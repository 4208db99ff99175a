package org.alcove.signaling.protocol;

/** A message field is missing, empty, too long or out of range; carries the field's wire name. */
public final class InvalidFieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public InvalidFieldException(String field) {
        super("invalid field: " + field);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
