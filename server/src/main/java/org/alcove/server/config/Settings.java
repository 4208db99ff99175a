package org.alcove.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.alcove.server.config.ConfigLoader.envName;

/**
 * The merged settings (defaults, file, environment, overrides) read as typed values. A value
 * that does not parse or is out of range is a {@link ConfigException} naming the environment
 * variable an operator would set, so the message says what to fix.
 */
final class Settings {
    private final Properties values;

    Settings(Properties values) {
        this.values = values;
    }

    /** The raw value, possibly empty; for secrets and lists, whose emptiness means something. */
    String raw(String key) {
        return values.getProperty(key, "");
    }

    Path path(String key) {
        return Path.of(string(key));
    }

    String optional(String key) {
        String value = raw(key).trim();
        return value.isEmpty() ? null : value;
    }

    String string(String key) {
        String value = optional(key);
        if (value == null) {
            throw new ConfigException(envName(key) + " must not be empty");
        }
        return value;
    }

    int integer(String key, int min, int max) {
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

    Duration duration(String key) {
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

    boolean bool(String key) {
        return switch (string(key).toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(envName(key) + " must be true or false");
        };
    }

    AlcoveConfig.LogFormat logFormat(String key) {
        String value = string(key).toLowerCase(Locale.ROOT);
        for (AlcoveConfig.LogFormat format : AlcoveConfig.LogFormat.values()) {
            if (format.name().equals(value)) {
                return format;
            }
        }
        throw new ConfigException(envName(key) + " must be text or json");
    }

    /** A comma-separated list of bare origins: an http(s) scheme and a host, an optional port, nothing else. */
    List<URI> origins(String key) {
        List<URI> origins = new ArrayList<>();
        for (String item : raw(key).split(",")) {
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

    URI uri(String key) {
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
