package org.alcove.bench.report;

/**
 * One line of the results table: a metric of a scenario, Alcove's and the baseline's figure
 * (medians over the runs, in {@code unit}), their ratio and the verdict against the target.
 *
 * @param runs   how many runs the medians come from
 * @param note   what the baseline was, or why a row is not measured
 */
public record Row(String scenario, String metric, String unit, Double alcove, Double baseline, Target target,
                  int runs, String note) {

    /** A row for something not measured in this run; never a number. */
    public static Row notMeasured(String scenario, String metric, Target target, String note) {
        return new Row(scenario, metric, null, null, null, target, 0, note);
    }

    /** Alcove over baseline, or {@code null} when either is missing or the baseline is zero. */
    public Double ratio() {
        if (alcove == null || baseline == null || baseline == 0.0) {
            return null;
        }
        return alcove / baseline;
    }

    public Verdict verdict() {
        Double ratio = ratio();
        if (alcove == null) {
            return Verdict.NOT_MEASURED;
        }
        if (target != null && target.absolute()) {
            return target.met(alcove) ? Verdict.PASS : Verdict.FAIL;
        }
        if (target == null || ratio == null) {
            return Verdict.INFO;
        }
        return target.met(ratio) ? Verdict.PASS : Verdict.FAIL;
    }
}
