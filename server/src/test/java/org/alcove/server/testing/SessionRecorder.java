package org.alcove.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what the clients of a real test call send, for the signalling module's fuzz corpus
 * ({@code signaling/src/test/resources/recorded-sessions}). Off unless the test JVM runs with
 * {@code -Dalcove.record-sessions=DIR}; then every test that used it writes
 * {@code DIR/<TestClass>.<test>.jsonl} (unless it failed), one line per client-to-server frame (and per close), in
 * the order the clients sent them, with the sending connection, its participant id and role
 * (from the {@code welcome} it received). Tokens, resume keys and addresses are replaced by
 * {@link Redaction} before anything is written. Test-only: nothing in the server records frames.
 *
 * <pre>{@code
 * @RegisterExtension final SessionRecorder recorder = SessionRecorder.fromSystemProperty();
 * socket.tap(recorder.connection("therapist"));
 * }</pre>
 */
public final class SessionRecorder implements AfterEachCallback {
    public static final String PROPERTY = "alcove.record-sessions";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final List<Event> events = new ArrayList<>();
    private final List<Conn> connections = new ArrayList<>();
    private long firstNanos;

    private SessionRecorder(Path directory) {
        this.directory = directory;
    }

    /** Records into the directory named by {@value #PROPERTY}, or nowhere when it is not set. */
    public static SessionRecorder fromSystemProperty() {
        String dir = System.getProperty(PROPERTY, "");
        return new SessionRecorder(dir.isBlank() ? null : Path.of(dir));
    }

    /** A tap for one socket; {@code label} names it in the recording (therapist, client1, ...). */
    public WireTap connection(String label) {
        if (directory == null) {
            return WireTap.NONE;
        }
        synchronized (this) {
            Conn conn = new Conn(unique(label) ? label : label + "#" + connections.size());
            connections.add(conn);
            return conn;
        }
    }

    private boolean unique(String label) {
        return connections.stream().noneMatch(c -> c.label.equals(label));
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) throws IOException {
        // A call that failed is not a real session worth replaying.
        if (directory == null || events.isEmpty() || context.getExecutionException().isPresent()) {
            events.clear();
            connections.clear();
            return;
        }
        Redaction redaction = new Redaction();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            ObjectNode line = JSON.createObjectNode()
                    .put("seq", i + 1)
                    .put("ms", (event.nanos - firstNanos) / 1_000_000)
                    .put("conn", event.conn.label)
                    .put("participantId", event.conn.participantId)
                    .put("role", event.conn.role)
                    .put("kind", event.text == null ? "close" : "text");
            if (event.text != null) {
                line.put("text", redaction.message(event.text));
            }
            lines.add(JSON.writeValueAsString(line));
        }
        Files.createDirectories(directory);
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        Files.write(directory.resolve(name + ".jsonl"), lines, StandardCharsets.UTF_8);
        events.clear();
        connections.clear();
    }

    private synchronized void add(Conn conn, String text) {
        long now = System.nanoTime();
        if (events.isEmpty()) {
            firstNanos = now;
        }
        events.add(new Event(conn, text, now));
    }

    private record Event(Conn conn, String text, long nanos) {
    }

    private final class Conn implements WireTap {
        final String label;
        volatile String participantId;
        volatile String role;
        private boolean closed;

        Conn(String label) {
            this.label = label;
        }

        @Override
        public void sent(String text) {
            add(this, text);
        }

        @Override
        public void received(String text) {
            try {
                JsonNode message = JSON.readTree(text);
                if ("welcome".equals(message.path("type").asText())) {
                    participantId = message.path("participantId").asText(null);
                    role = message.path("role").asText(null);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public synchronized void closed() {
            if (!closed) {
                closed = true;
                add(this, null);
            }
        }
    }
}
