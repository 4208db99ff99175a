package org.alcove.bench.report;

import java.util.Arrays;
import java.util.List;

/**
 * A percentile of a few values (20 browser runs, not a histogram's millions): the nearest-rank
 * one, which is always one of the measured values, so a p95 of 20 runs is the 19th fastest run.
 */
public final class Percentile {
    private Percentile() {
    }

    /** The smallest value with at least {@code percentile}% of the values at or below it (0 < p ≤ 100). */
    public static double of(List<Double> values, double percentile) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile out of (0, 100]: " + percentile);
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
