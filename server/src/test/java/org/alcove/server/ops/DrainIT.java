package org.alcove.server.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.SignalingClient;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drain the SIGTERM hook runs ({@code Server.shutdown()}), on a live server with a call in progress. */
class DrainIT {
    /** The bound the process is given by default ({@code ops.shutdown-timeout}). */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(15);

    private static CompletableFuture<Void> shutdownInBackground(TestServer server) {
        return CompletableFuture.runAsync(() -> {
            try {
                server.server().shutdown();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void draining_turns_readiness_off_warns_sockets_refuses_new_ones_and_closes_with_1001() throws Exception {
        try (TestServer server = TestServer.start(Map.of("ops.drain-period", "PT3S"));
             ScriptedCall call = ScriptedCall.admitted(server, "Dora Drain")) {
            Instant before = server.clock().instant();
            CompletableFuture<Void> shutdown = shutdownInBackground(server);

            JsonNode notice = call.client().nextOfType("server-shutdown", ScriptedCall.WAIT);
            assertEquals(before.plusSeconds(3), Instant.parse(notice.path("closesAt").asText()));
            call.therapist().nextOfType("server-shutdown", ScriptedCall.WAIT);

            Api.Response ready = server.api().send("GET", "/readyz", null, null);
            assertEquals(503, ready.status());
            assertEquals("not-ready", ready.json().path("status").asText());
            assertEquals("draining", ready.json().path("reasons").get(0).asText());

            // The call's sockets still work while draining.
            call.client().send(new org.alcove.signaling.protocol.ClientMessage.Ping());
            call.client().nextOfType("pong", ScriptedCall.WAIT);

            try (SignalingClient late = SignalingClient.connect(server.uri())) {
                late.nextOfType("server-shutdown", ScriptedCall.WAIT);
                assertEquals(1001, late.awaitClose(ScriptedCall.WAIT));
                assertEquals("server-shutdown", late.closeReason());
            }
            assertFalse(shutdown.isDone(), "connected sockets get the drain period");

            shutdown.get(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(1001, call.therapist().awaitClose(ScriptedCall.WAIT));
            assertEquals(1001, call.client().awaitClose(ScriptedCall.WAIT));
            assertEquals("server-shutdown", call.client().closeReason());
        }
    }

    @Test
    void a_join_sent_on_a_socket_opened_before_the_drain_is_turned_away() throws Exception {
        try (TestServer server = TestServer.start(Map.of("ops.drain-period", "PT3S"))) {
            Api api = server.api();
            String login = api.newTherapist("drain-join@example.test");
            JsonNode session = api.schedule(login, server.clock().instant(), 50, "Jonas Join");
            String token = Api.tokenOf(session.path("therapistLink").asText());
            try (SignalingClient early = SignalingClient.connect(server.uri())) {
                CompletableFuture<Void> shutdown = shutdownInBackground(server);
                early.nextOfType("server-shutdown", ScriptedCall.WAIT);
                early.send(new org.alcove.signaling.protocol.ClientMessage.Auth(token, null));
                assertEquals(1001, early.awaitClose(ScriptedCall.WAIT));
                assertFalse(early.types().contains("welcome"), "no seat while draining: " + early.types());
                shutdown.get(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void the_drain_ends_early_once_every_socket_has_gone() throws Exception {
        try (TestServer server = TestServer.start(Map.of("ops.drain-period", "PT60S"));
             ScriptedCall call = ScriptedCall.admitted(server, "Edda Early")) {
            CompletableFuture<Void> shutdown = shutdownInBackground(server);
            call.client().nextOfType("server-shutdown", ScriptedCall.WAIT);
            call.therapist().nextOfType("server-shutdown", ScriptedCall.WAIT);
            // Both leave on the notice, as a client moving to another server would.
            call.client().close();
            call.therapist().close();
            shutdown.get(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(server.server().draining());
        }
    }
}
