package org.alcove.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the browser's ES modules as text, with just enough reading of it to find the protocol
 * literals it copies: a bracketed block after a marker, the entries of an object literal, the
 * string cases of a switch. It is no JavaScript parser; the modules keep these tables plain so
 * that it does not need to be one.
 */
final class ScriptSource {
    private static final Pattern CASE = Pattern.compile("case '([^']+)':");

    private final String name;
    private final String text;

    private ScriptSource(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** A module of the packaged client, e.g. {@code signaling.js}, as the server serves it. */
    static ScriptSource module(String file) {
        String path = "/alcove/web/js/" + file;
        try (InputStream in = ScriptSource.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("not on the classpath: " + path);
            }
            return new ScriptSource(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    String text() {
        return text;
    }

    /**
     * The text inside the bracket that ends {@code marker} (its last character, one of
     * {@code ({[}) up to the bracket that closes it.
     */
    String block(String marker) {
        int start = text.indexOf(marker);
        if (start < 0) {
            throw new IllegalStateException(name + " has no '" + marker + "'");
        }
        int open = start + marker.length() - 1;
        return text.substring(open + 1, closing(text, open));
    }

    /** {@code NAME: 1000}-style entries of an object literal's body, in order. */
    static Map<String, Integer> numbers(String body) {
        Map<String, Integer> entries = new LinkedHashMap<>();
        for (String part : parts(body)) {
            String[] pair = part.split(":", 2);
            if (pair.length != 2) {
                throw new IllegalStateException("not a NAME: number entry: " + part);
            }
            entries.put(pair[0].trim(), Integer.valueOf(pair[1].trim().replace("_", "")));
        }
        return entries;
    }

    /** Every object literal in {@code body} that starts with {@code prefix} (e.g. "{ type: "), whole. */
    static List<String> objectLiterals(String body, String prefix) {
        List<String> literals = new ArrayList<>();
        for (int at = body.indexOf(prefix); at >= 0; at = body.indexOf(prefix, at + 1)) {
            literals.add(body.substring(at, closing(body, at) + 1));
        }
        return literals;
    }

    /** The keys of an object literal: {@code { type: 'x', to, sdp: s }} has type, to and sdp. */
    static Set<String> keys(String literal) {
        Set<String> keys = new LinkedHashSet<>();
        for (String part : parts(literal.substring(1, literal.length() - 1))) {
            keys.add(part.split(":", 2)[0].trim());
        }
        return keys;
    }

    /** The value of a {@code key: 'text'} entry of an object literal. */
    static String stringValue(String literal, String key) {
        Matcher m = Pattern.compile("\\b" + key + ":\\s*'([^']*)'").matcher(literal);
        if (!m.find()) {
            throw new IllegalStateException("no " + key + " in " + literal);
        }
        return m.group(1);
    }

    /** The string labels of the {@code case}s in {@code body}. */
    static Set<String> cases(String body) {
        Set<String> labels = new LinkedHashSet<>();
        Matcher m = CASE.matcher(body);
        while (m.find()) {
            labels.add(m.group(1));
        }
        return labels;
    }

    /** Every {@code 'text'} compared with {@code expression ===} in the whole module. */
    Set<String> comparedWith(String expression) {
        Set<String> values = new LinkedHashSet<>();
        Matcher m = Pattern.compile(Pattern.quote(expression) + "\\s*===\\s*'([^']+)'").matcher(text);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    // The top-level comma-separated parts of a literal's body, skipping nested brackets and strings.
    private static List<String> parts(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < body.length(); i++) {
            int end = endOfStringOrComment(body, i);
            char c = body.charAt(i);
            if (end > i) {
                i = end;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(body.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(body.substring(from));
        parts.removeIf(part -> part.isBlank());
        return parts;
    }

    // The index of the bracket that closes the one at {@code open}.
    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            int end = endOfStringOrComment(text, i);
            char c = text.charAt(i);
            if (end > i) {
                i = end;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        throw new IllegalStateException("unbalanced brackets from " + text.substring(open, Math.min(text.length(), open + 60)));
    }

    // Where the string or comment starting at {@code i} ends (its last character), or i itself
    // when none starts there: brackets and commas inside them (an apostrophe in a comment) do not count.
    private static int endOfStringOrComment(String text, int i) {
        char c = text.charAt(i);
        if (c == '\'' || c == '"' || c == '`') {
            int end = i + 1;
            while (end < text.length() && text.charAt(end) != c) {
                end += text.charAt(end) == '\\' ? 2 : 1;
            }
            return end;
        }
        if (text.startsWith("//", i)) {
            int end = text.indexOf('\n', i);
            return end < 0 ? text.length() - 1 : end;
        }
        if (text.startsWith("/*", i)) {
            return text.indexOf("*/", i + 2) + 1;
        }
        return i;
    }
}
