package org.alcove.bench.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The protocol messages the load generator writes and reads (docs/protocol.md), built and
 * parsed with Jackson like any client would. The same text goes to the echo server, so both
 * sides carry identical bytes.
 */
public final class Messages {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Roughly the shape of a real SDP line block; padded to the size asked for. */
    private static final String SDP_HEAD = "v=0\r\no=- %d %d IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "a=group:BUNDLE 0 1\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n";

    private Messages() {
    }

    public static String auth(String token) {
        return write(JSON.createObjectNode().put("type", "auth").put("token", token));
    }

    public static String admit(String participantId) {
        return write(JSON.createObjectNode().put("type", "admit").put("participantId", participantId));
    }

    /** The application-level keep-alive the browser client sends every 10 s; Alcove answers {@code pong}. */
    public static String ping() {
        return write(JSON.createObjectNode().put("type", "ping"));
    }

    public static String leave() {
        return write(JSON.createObjectNode().put("type", "leave"));
    }

    /**
     * An {@code offer} or {@code answer} to {@code to} whose whole JSON text is about
     * {@code bytes} long, carrying {@code sequence} and {@code sentAt} in its SDP origin line.
     */
    public static String negotiation(String type, String to, long sequence, long sentAt, int bytes) {
        ObjectNode node = JSON.createObjectNode().put("type", type).put("to", to);
        String head = String.format(SDP_HEAD, sequence, sentAt);
        int overhead = write(node.deepCopy().put("sdp", head)).length();
        StringBuilder sdp = new StringBuilder(head);
        while (overhead + sdp.length() - head.length() + 2 < bytes) {
            sdp.append("a=x\r\n");
        }
        return write(node.put("sdp", sdp.toString()));
    }

    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unparseable message from the server", e);
        }
    }

    /** The sequence number a {@link #negotiation} message carries (also in the relayed copy). */
    public static long sequence(JsonNode message) {
        return origin(message)[0];
    }

    /** The send time a {@link #negotiation} message carries. */
    public static long sentAt(JsonNode message) {
        return origin(message)[1];
    }

    private static long[] origin(JsonNode message) {
        String sdp = message.path("sdp").asText();
        int start = sdp.indexOf("o=- ") + 4;
        int end = sdp.indexOf(" IN IP4", start);
        String[] fields = sdp.substring(start, end).split(" ");
        return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1])};
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
