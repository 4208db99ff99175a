package org.alcove.bench;

import org.alcove.bench.browser.InTheBrowser;
import org.alcove.bench.capacity.IdleCapacity;
import org.alcove.bench.coldstart.ColdStart;
import org.alcove.bench.join.JoinLatency;
import org.alcove.bench.join.TokenVerification;
import org.alcove.bench.relay.RelayLatency;
import org.alcove.bench.relay.RelayThroughput;
import org.alcove.bench.scenario.Run;
import org.alcove.bench.scenario.Scenario;

import java.util.List;

/** Every scenario, in the order they run (cold start last: it stops the run's shared server). */
public final class Scenarios {
    private static final List<Scenario> ALL = List.of(
            new RelayLatency(),
            new RelayThroughput(),
            new JoinLatency(),
            new TokenVerification(),
            new IdleCapacity(),
            new InTheBrowser(),
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
    }
}
