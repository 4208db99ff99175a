package org.alcove.server.ops;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Everything the server logs while open, at the shipped levels, rendered exactly as an operator
 * would read it in one of the two shipped formats ({@link #json()} or {@link #text()}).
 */
public final class LogCapture implements AutoCloseable {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    private final Logger root;

    private LogCapture(LoggerContext context, Encoder<ILoggingEvent> encoder) {
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(bytes);
        appender.start();
        root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
    }

    /** Captures in the {@code log.format=json} encoding. */
    public static LogCapture json() {
        LoggerContext context = context();
        return new LogCapture(context, LogOutput.jsonEncoder(context));
    }

    /** Captures in the text pattern the shipped console appender uses ({@link LogSetup}). */
    public static LogCapture text() {
        LoggerContext context = context();
        Appender<ILoggingEvent> console = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(LogOutput.CONSOLE);
        String pattern = ((PatternLayoutEncoder) ((OutputStreamAppender<ILoggingEvent>) console).getEncoder()).getPattern();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return new LogCapture(context, encoder);
    }

    public List<String> lines() {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** Waits up to {@code timeout} for {@code count} lines matching {@code which} (lines are written as things happen). */
    public void await(int count, Predicate<String> which, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lines().stream().filter(which).count() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }
}
