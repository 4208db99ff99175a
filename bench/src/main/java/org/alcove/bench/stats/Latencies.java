package org.alcove.bench.stats;

import org.HdrHistogram.Histogram;

/** Latencies of one run, recorded in nanoseconds, read in microseconds. */
public final class Latencies {
    /** Anything above a minute is a harness failure, not a latency. */
    private static final long HIGHEST_NANOS = 60_000_000_000L;
    private final Histogram histogram = new Histogram(HIGHEST_NANOS, 3);

    /** Records one latency; thread-safe so callbacks of several sockets may record. */
    public synchronized void record(long nanos) {
        histogram.recordValue(Math.min(Math.max(nanos, 0), HIGHEST_NANOS));
    }

    public synchronized long count() {
        return histogram.getTotalCount();
    }

    /** The {@code percentile} (0..100) in microseconds. */
    public synchronized double micros(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    public synchronized void reset() {
        histogram.reset();
    }
}
