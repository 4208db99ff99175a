package org.alcove.server.ws;

/**
 * Token bucket for one socket's inbound messages. A message over the rate is dropped; a
 * client that keeps sending without pausing long enough for the bucket to refill ends up
 * {@link Verdict#ABUSIVE} once more than {@code burst} messages were dropped. Uses
 * {@link System#nanoTime()}: transport timing must not follow the (possibly fake) session clock.
 * Called only from the socket's reading thread, so it is not synchronised.
 */
final class RateLimit {

    enum Verdict {
        /** Within the rate. */
        ACCEPT,
        /** Over the rate: drop the message and tell the client (first drop after an accepted message). */
        DROP_FIRST,
        /** Over the rate again, right after another drop: drop silently. */
        DROP,
        /** Too many dropped: close the connection. */
        ABUSIVE
    }

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;
    private int dropped;
    private boolean lastDropped;

    RateLimit(int perSecond, int burst, long nowNanos) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    Verdict take(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - last) * perNano);
        last = nowNanos;
        if (tokens >= burst) {
            dropped = 0;
        }
        if (tokens >= 1) {
            tokens -= 1;
            lastDropped = false;
            return Verdict.ACCEPT;
        }
        dropped++;
        if (dropped > burst) {
            return Verdict.ABUSIVE;
        }
        boolean first = !lastDropped;
        lastDropped = true;
        return first ? Verdict.DROP_FIRST : Verdict.DROP;
    }
}
