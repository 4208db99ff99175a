package org.alcove.server.ops;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.alcove.signaling.protocol.ClientMessage;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.protocol.ServerMessage;
import org.eclipse.jetty.util.thread.ThreadPool;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's meters in one Micrometer registry, one per server (no global registry), and the
 * hooks the socket side calls. Every label value is a protocol wire name or a role, so the
 * number of series stays bounded whatever clients send.
 */
public final class Metrics implements AutoCloseable {
    /** The label value for a message that never parsed into a known type. */
    public static final String UNPARSED = "unparsed";

    private static final Map<Class<?>, String> WIRE_NAMES = wireNames(ClientMessage.class, ServerMessage.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Timer joinLatency;
    /*
     * Relay counters by message class, registered on first use (a series appears once it has counted
     * something) and reused after: building and registering a meter (id, sorted tags, registry
     * lookup) for every relayed message took 7% of the relay's server time (docs/performance.md).
     */
    private final Map<Class<?>, Counter> relayed = new ConcurrentHashMap<>();

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        joinLatency = Timer.builder("alcove.join.latency")
                .description("From a socket opening to its welcome (token check, stored state, seat)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    /** Gauges read from the live socket side at each scrape. */
    public void watch(LiveCounts live) {
        for (Role role : Role.values()) {
            openSockets(live, role, role.name());
        }
        openSockets(live, null, "unauthenticated");
        Gauge.builder("alcove.sessions.active", live, LiveCounts::activeSessions)
                .description("Sessions with a live room that has not ended").register(registry);
        Gauge.builder("alcove.participants.waiting", live, LiveCounts::waitingParticipants)
                .description("Clients waiting to be admitted, over all sessions").register(registry);
    }

    private void openSockets(LiveCounts live, Role role, String label) {
        Gauge.builder("alcove.sockets.open", live, counts -> counts.openSockets(role))
                .description("Open signalling sockets by role").tag("role", label).register(registry);
    }

    /** Jetty's request thread pool (threads, busy, queued). */
    public void watch(ThreadPool jettyThreads) {
        new JettyServerThreadPoolMetrics(jettyThreads, Tags.empty()).bindTo(registry);
    }

    /** A negotiation message (offer, answer, candidate, ice-restart) was delivered to a peer. */
    public void relayed(ServerMessage message) {
        Counter counter = relayed.get(message.getClass());
        if (counter == null) {
            counter = relayed.computeIfAbsent(message.getClass(), type -> Counter.builder("alcove.messages.relayed")
                    .description("Negotiation messages relayed to a peer").tag("type", wireName(message))
                    .register(registry));
        }
        counter.increment();
    }

    /**
     * A client message was refused with {@code code}; {@code message} is {@code null} when it
     * never parsed (malformed, unknown type, dropped by the rate limit) and counts as {@link #UNPARSED}.
     */
    public void rejected(ClientMessage message, ErrorCode code) {
        Counter.builder("alcove.messages.rejected").description("Client messages refused, by type and error code")
                .tags("type", message == null ? UNPARSED : wireName(message), "code", code.wireName())
                .register(registry).increment();
    }

    /** A socket's join was refused (bad or stale link, wrong time, no auth). */
    public void authFailed(ErrorCode code) {
        Counter.builder("alcove.auth.failures").description("Socket joins refused, by error code")
                .tag("code", code.wireName()).register(registry).increment();
    }

    /**
     * A sign-in was refused: {@code failed} (wrong email or password, disabled account) or
     * {@code throttled} (429; counted every time, though only the first of a spell is audited).
     */
    public void signInRefused(String outcome) {
        Counter.builder("alcove.sign.in.refused").description("Sign-ins refused, by outcome (failed, throttled)")
                .tag("outcome", outcome).register(registry).increment();
    }

    /** A socket got its welcome {@code elapsed} after it opened. */
    public void joined(Duration elapsed) {
        joinLatency.record(elapsed);
    }

    /** The Prometheus text exposition of every meter, for {@code contentType}. */
    public void scrape(OutputStream out, String contentType) throws IOException {
        registry.scrape(out, contentType);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    private static String wireName(Object message) {
        return WIRE_NAMES.getOrDefault(message.getClass(), UNPARSED);
    }

    private static Map<Class<?>, String> wireNames(Class<?>... sealedTypes) {
        Map<Class<?>, String> names = new HashMap<>();
        for (Class<?> type : sealedTypes) {
            for (JsonSubTypes.Type sub : List.of(type.getAnnotation(JsonSubTypes.class).value())) {
                names.put(sub.value(), sub.name());
            }
        }
        return Map.copyOf(names);
    }
}
