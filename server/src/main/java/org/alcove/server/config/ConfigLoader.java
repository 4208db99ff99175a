package org.alcove.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Builds {@link AlcoveConfig} from, in rising priority: the commented defaults file on the
 * classpath, an optional properties file ({@code ALCOVE_CONFIG_FILE}), environment variables,
 * and explicit overrides (command-line flags, tests).
 */
public final class ConfigLoader {
    public static final String DEFAULTS = "/alcove-defaults.properties";

    private final Settings settings;

    private ConfigLoader(Properties values) {
        this.settings = new Settings(values);
    }

    /** Loads from the process environment plus {@code overrides} (keys as in the defaults file). */
    public static AlcoveConfig load(Map<String, String> env, Map<String, String> overrides) {
        Properties props = defaults();
        String file = env.get("ALCOVE_CONFIG_FILE");
        if (file != null && !file.isBlank()) {
            try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                Properties fromFile = new Properties();
                fromFile.load(in);
                for (String key : fromFile.stringPropertyNames()) {
                    requireKnown(props, key, "ALCOVE_CONFIG_FILE");
                    props.setProperty(key, fromFile.getProperty(key));
                }
            } catch (IOException e) {
                throw new ConfigException("cannot read ALCOVE_CONFIG_FILE: " + e.getMessage());
            }
        }
        for (String key : props.stringPropertyNames()) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null) {
                props.setProperty(key, fromEnv);
            }
        }
        overrides.forEach((key, value) -> {
            requireKnown(props, key, "override");
            props.setProperty(key, value);
        });
        return new ConfigLoader(props).build();
    }

    /** The environment variable that overrides {@code key}: {@code http.port} → {@code ALCOVE_HTTP_PORT}. */
    public static String envName(String key) {
        return "ALCOVE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Every key of the defaults file, for documentation and tests. */
    public static Properties defaults() {
        Properties props = new Properties();
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " missing from the classpath");
            }
            props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULTS, e);
        }
        return props;
    }

    private static void requireKnown(Properties known, String key, String source) {
        if (!known.containsKey(key)) {
            throw new ConfigException("unknown setting '" + key + "' in " + source);
        }
    }

    private AlcoveConfig build() {
        return new AlcoveConfig(
                new AlcoveConfig.Http(
                        settings.string("http.host"),
                        settings.integer("http.port", 0, 65535),
                        settings.optional("http.public-url") == null ? null : settings.uri("http.public-url"),
                        settings.integer("http.max-body-bytes", 1024, 16 * 1024 * 1024),
                        settings.optional("http.tls-keystore") == null ? null : settings.path("http.tls-keystore"),
                        settings.raw("http.tls-keystore-password"),
                        settings.optional("http.tls-key-alias"),
                        settings.bool("http.forwarded-headers")),
                new AlcoveConfig.Store(
                        settings.path("store.data-dir"),
                        settings.optional("store.jdbc-url"),
                        settings.string("store.user"),
                        settings.raw("store.password"),
                        settings.integer("store.pool-size", 1, 256)),
                new AlcoveConfig.Auth(
                        settings.optional("auth.signing-key"),
                        settings.string("auth.issuer"),
                        settings.duration("auth.login-ttl"),
                        settings.duration("auth.clock-leeway"),
                        settings.integer("auth.password-iterations", 1, 10_000_000),
                        settings.optional("auth.admin-email"),
                        settings.optional("auth.admin-password"),
                        settings.duration("auth.join-opens-before"),
                        settings.integer("auth.login-max-failures", 1, 1_000_000),
                        settings.integer("auth.login-max-failures-per-address", 1, 1_000_000),
                        settings.duration("auth.login-failure-window"),
                        settings.integer("auth.socket-failures-per-address", 0, 1_000_000)),
                new AlcoveConfig.Room(
                        settings.duration("room.reconnect-grace"),
                        settings.duration("room.end-warning"),
                        settings.duration("room.overrun"),
                        settings.duration("room.max-extension")),
                new AlcoveConfig.Socket(
                        settings.integer("ws.max-message-bytes", 1024, 16 * 1024 * 1024),
                        settings.duration("ws.auth-timeout"),
                        settings.duration("ws.idle-timeout"),
                        settings.duration("ws.ping-interval"),
                        settings.duration("ws.write-timeout"),
                        settings.integer("ws.queue-messages", 1, 1_000_000),
                        settings.integer("ws.rate-per-second", 1, 1_000_000),
                        settings.integer("ws.rate-burst", 1, 1_000_000),
                        settings.origins("ws.allowed-origins")),
                new AlcoveConfig.Ops(
                        settings.logFormat("log.format"),
                        settings.duration("ops.drain-period"),
                        settings.duration("ops.shutdown-timeout"),
                        settings.bool("ops.metrics-enabled"),
                        settings.optional("ops.metrics-token")),
                IceSection.read(settings));
    }
}
