package org.alcove.server.ops;

import org.alcove.server.testing.Api;
import org.alcove.server.testing.SignalingClient;
import org.alcove.server.testing.TestServer;
import org.alcove.signaling.protocol.ClientMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsIT {
    private static final String CLIENT_NAME = "Ottilie Metricsworth";

    private static String scrape(TestServer server) {
        Api.Response response = server.api().send("GET", "/metrics", null, null);
        assertEquals(200, response.status(), response.body());
        assertTrue(response.header("Content-Type").startsWith("text/plain; version=0.0.4"), response.header("Content-Type"));
        return response.body();
    }

    /** The value of the one sample named exactly {@code series} (name plus labels as Prometheus prints them). */
    private static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        assertTrue(m.find(), "no sample " + series + " in:\n" + text);
        return Double.parseDouble(m.group(1));
    }

    private static void awaitValue(TestServer server, String series, double expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        double last;
        do {
            last = value(scrape(server), series);
            if (last == expected) {
                return;
            }
            sleep(20);
        } while (System.nanoTime() < deadline);
        assertEquals(expected, last, series);
    }

    @Test
    void a_live_call_shows_up_in_the_prometheus_metrics_without_ids_or_names() {
        try (TestServer server = TestServer.start();
             ScriptedCall call = ScriptedCall.admitted(server, CLIENT_NAME)) {
            call.therapist().send(new ClientMessage.Offer(call.clientId(), "v=0\r\n"));
            call.client().nextOfType("offer", ScriptedCall.WAIT);
            call.client().send(new ClientMessage.Answer(call.therapistId(), "v=0\r\n"));
            call.therapist().nextOfType("answer", ScriptedCall.WAIT);
            call.client().send(new ClientMessage.Offer("nobody-here", "v=0\r\n"));
            assertEquals("unknown-participant", call.client().nextErrorCode(ScriptedCall.WAIT));
            call.client().send("{not json");
            assertEquals("malformed-message", call.client().nextErrorCode(ScriptedCall.WAIT));
            try (SignalingClient stranger = SignalingClient.join(server.uri(), "not-a-real-token")) {
                assertEquals("auth-failed", stranger.nextErrorCode(ScriptedCall.WAIT));
            }

            String text = scrape(server);
            assertEquals(1, value(text, "alcove_sockets_open{role=\"therapist\"}"));
            assertEquals(1, value(text, "alcove_sockets_open{role=\"client\"}"));
            assertEquals(1, value(text, "alcove_sessions_active"));
            assertEquals(0, value(text, "alcove_participants_waiting"));
            assertEquals(1, value(text, "alcove_messages_relayed_total{type=\"offer\"}"));
            assertEquals(1, value(text, "alcove_messages_relayed_total{type=\"answer\"}"));
            assertEquals(1, value(text, "alcove_messages_rejected_total{code=\"unknown-participant\",type=\"offer\"}"));
            assertEquals(1, value(text, "alcove_messages_rejected_total{code=\"malformed-message\",type=\"unparsed\"}"));
            assertEquals(1, value(text, "alcove_auth_failures_total{code=\"auth-failed\"}"));
            assertEquals(2, value(text, "alcove_join_latency_seconds_count"));
            assertTrue(text.contains("alcove_join_latency_seconds_bucket{le=\""), "join latency is a histogram");
            assertTrue(text.contains("jvm_memory_used_bytes{"), "JVM memory");
            assertTrue(text.contains("jvm_threads_live_threads"), "JVM threads");
            assertTrue(text.contains("jvm_classes_loaded_classes"), "class loader");
            assertTrue(text.contains("system_cpu_count"), "processor");
            assertTrue(text.contains("jetty_threads_busy"), "Jetty thread pool");
            for (String personal : new String[] {call.sessionId(), call.clientId(), call.therapistId(), "Ottilie",
                    "Metricsworth", "example.test"}) {
                assertFalse(text.contains(personal), "metrics must not carry " + personal);
            }
        }
    }

    @Test
    void waiting_clients_and_unauthenticated_sockets_are_counted_until_they_go() {
        try (TestServer server = TestServer.start()) {
            Api api = server.api();
            String login = api.newTherapist("waiting-metrics@example.test");
            var session = api.schedule(login, server.clock().instant(), 50, "Wanda Waiting");
            String clientToken = Api.tokenOf(session.path("clientLinks").get(0).path("link").asText());
            SignalingClient silent = SignalingClient.connect(server.uri());
            SignalingClient client = SignalingClient.join(server.uri(), clientToken);
            try {
                client.nextOfType("welcome", ScriptedCall.WAIT);
                awaitValue(server, "alcove_sockets_open{role=\"unauthenticated\"}", 1);
                String text = scrape(server);
                assertEquals(1, value(text, "alcove_participants_waiting"));
                assertEquals(1, value(text, "alcove_sessions_active"));
                assertEquals(1, value(text, "alcove_sockets_open{role=\"client\"}"));
            } finally {
                silent.close();
                client.close();
            }
            awaitValue(server, "alcove_sockets_open{role=\"unauthenticated\"}", 0);
            awaitValue(server, "alcove_sockets_open{role=\"client\"}", 0);
        }
    }

    @Test
    void with_a_token_set_metrics_need_that_bearer_token() {
        try (TestServer server = TestServer.start(Map.of("ops.metrics-token", "scrape-secret-123"))) {
            Api api = server.api();
            Api.Response none = api.send("GET", "/metrics", null, null);
            assertEquals(401, none.status());
            assertEquals("Bearer", none.header("WWW-Authenticate"));
            assertEquals(401, api.send("GET", "/metrics", "scrape-secret-12", null).status());
            Api.Response good = api.send("GET", "/metrics", "scrape-secret-123", null);
            assertEquals(200, good.status());
            assertTrue(good.body().contains("alcove_sessions_active"));
        }
    }

    @Test
    void metrics_can_be_switched_off() {
        try (TestServer server = TestServer.start(Map.of("ops.metrics-enabled", "false"))) {
            assertEquals(404, server.api().send("GET", "/metrics", null, null).status());
            assertEquals(200, server.api().send("GET", "/healthz", null, null).status());
        }
    }

    @Test
    void only_get_is_served() {
        try (TestServer server = TestServer.start()) {
            Api.Response post = server.api().send("POST", "/metrics", null, "{}");
            assertEquals(405, post.status());
            assertEquals("GET", post.header("Allow"));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
