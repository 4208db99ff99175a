package org.alcove.server.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/**
 * {@code %oneline(...)} in the text log pattern: whatever a message or exception says, only an
 * event's first line starts at the left margin. Every line break inside it (CR, LF, NEL, LS, PS)
 * is turned into a newline followed by an indent, and other control characters (ANSI escapes
 * included) are shown as <code>&#92;uXXXX</code>, so text that reaches a log line from outside (an
 * exception quoting input, a library's warning about a request) cannot forge a line that looks
 * like one the server wrote. The JSON format needs none of this: its encoder escapes strings.
 */
public final class OneEventPerLine extends CompositeConverter<ILoggingEvent> {
    /** What follows each line break of one event. */
    static final String INDENT = "\n    ";

    @Override
    protected String transform(ILoggingEvent event, String in) {
        String text = stripTrailingBreaks(in);
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(text, i, c);
            if (replacement == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            out.append(replacement);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    /** What stands for {@code c} at {@code index}, or {@code null} to keep it. */
    private static String replacement(String text, int index, char c) {
        if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
            return INDENT;
        }
        if (c != '\t' && Character.getType(c) == Character.CONTROL) {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }

    /** A stack trace ends with a line break; the pattern's own {@code %n} ends the event. */
    private static String stripTrailingBreaks(String in) {
        int end = in.length();
        while (end > 0 && (in.charAt(end - 1) == '\n' || in.charAt(end - 1) == '\r')) {
            end--;
        }
        return in.substring(0, end);
    }
}
