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

    /**
     * Trimmed, non-blank, one-line text of at most {@code max} characters. Names, ids and the like
     * are shown in pages and carried into messages and logs: a control character or line break in
     * them has no honest use and could break a display or a log line, so it is refused, not cleaned.
     */
    public static String text(String field, String value, int max) {
        required(field, value);
        if (value.codePoints().anyMatch(c -> c == '\n' || c == '\r' || c == '\t' || hidden(c))) {
            throw ApiException.invalidField(field,
                    "Field '" + field + "' must be one line without control characters.");
        }
        return bounded(field, value, max);
    }

    /**
     * Like {@link #text} but for free text typed into a text area (a reason): line breaks and tabs
     * are allowed, every other control character is still refused.
     */
    public static String paragraph(String field, String value, int max) {
        required(field, value);
        if (value.codePoints().anyMatch(Check::hidden)) {
            throw ApiException.invalidField(field, "Field '" + field + "' must not contain control characters.");
        }
        return bounded(field, value, max);
    }

    /**
     * Control characters other than line breaks and tabs (C0, DEL, C1, including terminal escapes),
     * Unicode line and paragraph separators, the bidirectional overrides and isolates that make
     * text display as something other than what it is, and invisible characters that only make two
     * names look alike (zero-width space, word joiner and invisible operators, byte order mark,
     * interlinear annotations). The joiners and direction marks that scripts need (U+200C to
     * U+200F, U+061C) stay allowed.
     */
    private static boolean hidden(int c) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return false;
        }
        return Character.getType(c) == Character.CONTROL || c == 0x2028 || c == 0x2029
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200B || (c >= 0x2060 && c <= 0x2064) || (c >= 0x206A && c <= 0x206F)
                || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB);
    }

    private static String bounded(String field, String value, int max) {
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
