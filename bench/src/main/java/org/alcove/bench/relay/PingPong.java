package org.alcove.bench.relay;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.bench.client.BenchSocket;
import org.alcove.bench.client.Messages;
import org.alcove.bench.stats.Latencies;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rounds of two messages between two sockets, driven entirely from Jetty's receive callbacks:
 * {@code first} sends an {@code offer}; whoever receives it makes {@code second} send an
 * {@code answer}; whoever receives that ends the round (its time is recorded) and starts the next.
 * Through Alcove the offer goes first → second and the answer back (a relayed round trip); through
 * the echo server each socket gets its own message back, so a round is two echo round trips in
 * series: the same two server passes, sends and receives, on the same threads.
 */
public final class PingPong {
    private final BenchSocket first;
    private final BenchSocket second;
    private final String offer;
    private final String answer;

    private Latencies latencies;
    private long remaining;
    private long deadline;
    private long roundStart;
    private CompletableFuture<Void> done;
    private final AtomicLong unexpected = new AtomicLong();

    PingPong(BenchSocket first, BenchSocket second, String offer, String answer) {
        this.first = first;
        this.second = second;
        this.offer = offer;
        this.answer = answer;
        first.handler(this::received);
        if (second != null) {
            second.handler(this::received);
        }
    }

    /** Rounds of one message: {@code socket} sends an offer and the round ends when it gets it back (one echo round trip). */
    public static PingPong single(BenchSocket socket, String offer) {
        return new PingPong(socket, null, offer, null);
    }

    /**
     * Runs {@code rounds} rounds (fewer if {@code maxMillis} pass first) and records each into
     * {@code into}; returns how many rounds completed.
     */
    public long run(long rounds, long maxMillis, Latencies into) {
        synchronized (this) {
            latencies = into;
            remaining = rounds;
            deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
            done = new CompletableFuture<>();
        }
        long before = into.count();
        startRound();
        try {
            done.get(maxMillis + 10_000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("ping-pong stalled after " + (into.count() - before) + " rounds", e);
        }
        if (unexpected.get() > 0) {
            throw new IllegalStateException(unexpected.get() + " unexpected messages during ping-pong");
        }
        return into.count() - before;
    }

    private void startRound() {
        roundStart = System.nanoTime();
        first.send(offer);
    }

    private void received(String text) {
        JsonNode message = Messages.parse(text);
        switch (message.path("type").asText()) {
            case "offer" -> {
                if (second == null) {
                    endRound();
                } else {
                    second.send(answer);
                }
            }
            case "answer" -> endRound();
            case "pong" -> {
            }
            default -> {
                unexpected.incrementAndGet();
                CompletableFuture<Void> current = done;
                if (current != null) {
                    current.completeExceptionally(new IllegalStateException("unexpected "
                            + text.substring(0, Math.min(80, text.length()))));
                }
            }
        }
    }

    private void endRound() {
        long now = System.nanoTime();
        latencies.record(now - roundStart);
        boolean more;
        synchronized (this) {
            more = --remaining > 0 && now < deadline;
        }
        if (more) {
            startRound();
        } else {
            done.complete(null);
        }
    }
}
