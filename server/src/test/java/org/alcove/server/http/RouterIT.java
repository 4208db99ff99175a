package org.alcove.server.http;

import org.alcove.server.testing.Api;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The router alone on a bare Jetty: path parameters and the rendering of unexpected failures. */
class RouterIT {
    private static Server jetty;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        Router router = new Router(new Json(), 1024)
                .add("GET", "/api/things/{id}/parts/{part}",
                        request -> Reply.ok(Map.of("id", request.param("id"), "part", request.param("part"))))
                .add("GET", "/api/boom", request -> {
                    throw new IllegalStateException("secret detail jdbc:h2:/var/data password=hunter2");
                });
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(router);
        jetty.start();
        api = new Api(URI.create("http://127.0.0.1:" + connector.getLocalPort()));
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
    }

    @Test
    void binds_path_parameters() {
        Api.Response response = api.send("GET", "/api/things/t1/parts/p2", null, null);
        assertEquals(200, response.status());
        assertEquals("t1", response.json().get("id").asText());
        assertEquals("p2", response.json().get("part").asText());
    }

    @Test
    void empty_or_extra_segments_do_not_match() {
        // Jetty itself refuses the ambiguous empty segment (400) before routing; either way, no match.
        assertNotEquals(200, api.send("GET", "/api/things//parts/p2", null, null).status());
        assertEquals(404, api.send("GET", "/api/things/t1/parts/p2/more", null, null).status());
    }

    @Test
    void unexpected_failure_is_a_500_problem_without_details() {
        Api.Response response = api.send("GET", "/api/boom", null, null);
        assertEquals(500, response.status());
        assertEquals("application/problem+json", response.header("Content-Type"));
        assertEquals("urn:alcove:problem:internal-error", response.json().get("type").asText());
        assertFalse(response.body().contains("secret"));
        assertFalse(response.body().contains("IllegalStateException"));
        assertFalse(response.body().contains("at org."));
    }

    @Test
    void paths_outside_the_api_are_left_to_other_handlers() {
        Api.Response response = api.send("GET", "/elsewhere", null, null);
        assertEquals(404, response.status());
        assertFalse("application/problem+json".equals(response.header("Content-Type")));
    }
}
