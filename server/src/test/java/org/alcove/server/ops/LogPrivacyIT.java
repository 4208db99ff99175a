package org.alcove.server.ops;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.alcove.server.testing.TestServer;
import org.alcove.signaling.protocol.ClientMessage;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Captures what the server logs (at the shipped INFO level, in both formats) during a whole
 * session, and checks the lines carry the opaque session id and nothing personal.
 */
class LogPrivacyIT {
    private static final String CLIENT_NAME = "Philippa Privatename";
    private static final String CLIENT_EMAIL = "philippaprivatename@example.test";
    private static final String SDP = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "a=candidate:842163049 1 udp 1677729535 203.0.113.7 46154 typ srflx\r\n";
    private static final String CANDIDATE = "candidate:1 1 udp 2122260223 192.0.2.33 54400 typ host";

    /** An appender writing {@code encoder}'s output to memory, attached to the root logger while open. */
    private static final class Capture implements AutoCloseable {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        private final Logger root;

        Capture(LoggerContext context, Encoder<ILoggingEvent> encoder) {
            appender.setContext(context);
            appender.setEncoder(encoder);
            appender.setOutputStream(bytes);
            appender.start();
            root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            root.addAppender(appender);
        }

        List<String> lines() {
            return bytes.toString(StandardCharsets.UTF_8).lines().toList();
        }

        @Override
        public void close() {
            root.detachAppender(appender);
            appender.stop();
        }
    }

    /** The same pattern the shipped console appender uses (logback.xml). */
    private static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
        Appender<ILoggingEvent> console = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(LogOutput.CONSOLE);
        String pattern = ((PatternLayoutEncoder) ((OutputStreamAppender<ILoggingEvent>) console).getEncoder()).getPattern();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }

    @Test
    void a_whole_session_logs_its_opaque_id_and_nothing_personal_in_json_and_text() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        List<String> secrets = new ArrayList<>(List.of(CLIENT_NAME, "Philippa", "Privatename", CLIENT_EMAIL,
                "v=0", "candidate:", "203.0.113.7", "192.0.2.33"));
        String sessionId;
        List<String> json;
        List<String> text;
        try (TestServer server = TestServer.start();
             Capture jsonCapture = new Capture(context, LogOutput.jsonEncoder(context));
             Capture textCapture = new Capture(context, textEncoder(context))) {
            try (ScriptedCall call = ScriptedCall.admitted(server, CLIENT_NAME)) {
                sessionId = call.sessionId();
                secrets.addAll(List.of(call.therapistLogin(), call.therapistToken(), call.clientToken()));
                call.therapist().send(new ClientMessage.Offer(call.clientId(), SDP));
                call.client().nextOfType("offer", ScriptedCall.WAIT);
                call.client().send(new ClientMessage.Candidate(call.therapistId(), CANDIDATE, "0", 0));
                call.therapist().nextOfType("candidate", ScriptedCall.WAIT);
                call.therapist().send(new ClientMessage.End());
                call.client().nextOfType("session-ended", ScriptedCall.WAIT);
                call.client().awaitClose(ScriptedCall.WAIT);
                call.therapist().awaitClose(ScriptedCall.WAIT);
            }
            // Lines about the closes are written as the server sees the sockets go.
            awaitLines(jsonCapture, 2, line -> line.contains("closed"));
            json = jsonCapture.lines();
            text = textCapture.lines();
        }

        ObjectMapper mapper = new ObjectMapper();
        int aboutSession = 0;
        for (String line : json) {
            JsonNode entry = mapper.readTree(line);
            assertTrue(entry.isObject(), "not a JSON object: " + line);
            String message = entry.path("formattedMessage").asText();
            boolean closeOfJoined = message.matches("connection c\\d+ closed: .*")
                    && entry.path("mdc").has("participantId");
            if (message.contains(sessionId) || closeOfJoined) {
                aboutSession++;
                assertEquals(sessionId, entry.path("mdc").path("sessionId").asText(), "no sessionId on: " + line);
            }
        }
        assertTrue(aboutSession >= 4, "joins, closes and the room's end are logged: " + json);
        assertTrue(text.stream().anyMatch(line -> line.contains("sessionId=" + sessionId)),
                "the text format shows the session id too: " + text);
        for (String secret : secrets) {
            for (String line : json) {
                assertFalse(line.contains(secret), "JSON log leaks " + secret + ": " + line);
            }
            for (String line : text) {
                assertFalse(line.contains(secret), "text log leaks " + secret + ": " + line);
            }
        }
    }

    private static void awaitLines(Capture capture, int count, java.util.function.Predicate<String> which) {
        long deadline = System.nanoTime() + ScriptedCall.WAIT.toNanos();
        while (capture.lines().stream().filter(which).count() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
