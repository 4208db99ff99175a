package org.alcove.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes a recorded client message safe to commit while keeping its structure real: the join
 * token and resume key become placeholders, and every real IP address in SDP and ICE
 * candidates becomes a documentation address (192.0.2.n, 2001:db8::n; RFC 5737 and 3849),
 * the same real address always the same stand-in within one recording so that candidates
 * and {@code c=} lines still agree. Unspecified and loopback addresses are kept as they are.
 */
final class Redaction {
    static final String TOKEN = "<join-token>";
    static final String RESUME_KEY = "<resume-key>";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    /** Hex groups and colons only, 2 to 7 colons: an SDP fingerprint has 31 and is left alone. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:]*(\\.[0-9.]+)?");
    private static final Set<String> KEPT = Set.of("0.0.0.0", "127.0.0.1", "::", "::1");

    private final Map<String, String> addresses = new HashMap<>();

    /** The message with secrets and addresses replaced; text that is not a JSON object is returned as is. */
    String message(String text) {
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (IOException e) {
            return text;
        }
        if (!(tree instanceof ObjectNode message)) {
            return text;
        }
        if (message.has("token")) {
            message.put("token", TOKEN);
        }
        if (message.hasNonNull("resumeKey")) {
            message.put("resumeKey", RESUME_KEY);
        }
        for (String field : new String[]{"sdp", "candidate"}) {
            if (message.path(field).isTextual()) {
                message.put(field, addresses(message.get(field).asText()));
            }
        }
        try {
            return JSON.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces every address-shaped token on every line (space-separated fields of SDP and candidates). */
    String addresses(String text) {
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder token = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c == ' ' || c == '\r' || c == '\n') {
                out.append(replace(token.toString()));
                token.setLength(0);
                if (i < text.length()) {
                    out.append(c);
                }
            } else {
                token.append(c);
            }
        }
        return out.toString();
    }

    private String replace(String token) {
        if (KEPT.contains(token)) {
            return token;
        }
        if (IPV4.matcher(token).matches()) {
            return addresses.computeIfAbsent(token, t -> "192.0.2." + (1 + count("192.0.2.")));
        }
        long colons = token.chars().filter(c -> c == ':').count();
        if (colons >= 2 && colons <= 7 && IPV6.matcher(token).matches()) {
            return addresses.computeIfAbsent(token, t -> "2001:db8::" + Integer.toHexString(1 + count("2001:db8::")));
        }
        return token;
    }

    private int count(String prefix) {
        return (int) addresses.values().stream().filter(v -> v.startsWith(prefix)).count();
    }
}
