package org.alcove.server.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReadinessIT {

    @Test
    void a_started_server_is_alive_and_ready() {
        try (TestServer server = TestServer.start()) {
            assertEquals("ok", Api.expect(200, server.api().send("GET", "/healthz", null, null)).path("status").asText());
            Api.Response ready = server.api().send("GET", "/readyz", null, null);
            assertEquals(200, ready.status());
            assertEquals("ready", ready.json().path("status").asText());
            assertEquals("no-store", ready.header("Cache-Control"));
        }
    }

    @Test
    void without_its_database_the_server_is_alive_but_not_ready() {
        try (TestServer server = TestServer.start()) {
            server.database().close();
            Api.Response ready = server.api().send("GET", "/readyz", null, null);
            assertEquals(503, ready.status());
            JsonNode body = ready.json();
            assertEquals("not-ready", body.path("status").asText());
            assertEquals("database-unreachable", body.path("reasons").get(0).asText());
            assertEquals(200, server.api().send("GET", "/healthz", null, null).status());
        }
    }
}
