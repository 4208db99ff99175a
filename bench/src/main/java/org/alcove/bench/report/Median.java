package org.alcove.bench.report;

import java.util.Arrays;
import java.util.List;

/** The median of a few runs: one noisy run on a shared machine moves it less than a mean. */
public final class Median {
    private Median() {
    }

    /** The median of {@code values}; the mean of the middle two for an even count. */
    public static double of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
