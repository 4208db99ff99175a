package org.alcove.server.http;

import java.util.Locale;
import java.util.regex.Pattern;

/** Field checks shared by the routes; each failure is a 400 that names the field. */
public final class Check {
    // Deliberately loose: one @, no spaces, a dot in the domain. Delivery is the real test.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    public static final int MAX_EMAIL = 254;

    private Check() {
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw ApiException.invalidField(field, "Field '" + field + "' is required.");
        }
        return value;
    }

    /** Trimmed, non-blank text of at most {@code max} characters. */
    public static String text(String field, String value, int max) {
        required(field, value);
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            throw ApiException.invalidField(field, "Field '" + field + "' must not be blank.");
        }
        if (trimmed.length() > max) {
            throw ApiException.invalidField(field, "Field '" + field + "' must be at most " + max + " characters.");
        }
        return trimmed;
    }

    /** A lower-cased, plausible email address. */
    public static String email(String field, String value) {
        String email = text(field, value, MAX_EMAIL).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            throw ApiException.invalidField(field, "Field '" + field + "' must be an email address.");
        }
        return email;
    }

    public static int range(String field, Integer value, int min, int max) {
        required(field, value);
        if (value < min || value > max) {
            throw ApiException.invalidField(field, "Field '" + field + "' must be between " + min + " and " + max + ".");
        }
        return value;
    }
}
