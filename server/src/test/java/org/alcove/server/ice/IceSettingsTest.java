package org.alcove.server.ice;

import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.config.ConfigException;
import org.alcove.server.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code ice.*} settings: parsed, validated with a message naming the setting, the secret never shown. */
class IceSettingsTest {

    private static AlcoveConfig.Ice load(Map<String, String> env) {
        return ConfigLoader.load(env, Map.of()).ice();
    }

    @Test
    void by_default_there_are_no_ice_servers_and_every_transport_is_allowed() {
        AlcoveConfig.Ice ice = load(Map.of());
        assertEquals(List.of(), ice.stunUrls());
        assertEquals(List.of(), ice.turnUrls());
        assertNull(ice.turnSecret());
        assertFalse(ice.relayOnly());
    }

    @Test
    void stun_and_turn_urls_are_read_as_comma_separated_lists() {
        AlcoveConfig.Ice ice = load(Map.of(
                "ALCOVE_ICE_STUN_URLS", "stun:stun.example.org:3478, stuns:stun.example.org",
                "ALCOVE_ICE_TURN_URLS", "turn:turn.example.org:3478?transport=udp,turns:turn.example.org:5349?transport=tcp,turn:[2001:db8::1]",
                "ALCOVE_ICE_TURN_SECRET", "shared",
                "ALCOVE_ICE_RELAY_ONLY", "true"));
        assertEquals(List.of("stun:stun.example.org:3478", "stuns:stun.example.org"), ice.stunUrls());
        assertEquals(List.of("turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349?transport=tcp",
                "turn:[2001:db8::1]"), ice.turnUrls());
        assertEquals("shared", ice.turnSecret());
        assertTrue(ice.relayOnly());
    }

    @ParameterizedTest
    @ValueSource(strings = {"turn:turn.example.org", "http://stun.example.org", "stun:", "stun:user@host",
            "stun:host/path", "stun:host?transport=udp", "stun:host name"})
    void a_stun_url_of_another_shape_is_refused_naming_the_setting(String url) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of("ALCOVE_ICE_STUN_URLS", url)));
        assertTrue(e.getMessage().startsWith("ALCOVE_ICE_STUN_URLS"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"stun:turn.example.org", "https://turn.example.org", "turn:u:p@turn.example.org",
            "turn:turn.example.org?transport=sctp", "turn:turn.example.org/x", "turn:host:3478:1"})
    void a_turn_url_of_another_shape_is_refused_naming_the_setting(String url) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(Map.of("ALCOVE_ICE_TURN_URLS", url, "ALCOVE_ICE_TURN_SECRET", "s")));
        assertTrue(e.getMessage().startsWith("ALCOVE_ICE_TURN_URLS"), e.getMessage());
        assertFalse(e.getMessage().contains("u:p@"), "the message repeats what may be a credential: " + e.getMessage());
    }

    @Test
    void relay_only_without_a_turn_server_is_refused() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of("ALCOVE_ICE_RELAY_ONLY", "true",
                "ALCOVE_ICE_STUN_URLS", "stun:stun.example.org")));
        assertTrue(e.getMessage().startsWith("ALCOVE_ICE_RELAY_ONLY"), e.getMessage());
        assertTrue(e.getMessage().contains("ALCOVE_ICE_TURN_URLS"), e.getMessage());
    }

    @Test
    void turn_urls_without_the_secret_are_refused_and_so_is_a_secret_without_urls() {
        ConfigException noSecret = assertThrows(ConfigException.class,
                () -> load(Map.of("ALCOVE_ICE_TURN_URLS", "turn:turn.example.org")));
        assertTrue(noSecret.getMessage().startsWith("ALCOVE_ICE_TURN_SECRET"), noSecret.getMessage());
        ConfigException noUrls = assertThrows(ConfigException.class,
                () -> load(Map.of("ALCOVE_ICE_TURN_SECRET", "shared-secret-value")));
        assertTrue(noUrls.getMessage().startsWith("ALCOVE_ICE_TURN_SECRET"), noUrls.getMessage());
        assertFalse(noUrls.getMessage().contains("shared-secret-value"), noUrls.getMessage());
    }

    @Test
    void relay_only_must_be_true_or_false() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of("ALCOVE_ICE_RELAY_ONLY", "yes")));
        assertTrue(e.getMessage().startsWith("ALCOVE_ICE_RELAY_ONLY"), e.getMessage());
    }

    @Test
    void the_printed_configuration_never_shows_the_turn_secret() {
        AlcoveConfig config = ConfigLoader.load(Map.of("ALCOVE_ICE_TURN_URLS", "turn:turn.example.org",
                "ALCOVE_ICE_TURN_SECRET", "do-not-print-me"), Map.of());
        assertFalse(config.toString().contains("do-not-print-me"), config.toString());
        assertTrue(config.ice().toString().contains("turn:turn.example.org"), config.ice().toString());
    }
}
