package org.alcove.server.ops;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.alcove.server.config.AlcoveConfig;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code log.format} to the console appender that {@link LogSetup} sets up. The text
 * format is its pattern; json swaps in logback's {@link JsonEncoder}: one object per
 * line with {@code timestamp}, {@code level}, {@code threadName}, {@code loggerName},
 * {@code mdc} ({@code sessionId}, {@code participantId}, {@code connectionId}) and
 * {@code formattedMessage}.
 */
public final class LogOutput {
    /** The console appender's name ({@link LogSetup}). */
    static final String CONSOLE = "CONSOLE";

    private LogOutput() {
    }

    public static void use(AlcoveConfig.LogFormat format) {
        switch (format) {
            case text -> {
            }
            case json -> {
                LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
                Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
                Appender<ILoggingEvent> text = root.getAppender(CONSOLE);
                // A fresh appender rather than a swapped encoder: stopping the old one would close stderr.
                ConsoleAppender<ILoggingEvent> json = new ConsoleAppender<>();
                json.setContext(context);
                json.setName(CONSOLE);
                json.setTarget("System.err");
                json.setEncoder(jsonEncoder(context));
                json.start();
                root.addAppender(json);
                if (text != null) {
                    root.detachAppender(text);
                }
            }
        }
    }

    /** The JSON lines encoder, started; tests capture output with the same one. */
    public static JsonEncoder jsonEncoder(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        // Only what an operator reads: no context dump, raw pattern, argument array or sequence numbers.
        encoder.setWithContext(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }
}
