package org.alcove.bench.scenario;

/** One scenario of the issue: measures Alcove and its baseline and adds its rows to the run's report. */
public interface Scenario {
    /** The name {@code --only} selects it by. */
    String name();

    void run(Run run);
}
