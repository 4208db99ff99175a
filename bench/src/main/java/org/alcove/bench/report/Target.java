package org.alcove.bench.report;

import java.util.Locale;

/**
 * A target as the issue states it: Alcove's figure over the baseline's, at most or at least
 * {@code ratio}. Lower-is-better metrics (latency, start time) use {@link Bound#AT_MOST},
 * higher-is-better ones (rates) {@link Bound#AT_LEAST}.
 */
public record Target(Bound bound, double ratio) {

    public enum Bound {
        AT_MOST("≤"),
        AT_LEAST("≥");

        private final String symbol;

        Bound(String symbol) {
            this.symbol = symbol;
        }
    }

    public static Target atMost(double ratio) {
        return new Target(Bound.AT_MOST, ratio);
    }

    public static Target atLeast(double ratio) {
        return new Target(Bound.AT_LEAST, ratio);
    }

    /** Whether a measured ratio meets the target. */
    public boolean met(double measured) {
        return switch (bound) {
            case AT_MOST -> measured <= ratio;
            case AT_LEAST -> measured >= ratio;
        };
    }

    /** {@code ≤ 1.2×}. */
    public String text() {
        return bound.symbol + " " + String.format(Locale.ROOT, "%sx", trim(ratio));
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
