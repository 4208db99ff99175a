package org.alcove.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
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

    private final Properties values;

    private ConfigLoader(Properties values) {
        this.values = values;
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
                        string("http.host"),
                        integer("http.port", 0, 65535),
                        optional("http.public-url") == null ? null : uri("http.public-url"),
                        integer("http.max-body-bytes", 1024, 16 * 1024 * 1024),
                        optional("http.tls-keystore") == null ? null : Path.of(string("http.tls-keystore")),
                        values.getProperty("http.tls-keystore-password", ""),
                        optional("http.tls-key-alias"),
                        bool("http.forwarded-headers")),
                new AlcoveConfig.Store(
                        Path.of(string("store.data-dir")),
                        optional("store.jdbc-url"),
                        string("store.user"),
                        values.getProperty("store.password", ""),
                        integer("store.pool-size", 1, 256)),
                new AlcoveConfig.Auth(
                        optional("auth.signing-key"),
                        string("auth.issuer"),
                        duration("auth.login-ttl"),
                        duration("auth.clock-leeway"),
                        integer("auth.password-iterations", 1, 10_000_000),
                        optional("auth.admin-email"),
                        optional("auth.admin-password"),
                        duration("auth.join-opens-before"),
                        integer("auth.login-max-failures", 1, 1_000_000),
                        integer("auth.login-max-failures-per-address", 1, 1_000_000),
                        duration("auth.login-failure-window"),
                        integer("auth.socket-failures-per-address", 0, 1_000_000)),
                new AlcoveConfig.Room(
                        duration("room.reconnect-grace"),
                        duration("room.end-warning"),
                        duration("room.overrun"),
                        duration("room.max-extension")),
                new AlcoveConfig.Socket(
                        integer("ws.max-message-bytes", 1024, 16 * 1024 * 1024),
                        duration("ws.auth-timeout"),
                        duration("ws.idle-timeout"),
                        duration("ws.ping-interval"),
                        duration("ws.write-timeout"),
                        integer("ws.queue-messages", 1, 1_000_000),
                        integer("ws.rate-per-second", 1, 1_000_000),
                        integer("ws.rate-burst", 1, 1_000_000),
                        origins("ws.allowed-origins")),
                new AlcoveConfig.Ops(
                        logFormat("log.format"),
                        duration("ops.drain-period"),
                        duration("ops.shutdown-timeout"),
                        bool("ops.metrics-enabled"),
                        optional("ops.metrics-token")),
                ice());
    }

    /**
     * STUN and TURN servers. TURN needs its secret (browsers refuse a TURN server without
     * credentials), a secret needs TURN URLs, and relay-only needs TURN (else no call connects).
     */
    private AlcoveConfig.Ice ice() {
        List<String> stun = iceUrls("ice.stun-urls", List.of("stun", "stuns"));
        List<String> turn = iceUrls("ice.turn-urls", List.of("turn", "turns"));
        String secret = optional("ice.turn-secret");
        boolean relayOnly = bool("ice.relay-only");
        if (!turn.isEmpty() && secret == null) {
            throw new ConfigException(envName("ice.turn-secret") + " must be set when " + envName("ice.turn-urls")
                    + " is: the TURN server's static-auth-secret");
        }
        if (turn.isEmpty() && secret != null) {
            throw new ConfigException(envName("ice.turn-secret") + " is set but " + envName("ice.turn-urls")
                    + " is empty: name the TURN server too");
        }
        if (relayOnly && turn.isEmpty()) {
            throw new ConfigException(envName("ice.relay-only") + "=true needs a TURN server in "
                    + envName("ice.turn-urls") + ": without one no call can connect");
        }
        return new AlcoveConfig.Ice(stun, turn, secret, relayOnly);
    }

    /**
     * A comma-separated list of ICE server URLs (RFC 7064, 7065): one of {@code schemes}, a host,
     * an optional port, for TURN an optional {@code ?transport=udp|tcp}; no user info, no path.
     */
    private List<String> iceUrls(String key, List<String> schemes) {
        List<String> urls = new ArrayList<>();
        for (String item : values.getProperty(key, "").split(",")) {
            String value = item.trim();
            if (value.isEmpty()) {
                continue;
            }
            int colon = value.indexOf(':');
            String scheme = colon < 0 ? "" : value.substring(0, colon).toLowerCase(Locale.ROOT);
            String rest = colon < 0 ? "" : value.substring(colon + 1);
            String transport = "(\\?transport=(udp|tcp))?";
            String hostPort = "([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?";
            boolean turn = scheme.startsWith("turn");
            if (!schemes.contains(scheme) || !rest.matches(hostPort + (turn ? transport : ""))) {
                throw new ConfigException(envName(key) + " must list " + String.join(":/", schemes) + ": URLs such as "
                        + schemes.get(0) + ":host.example.org:3478" + (turn ? "?transport=udp" : "") + " (no user info or path)");
            }
            urls.add(value);
        }
        return urls;
    }

    private String optional(String key) {
        String value = values.getProperty(key, "").trim();
        return value.isEmpty() ? null : value;
    }

    private String string(String key) {
        String value = optional(key);
        if (value == null) {
            throw new ConfigException(envName(key) + " must not be empty");
        }
        return value;
    }

    private int integer(String key, int min, int max) {
        String value = string(key);
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new ConfigException(envName(key) + " must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(envName(key) + " must be a whole number");
        }
    }

    private Duration duration(String key) {
        String value = string(key);
        try {
            Duration parsed = Duration.parse(value);
            if (parsed.isNegative()) {
                throw new ConfigException(envName(key) + " must not be negative");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new ConfigException(envName(key) + " must be an ISO-8601 duration such as PT30S");
        }
    }

    private boolean bool(String key) {
        return switch (string(key).toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(envName(key) + " must be true or false");
        };
    }

    private AlcoveConfig.LogFormat logFormat(String key) {
        String value = string(key).toLowerCase(Locale.ROOT);
        for (AlcoveConfig.LogFormat format : AlcoveConfig.LogFormat.values()) {
            if (format.name().equals(value)) {
                return format;
            }
        }
        throw new ConfigException(envName(key) + " must be text or json");
    }

    /** A comma-separated list of bare origins: an http(s) scheme and a host, an optional port, nothing else. */
    private List<URI> origins(String key) {
        List<URI> origins = new ArrayList<>();
        for (String item : values.getProperty(key, "").split(",")) {
            String value = item.trim();
            if (value.isEmpty()) {
                continue;
            }
            try {
                URI origin = new URI(value);
                String scheme = origin.getScheme() == null ? "" : origin.getScheme().toLowerCase(Locale.ROOT);
                boolean bare = ("".equals(origin.getRawPath()) || "/".equals(origin.getRawPath())) && origin.getRawQuery() == null
                        && origin.getRawFragment() == null && origin.getRawUserInfo() == null;
                if (!(scheme.equals("http") || scheme.equals("https")) || origin.getHost() == null || !bare) {
                    throw new ConfigException(envName(key) + " must list origins such as https://alcove.example.org, "
                            + "without a path");
                }
                origins.add(origin);
            } catch (URISyntaxException e) {
                throw new ConfigException(envName(key) + " must list origins such as https://alcove.example.org");
            }
        }
        return origins;
    }

    private URI uri(String key) {
        String value = string(key);
        try {
            URI parsed = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (!"http".equals(parsed.getScheme()) && !"https".equals(parsed.getScheme())) {
                throw new ConfigException(envName(key) + " must be an http or https URL");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(envName(key) + " must be an http or https URL");
        }
    }
}
