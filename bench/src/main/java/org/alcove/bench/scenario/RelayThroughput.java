package org.alcove.bench.scenario;

/** Not written yet. */
final class RelayThroughput implements Scenario {
    @Override
    public String name() {
        return "relay-throughput";
    }

    @Override
    public void run(Run run) {
    }
}
