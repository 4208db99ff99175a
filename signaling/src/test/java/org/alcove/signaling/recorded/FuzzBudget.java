package org.alcove.signaling.recorded;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Runs a fuzz case over many seeds, bounded both by a number of runs and by wall time, so the
 * suite stays fast on a busy machine while a quiet one tries more. The first seeds are fixed
 * (0, 1, 2, ...) so every run covers the same ground; the rest are fresh each time. A failure
 * names its seed, and {@code -Dalcove.fuzz.seed=N} replays exactly that run alone;
 * {@code -Dalcove.fuzz.seconds=S} hunts for S seconds with no cap on the number of runs.
 */
public final class FuzzBudget {
    public static final String SEED_PROPERTY = "alcove.fuzz.seed";
    public static final String SECONDS_PROPERTY = "alcove.fuzz.seconds";
    private static final int FIXED_SEEDS = 100;

    private FuzzBudget() {
    }

    /** Calls {@code run} with a fresh random source per seed; returns how many runs it made. */
    public static int run(String name, int maxRuns, Duration maxTime, Consumer<SplittableRandom> run) {
        String only = System.getProperty(SEED_PROPERTY, "");
        if (!only.isBlank()) {
            once(name, Long.parseLong(only.trim()), run);
            return 1;
        }
        Long hunt = Long.getLong(SECONDS_PROPERTY);
        if (hunt != null) {
            maxRuns = Integer.MAX_VALUE;
            maxTime = Duration.ofSeconds(hunt);
        }
        long base = new SplittableRandom().nextLong();
        long deadline = System.nanoTime() + maxTime.toNanos();
        int runs = 0;
        while (runs < maxRuns && (runs < FIXED_SEEDS || System.nanoTime() < deadline)) {
            once(name, runs < FIXED_SEEDS ? runs : base + runs, run);
            runs++;
        }
        System.out.println(name + ": " + runs + " runs, fresh seeds from " + (base + FIXED_SEEDS));
        return runs;
    }

    private static void once(String name, long seed, Consumer<SplittableRandom> run) {
        try {
            run.accept(new SplittableRandom(seed));
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(name + " failed with seed " + seed + " (replay with -D" + SEED_PROPERTY + "="
                    + seed + "): " + e.getMessage(), e);
        }
    }
}
