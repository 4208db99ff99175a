package org.alcove.bench.report;

import java.util.Locale;

/**
 * A target as the issue states it: Alcove's figure over the baseline's, at most or at least
 * {@code ratio}. Lower-is-better metrics (latency, start time) use {@link Bound#AT_MOST},
 * higher-is-better ones (rates) {@link Bound#AT_LEAST}. The one target the issue states without
 * a baseline (the browser's Admit to video, at most 300 ms) is absolute: {@code unit} is then
 * set and the bound applies to Alcove's own figure in that unit, not to a ratio.
 *
 * @param unit {@code null} for a ratio; the figure's unit for an absolute target
 */
public record Target(Bound bound, double ratio, String unit) {

    public enum Bound {
        AT_MOST("≤"),
        AT_LEAST("≥");

        private final String symbol;

        Bound(String symbol) {
            this.symbol = symbol;
        }
    }

    public Target(Bound bound, double ratio) {
        this(bound, ratio, null);
    }

    public static Target atMost(double ratio) {
        return new Target(Bound.AT_MOST, ratio);
    }

    public static Target atLeast(double ratio) {
        return new Target(Bound.AT_LEAST, ratio);
    }

    /** At most {@code value} {@code unit} of Alcove's own figure, whatever the baseline. */
    public static Target atMostAbsolute(double value, String unit) {
        return new Target(Bound.AT_MOST, value, unit);
    }

    /** The bound applies to Alcove's figure itself rather than to its ratio over the baseline. */
    public boolean absolute() {
        return unit != null;
    }

    /** Whether a measured ratio (or, for an {@link #absolute()} target, figure) meets the target. */
    public boolean met(double measured) {
        return switch (bound) {
            case AT_MOST -> measured <= ratio;
            case AT_LEAST -> measured >= ratio;
        };
    }

    /** {@code ≤ 1.2x}, or {@code ≤ 300 ms} for an absolute target. */
    public String text() {
        return bound.symbol + " " + (absolute() ? trim(ratio) + " " + unit : trim(ratio) + "x");
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
