package org.alcove.server.ws;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowedOriginsTest {
    private static final String OWN = "http://127.0.0.1:8080";
    private final AllowedOrigins origins = new AllowedOrigins(() -> URI.create("https://alcove.example.org"),
            List.of(URI.create("https://app.example.org:8443")));

    @Test
    void allows_the_public_url_the_servers_own_origin_and_the_configured_ones() {
        assertTrue(origins.allows("https://alcove.example.org", OWN));
        assertTrue(origins.allows("http://127.0.0.1:8080", OWN));
        assertTrue(origins.allows("https://app.example.org:8443", OWN));
    }

    @Test
    void compares_scheme_and_host_case_insensitively_and_the_default_port_as_absent() {
        assertTrue(origins.allows("HTTPS://Alcove.Example.ORG", OWN));
        assertTrue(origins.allows("https://alcove.example.org:443", OWN));
    }

    @Test
    void lets_a_request_without_origin_through_because_it_is_not_from_a_browser() {
        assertTrue(origins.allows(null, OWN));
    }

    @Test
    void refuses_null_look_alikes_other_ports_plain_http_and_anything_but_a_bare_origin() {
        for (String origin : List.of("null", "", " ", "http://alcove.example.org", "https://alcove.example.org:444",
                "https://alcove.example.org.evil.test", "https://evil-alcove.example.org", "http://127.0.0.1:8080.evil.test",
                "http://evil-127.0.0.1:8080", "http://127.0.0.1:8081", "https://alcove.example.org/",
                "https://alcove.example.org/path", "https://user@alcove.example.org", "https://alcove.example.org?x",
                "ws://alcove.example.org", "file://", "https://app.example.org", "alcove.example.org",
                "https://alcove.example.org, https://evil.test")) {
            assertFalse(origins.allows(origin, OWN), origin);
        }
    }
}
