package org.alcove.bench.scenario;

/** Not written yet. */
final class TokenVerification implements Scenario {
    @Override
    public String name() {
        return "token-verification";
    }

    @Override
    public void run(Run run) {
    }
}
