package org.alcove.bench.scenario;

import org.alcove.bench.report.Row;
import org.alcove.bench.report.Target;

import java.util.List;

/** Every scenario in table order, and the rows of those not measured yet. */
public final class Scenarios {
    private static final List<Scenario> ALL = List.of(
            new RelayLatency(),
            new RelayThroughput(),
            new JoinLatency(),
            new TokenVerification(),
            new IdleCapacity(),
            new ColdStart());

    private Scenarios() {
    }

    /** The names {@code --only} accepts. */
    public static List<String> names() {
        return ALL.stream().map(Scenario::name).toList();
    }

    /** Runs every scenario (or only {@code only}, when not {@code null}) and adds the rows. */
    public static void run(Run run, String only) {
        for (Scenario scenario : ALL) {
            if (only != null && !only.equals(scenario.name())) {
                continue;
            }
            long started = System.nanoTime();
            System.out.println("== " + scenario.name() + " ...");
            scenario.run(run);
            System.out.printf("== %s done in %.1f s%n", scenario.name(), (System.nanoTime() - started) / 1e9);
        }
        if (only == null) {
            notYetMeasured(run);
        }
    }

    /** Scenario 7 is a later session's work: listed, never with a number. */
    private static void notYetMeasured(Run run) {
        String later = "not yet measured: planned for a later session";
        run.report().add(Row.notMeasured("7 browser", "Admit to both videos playing, p50 (≤ 300 ms)", null, later));
    }
}
