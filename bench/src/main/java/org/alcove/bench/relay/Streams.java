package org.alcove.bench.relay;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.bench.client.BenchSocket;
import org.alcove.bench.client.Messages;
import org.alcove.bench.stats.Latencies;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop message streams for the throughput scenario: each stream sends numbered, timestamped
 * ~300-byte messages from one socket at a fixed rate, and the socket that receives them (the peer
 * through Alcove, the sender itself through the echo server) records the one-way latency (both
 * ends are in this JVM, so they share {@link System#nanoTime()}) and checks that every message
 * arrives exactly once and in order.
 */
final class Streams {

    /** One direction: {@code from} sends to {@code to} (a participant id, ignored by the echo server); {@code receiver} gets it. */
    record Stream(BenchSocket from, String to, BenchSocket receiver) {
    }

    /** One step's result. */
    record Step(double offeredRate, long sent, long received, long outOfOrder, double p99Micros) {
        boolean intact() {
            return received == sent && outOfOrder == 0;
        }
    }

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long SETTLE_MILLIS = 3_000;

    private final List<Stream> streams;
    private final long[] sent;
    private final Receiver[] receivers;

    Streams(List<Stream> streams) {
        this.streams = streams;
        this.sent = new long[streams.size()];
        this.receivers = new Receiver[streams.size()];
        for (int i = 0; i < streams.size(); i++) {
            receivers[i] = new Receiver();
            streams.get(i).receiver().handler(receivers[i]::received);
        }
    }

    /** Sends {@code totalRate} messages per second spread over the streams for {@code millis}, then waits for them to arrive. */
    Step run(double totalRate, long millis) {
        Latencies latencies = new Latencies();
        for (int i = 0; i < streams.size(); i++) {
            receivers[i].reset(sent[i], latencies);
        }
        long[] startSeq = sent.clone();
        double perStream = totalRate / streams.size();
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
        long now;
        while ((now = System.nanoTime()) < end) {
            double elapsed = (now - start) / 1e9;
            long due = (long) (elapsed * perStream);
            for (int i = 0; i < streams.size(); i++) {
                Stream stream = streams.get(i);
                while (sent[i] - startSeq[i] < due) {
                    sent[i]++;
                    stream.from().send(Messages.negotiation("offer", stream.to(), sent[i], System.nanoTime(),
                            RelayLatency.MESSAGE_BYTES));
                }
            }
            long pause = TICK_NANOS - (System.nanoTime() - now);
            if (pause > 0) {
                sleep(pause);
            }
        }
        long totalSent = 0;
        for (int i = 0; i < streams.size(); i++) {
            totalSent += sent[i] - startSeq[i];
        }
        long settleEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        while (received() < totalSent && System.nanoTime() < settleEnd) {
            sleep(TimeUnit.MILLISECONDS.toNanos(10));
        }
        long outOfOrder = 0;
        for (Receiver receiver : receivers) {
            outOfOrder += receiver.outOfOrder.get();
        }
        return new Step(totalRate, totalSent, received(), outOfOrder, latencies.micros(99));
    }

    private long received() {
        long total = 0;
        for (Receiver receiver : receivers) {
            total += receiver.count.get();
        }
        return total;
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Checks order and records latency on the receiving socket's Jetty thread. */
    private static final class Receiver {
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong outOfOrder = new AtomicLong();
        private volatile long expected;
        private volatile Latencies latencies;

        void reset(long lastSent, Latencies into) {
            count.set(0);
            outOfOrder.set(0);
            expected = lastSent + 1;
            latencies = into;
        }

        void received(String text) {
            long now = System.nanoTime();
            JsonNode message = Messages.parse(text);
            if (!"offer".equals(message.path("type").asText())) {
                return;
            }
            long sequence = Messages.sequence(message);
            if (sequence != expected) {
                outOfOrder.incrementAndGet();
            }
            expected = sequence + 1;
            count.incrementAndGet();
            latencies.record(now - Messages.sentAt(message));
        }
    }
}
