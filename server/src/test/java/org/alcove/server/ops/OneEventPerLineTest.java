package org.alcove.server.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped log formats against text that tries to forge a line of its own. */
class OneEventPerLineTest {
    private static final String FORGED = "2026-01-01 INFO forged";
    private static final String HOSTILE = "looks fine\n" + FORGED + "\r" + FORGED + "\r\n" + FORGED + "\u2028"
            + FORGED + "\u001b[2K\u001b[1A" + FORGED;

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    private ILoggingEvent event(Throwable thrown) {
        Logger logger = context.getLogger("org.alcove.test");
        return new LoggingEvent(Logger.class.getName(), logger, Level.INFO, "refused {}", thrown, new Object[] {HOSTILE});
    }

    /** The console appender's own encoder, as LogSetup sets it up. */
    @SuppressWarnings("unchecked")
    private String text(ILoggingEvent event) {
        var console = (OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME)
                .getAppender(LogOutput.CONSOLE);
        PatternLayoutEncoder shipped = (PatternLayoutEncoder) console.getEncoder();
        return new String(shipped.encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void no_line_break_or_control_character_in_a_message_or_exception_starts_a_text_log_line() {
        String out = text(event(new IllegalArgumentException("bad input\n" + FORGED)));
        List<String> lines = out.lines().toList();
        assertTrue(lines.get(0).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO .*refused looks fine"), lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.startsWith(OneEventPerLine.INDENT.substring(1)), "a continuation line starts unindented: " + line);
        }
        assertFalse(out.contains("\u001b"), "a terminal escape reached the log: " + out);
        assertTrue(out.contains("\\u001b[2K"), "the escape is shown, not dropped: " + out);
        assertTrue(out.contains("java.lang.IllegalArgumentException: bad input"), "the stack trace is kept: " + out);
        assertEquals(1, out.split("IllegalArgumentException", -1).length - 1, "the stack trace is written once: " + out);
        assertTrue(out.endsWith(System.lineSeparator()) && !out.endsWith(OneEventPerLine.INDENT + System.lineSeparator()),
                "[" + out + "]");
    }

    @Test
    void the_json_format_keeps_one_object_per_line_with_the_text_intact() throws Exception {
        String out = new String(LogOutput.jsonEncoder(context).encode(event(null)), StandardCharsets.UTF_8);
        List<String> lines = out.lines().filter(line -> !line.isBlank()).toList();
        assertEquals(1, lines.size(), out);
        assertEquals("refused " + HOSTILE, new ObjectMapper().readTree(lines.get(0)).path("formattedMessage").asText());
    }
}
