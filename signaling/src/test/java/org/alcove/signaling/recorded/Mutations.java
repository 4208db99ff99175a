package org.alcove.signaling.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Damage done to one recorded frame, the way a broken client, a hostile one or a bad network
 * would: character and byte flips, truncation, garbage spliced in, giant strings at and past
 * every limit, and, on the JSON itself, fields deleted, duplicated, given another type or
 * another type name, ids swapped for another participant's (or the sender's own, or nobody's),
 * a spoofed {@code from}, and deep nesting. Deterministic for a given random source.
 */
public final class Mutations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SPLICES = {
            "{", "}", "[", "]", "\"", ":", ",", "null", "true", "-1", "1e999", "0.5", "\\u0000", "\\ud800",
            "\"type\":\"offer\"", "\"to\":{\"to\":{}}", "\u202e", "\u0000", "\uFFFF", "\"type\":\"admit\"",
            "\r\n", "<script>alert(1)</script>", "{\"a\":".repeat(20), "[".repeat(1000)};
    private static final String[] TYPES = {"auth", "admit", "decline", "remove", "offer", "answer", "candidate",
            "ice-restart", "extend", "end", "leave", "ping", "quality", "welcome", "Offer", "", "__proto__"};
    private static final String[] ID_FIELDS = {"to", "participantId", "peerId"};
    /** Lengths at and just past each limit of the protocol and the parser. */
    private static final int[] GIANT = {128, 129, 1024, 1025, 8 * 1024 + 1, 48 * 1024, 48 * 1024 + 1, 64 * 1024 + 1};

    private final SplittableRandom random;
    private final List<String> ids;

    /** {@code ids} are the participant ids of the recorded call, swapped into id fields. */
    public Mutations(SplittableRandom random, List<String> ids) {
        this.random = random;
        this.ids = ids;
    }

    /** One to three mutations of {@code text}; {@code sender} is the id of whoever sends it, or {@code null}. */
    public String mutate(String text, String sender) {
        String out = text;
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            out = random.nextBoolean() ? structural(out, sender) : textual(out);
        }
        return out;
    }

    /** A character- or byte-level edit that knows nothing of JSON. */
    public String textual(String text) {
        if (text.isEmpty()) {
            return SPLICES[random.nextInt(SPLICES.length)];
        }
        StringBuilder out = new StringBuilder(text);
        int at = random.nextInt(out.length());
        switch (random.nextInt(8)) {
            case 0 -> out.setCharAt(at, (char) random.nextInt(0x20, 0x7f));
            case 1 -> out.setCharAt(at, (char) random.nextInt(0, 0x10000));
            case 2 -> out.deleteCharAt(at);
            case 3 -> out.setLength(at);
            case 4 -> out.insert(at, SPLICES[random.nextInt(SPLICES.length)]);
            case 5 -> out.insert(at, "x".repeat(GIANT[random.nextInt(GIANT.length)]));
            case 6 -> {
                int end = Math.min(out.length(), at + random.nextInt(1, 40));
                out.insert(end, out.substring(at, end));
            }
            default -> {
                return flipByte(text);
            }
        }
        return out.toString();
    }

    /** Flips one bit of the UTF-8 bytes; what is no longer UTF-8 arrives as replacement characters, as a socket would decode it. */
    private String flipByte(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int at = random.nextInt(bytes.length);
        bytes[at] ^= (byte) (1 << random.nextInt(8));
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** An edit of the JSON object; text that is not one gets a textual edit instead. */
    public String structural(String text, String sender) {
        ObjectNode message;
        try {
            JsonNode tree = JSON.readTree(text);
            if (!(tree instanceof ObjectNode object) || object.isEmpty()) {
                return textual(text);
            }
            message = object;
        } catch (IOException e) {
            return textual(text);
        }
        List<String> fields = new ArrayList<>();
        message.fieldNames().forEachRemaining(fields::add);
        String field = fields.get(random.nextInt(fields.size()));
        switch (random.nextInt(9)) {
            case 0 -> message.remove(field);
            case 1 -> message.set(field, otherType(message.get(field)));
            case 2 -> message.put("type", TYPES[random.nextInt(TYPES.length)]);
            case 3 -> message.put(ID_FIELDS[random.nextInt(ID_FIELDS.length)], someId(sender));
            case 4 -> message.put("from", someId(sender));
            case 5 -> message.put(random.nextBoolean() ? "extra" : "sdpMid", "unknown-" + random.nextInt(100));
            case 6 -> message.put(field, "x".repeat(GIANT[random.nextInt(GIANT.length)]));
            case 7 -> message.set(field, nested(message.get(field), 1 + random.nextInt(12)));
            default -> {
                return duplicateKey(write(message), field, message.get(field));
            }
        }
        return write(message);
    }

    private String someId(String sender) {
        return switch (random.nextInt(6)) {
            case 0 -> sender == null ? "" : sender;
            case 1 -> "p_nobody";
            case 2 -> "";
            default -> ids.isEmpty() ? "p_nobody" : ids.get(random.nextInt(ids.size()));
        };
    }

    private JsonNode otherType(JsonNode value) {
        return switch (random.nextInt(8)) {
            case 0 -> JSON.getNodeFactory().nullNode();
            case 1 -> JSON.getNodeFactory().numberNode(random.nextInt() - (long) Integer.MIN_VALUE * 4);
            case 2 -> JSON.getNodeFactory().numberNode(random.nextDouble() * 100 - 50);
            case 3 -> JSON.getNodeFactory().booleanNode(random.nextBoolean());
            case 4 -> JSON.createArrayNode().add(value);
            case 5 -> JSON.createObjectNode().set("value", value);
            case 6 -> JSON.getNodeFactory().textNode(value.toString());
            default -> JSON.getNodeFactory().numberNode(random.nextInt(-2, 70));
        };
    }

    private static JsonNode nested(JsonNode value, int depth) {
        JsonNode out = value;
        for (int i = 0; i < depth; i++) {
            ArrayNode wrapper = JSON.createArrayNode();
            wrapper.add(out);
            out = wrapper;
        }
        return out;
    }

    /** Writes the field a second time, which a strict parser must refuse. */
    private String duplicateKey(String text, String field, JsonNode value) {
        String copy = JSON.getNodeFactory().textNode(field) + ":" + (random.nextBoolean() ? value : otherType(value)) + ",";
        return "{" + copy + text.substring(1);
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
