package org.alcove.server.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The server's logging, set up in code (found by logback through {@code META-INF/services}): one
 * console appender on stderr, so stdout carries only what {@code Main} prints for the operator
 * (credentials, links), INFO for Alcove and WARN for the libraries. In code rather than a
 * {@code logback.xml} because reading the XML (a SAX parser and logback's configuration model)
 * took about a tenth of a restart's time to its first join. {@code -Dlogback.configurationFile}
 * still wins: this then steps aside for logback's own reading of that file.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    /**
     * {@code %oneline} ({@link OneEventPerLine}) indents every line break in a message or stack
     * trace, so no text can forge a log line. {@code %mdc} shows sessionId, participantId and
     * connectionId on lines about a session. The empty {@code {}} after {@code %oneline(...)}
     * matters: without options, logback reads the {@code %n} right after a composite's ")" as text.
     */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24}%replace( [%mdc]){' \\[\\]', ''}"
            + " - %oneline(%msg%n%ex){}%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        registerOneline(context);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(LogOutput.CONSOLE);
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        for (String library : new String[] {"org.eclipse.jetty", "com.zaxxer.hikari", "org.flywaydb"}) {
            context.getLogger(library).setLevel(Level.WARN);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Where logback's patterns look up conversion words, so every encoder of the context knows %oneline. */
    @SuppressWarnings("unchecked")
    private static void registerOneline(LoggerContext context) {
        var rules = (Map<String, Supplier<DynamicConverter<?>>>) context.getObject(
                CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (rules == null) {
            rules = new HashMap<>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
        }
        rules.put("oneline", OneEventPerLine::new);
    }
}
