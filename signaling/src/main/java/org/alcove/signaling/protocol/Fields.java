package org.alcove.signaling.protocol;

/** Field checks shared by the message records' compact constructors. */
final class Fields {
    private Fields() {
    }

    static void require(String name, String value, int maxLength) {
        if (value == null || value.isEmpty() || value.length() > maxLength) {
            throw new InvalidFieldException(name);
        }
    }

    static void optional(String name, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new InvalidFieldException(name);
        }
    }
}
