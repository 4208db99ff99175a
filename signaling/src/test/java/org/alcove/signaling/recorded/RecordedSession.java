package org.alcove.signaling.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.alcove.signaling.protocol.Role;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One recorded real call from {@code recorded-sessions/*.jsonl} (see the README there): every
 * frame the clients sent, and every socket close, in the order they happened.
 */
public record RecordedSession(String name, List<Line> lines) {
    public static final String DIRECTORY = "recorded-sessions";
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Kind { text, close }

    /**
     * One client-side event. {@code participantId} and {@code role} are those of the
     * connection's {@code welcome}; {@code null} when it never got one. {@code text} is the
     * frame exactly as sent (secrets and addresses redacted), {@code null} for a close.
     */
    public record Line(int seq, long ms, String conn, String participantId, Role role, Kind kind, String text) {
    }

    /** A recorded connection: its label and who it was. */
    public record Sender(String conn, String participantId, Role role) {
    }

    /** Every recording on the test classpath, by file name. */
    public static List<RecordedSession> all() {
        URL url = RecordedSession.class.getClassLoader().getResource(DIRECTORY);
        if (url == null) {
            throw new IllegalStateException("no " + DIRECTORY + " on the test classpath");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<RecordedSession> sessions = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                sessions.add(read(file));
            }
            return List.copyOf(sessions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static RecordedSession read(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (text.isBlank()) {
                continue;
            }
            JsonNode line = JSON.readTree(text);
            lines.add(new Line(line.path("seq").asInt(), line.path("ms").asLong(), line.path("conn").asText(),
                    line.path("participantId").asText(null),
                    line.hasNonNull("role") ? Role.valueOf(line.get("role").asText()) : null,
                    Kind.valueOf(line.path("kind").asText()), line.path("text").asText(null)));
        }
        return new RecordedSession(file.getFileName().toString(), List.copyOf(lines));
    }

    /** The recorded connections in the order they first appear. */
    public List<Sender> senders() {
        Map<String, Sender> senders = new LinkedHashMap<>();
        for (Line line : lines) {
            senders.putIfAbsent(line.conn(), new Sender(line.conn(), line.participantId(), line.role()));
        }
        return List.copyOf(senders.values());
    }

    /** Every text frame sent, in order. */
    public List<String> texts() {
        return lines.stream().filter(line -> line.kind() == Kind.text).map(Line::text).toList();
    }

    /** The participant ids of everyone in the call, in the order they connected. */
    public List<String> participantIds() {
        return senders().stream().map(Sender::participantId).filter(id -> id != null).distinct().toList();
    }
}
