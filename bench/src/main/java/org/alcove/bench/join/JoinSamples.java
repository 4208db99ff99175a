package org.alcove.bench.join;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.bench.client.Api;
import org.alcove.bench.client.BenchSocket;
import org.alcove.bench.client.Messages;
import org.alcove.bench.client.Sockets;
import org.alcove.bench.stats.Latencies;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The measured foreground of the join scenario: one join (or one bare upgrade) at a time, every 50 ms. */
final class JoinSamples {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private JoinSamples() {
    }

    /** Bare upgrades one after another, every 50 ms, for {@code millis}: socket open until the upgrade completed. */
    static void upgrades(Sockets sockets, URI echo, Latencies into, long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis - 500);
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            BenchSocket socket = sockets.connect(echo);
            into.record(System.nanoTime() - start);
            socket.close();
            try {
                socket.closed().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (Exception e) {
                throw new IllegalStateException("a measured upgrade failed", e);
            }
        }
    }

    /** Measured joins one after another, every 50 ms, for {@code millis}, rotating over the session's client links. */
    static void joins(Sockets sockets, URI server, Api.Booking booking, WaitingWatch watch, Latencies into,
                      long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis - 500);
        for (int i = 0; System.nanoTime() < end; i++) {
            int seat = i % booking.clientTokens().size();
            String participant = booking.clientIds().get(seat);
            CompletableFuture<Long> seen = watch.expect(participant);
            long start = System.nanoTime();
            BenchSocket client = sockets.connect(server);
            try {
                client.send(Messages.auth(booking.clientTokens().get(seat)));
                long at = seen.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                into.record(at - start);
                client.nextOfType("welcome", TIMEOUT);
                client.send(Messages.leave());
                client.closed().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (Exception e) {
                throw new IllegalStateException("a measured join failed", e);
            } finally {
                client.close();
            }
        }
    }

    /** The therapist's side: completes a participant's future when a waiting-list shows them. */
    static final class WaitingWatch {
        private final Map<String, CompletableFuture<Long>> expected = new ConcurrentHashMap<>();

        CompletableFuture<Long> expect(String participantId) {
            CompletableFuture<Long> seen = new CompletableFuture<>();
            expected.put(participantId, seen);
            return seen;
        }

        void received(String text) {
            long now = System.nanoTime();
            JsonNode message = Messages.parse(text);
            if (!"waiting-list".equals(message.path("type").asText())) {
                return;
            }
            for (JsonNode waiting : message.path("waiting")) {
                CompletableFuture<Long> seen = expected.remove(waiting.path("participantId").asText());
                if (seen != null) {
                    seen.complete(now);
                }
            }
        }
    }
}
