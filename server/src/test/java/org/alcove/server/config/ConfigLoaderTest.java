package org.alcove.server.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    @Test
    void defaults_give_a_runnable_configuration() {
        AlcoveConfig config = ConfigLoader.load(Map.of(), Map.of());
        assertEquals(8080, config.http().port());
        assertEquals(Path.of("./data"), config.store().dataDir());
        assertNull(config.store().jdbcUrl());
        assertNull(config.auth().signingKey());
        assertEquals(Duration.ofSeconds(60), config.room().reconnectGrace());
        assertEquals(64 * 1024, config.socket().maxMessageBytes());
        assertEquals(Duration.ofMinutes(15), config.auth().joinOpensBefore());
    }

    @Test
    void environment_overrides_defaults_and_flags_override_environment() {
        AlcoveConfig fromEnv = ConfigLoader.load(Map.of("ALCOVE_HTTP_PORT", "9000", "ALCOVE_ROOM_RECONNECT_GRACE", "PT2M"), Map.of());
        assertEquals(9000, fromEnv.http().port());
        assertEquals(Duration.ofMinutes(2), fromEnv.room().reconnectGrace());

        AlcoveConfig fromFlag = ConfigLoader.load(Map.of("ALCOVE_HTTP_PORT", "9000"), Map.of("http.port", "9100"));
        assertEquals(9100, fromFlag.http().port());
    }

    @Test
    void config_file_sits_between_defaults_and_environment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("alcove.properties");
        Files.writeString(file, "http.port=7000\nws.rate-burst=10\n");
        AlcoveConfig config = ConfigLoader.load(
                Map.of("ALCOVE_CONFIG_FILE", file.toString(), "ALCOVE_WS_RATE_BURST", "20"), Map.of());
        assertEquals(7000, config.http().port());
        assertEquals(20, config.socket().rateBurst());
    }

    @Test
    void unknown_keys_in_a_config_file_are_refused_by_name(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("alcove.properties");
        Files.writeString(file, "http.prot=7000\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("ALCOVE_CONFIG_FILE", file.toString()), Map.of()));
        assertTrue(e.getMessage().contains("http.prot"), e.getMessage());
    }

    @Test
    void bad_values_name_the_variable_and_never_echo_the_value() {
        ConfigException port = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("ALCOVE_HTTP_PORT", "secret-ish-value"), Map.of()));
        assertTrue(port.getMessage().contains("ALCOVE_HTTP_PORT"));
        assertFalse(port.getMessage().contains("secret-ish-value"));

        ConfigException duration = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("ALCOVE_WS_AUTH_TIMEOUT", "5 seconds"), Map.of()));
        assertTrue(duration.getMessage().contains("ALCOVE_WS_AUTH_TIMEOUT"));

        assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("ALCOVE_HTTP_PORT", "70000"), Map.of()));
        assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("ALCOVE_HTTP_PUBLIC_URL", "ftp://example.org"), Map.of()));
    }

    @Test
    void public_url_loses_its_trailing_slash() {
        AlcoveConfig config = ConfigLoader.load(Map.of("ALCOVE_HTTP_PUBLIC_URL", "https://care.example.org/"), Map.of());
        assertEquals("https://care.example.org", config.http().publicUrl().toString());
    }

    @Test
    void allowed_origins_are_a_list_of_bare_http_origins_and_nothing_else() {
        assertEquals(java.util.List.of(), ConfigLoader.load(Map.of(), Map.of()).socket().allowedOrigins());
        AlcoveConfig config = ConfigLoader.load(Map.of("ALCOVE_WS_ALLOWED_ORIGINS",
                " https://app.example.org, http://localhost:3000/ ,"), Map.of());
        assertEquals(java.util.List.of(java.net.URI.create("https://app.example.org"), java.net.URI.create("http://localhost:3000/")),
                config.socket().allowedOrigins());
        for (String bad : java.util.List.of("*", "app.example.org", "https://app.example.org/path", "ftp://app.example.org",
                "https://user@app.example.org", "https://app.example.org?x", "null")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> ConfigLoader.load(Map.of("ALCOVE_WS_ALLOWED_ORIGINS", bad), Map.of()), bad);
            assertTrue(e.getMessage().contains("ALCOVE_WS_ALLOWED_ORIGINS"), e.getMessage());
        }
    }

    @Test
    void forwarded_headers_are_off_unless_turned_on_and_must_be_a_boolean() {
        assertFalse(ConfigLoader.load(Map.of(), Map.of()).http().forwardedHeaders());
        assertTrue(ConfigLoader.load(Map.of("ALCOVE_HTTP_FORWARDED_HEADERS", "true"), Map.of()).http().forwardedHeaders());
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("ALCOVE_HTTP_FORWARDED_HEADERS", "yes"), Map.of()));
        assertTrue(e.getMessage().contains("ALCOVE_HTTP_FORWARDED_HEADERS"), e.getMessage());
    }
}
