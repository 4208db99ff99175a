package org.alcove.bench.join;

import org.alcove.bench.jmh.TokenBenchmark;
import org.alcove.bench.report.Row;
import org.alcove.bench.report.Target;
import org.alcove.bench.scenario.Run;
import org.alcove.bench.scenario.Scenario;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.Collection;

/**
 * Scenario 5 (JMH): full join-token verification against the raw HMAC-SHA256 primitive, both
 * in one forked JVM (see {@link TokenBenchmark}). The fork runs on the load generator's CPU,
 * alone: nothing else runs during it.
 */
public final class TokenVerification implements Scenario {

    @Override
    public String name() {
        return "token-verification";
    }

    @Override
    public void run(Run run) {
        int forks = run.scaled(2, 1);
        int iterations = run.scaled(5, 2);
        Options options = new OptionsBuilder()
                .include(TokenBenchmark.class.getName() + "\\.")
                .forks(forks)
                .warmupIterations(run.scaled(3, 1))
                .warmupTime(run.quick() ? TimeValue.milliseconds(500) : TimeValue.seconds(1))
                .measurementIterations(iterations)
                .measurementTime(run.quick() ? TimeValue.milliseconds(500) : TimeValue.seconds(1))
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true)
                .build();
        run.progress("JMH: " + forks + " fork(s) x " + iterations + " iterations per benchmark");
        Collection<RunResult> results;
        try {
            results = new Runner(options).run();
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed", e);
        }
        Double full = null;
        Double hmac = null;
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            double score = result.getPrimaryResult().getScore();
            if (benchmark.endsWith(".fullVerification")) {
                full = score;
            } else if (benchmark.endsWith(".hmacSha256")) {
                hmac = score;
            }
        }
        if (full == null || hmac == null) {
            throw new IllegalStateException("JMH returned no result for one of the token benchmarks");
        }
        run.report().add(new Row("5 token verification", "verifications per second", "/s", full, hmac,
                Target.atLeast(0.5), forks * iterations, "JMH throughput, same JVM: JoinTokens.verify (jjwt parse, "
                + "signature, header and claim checks) against Mac.doFinal(HmacSHA256) over the token's signing input"));
    }
}
