package org.alcove.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Failed attempts per key (an account, a source address) over a sliding window: the shared
 * mechanism behind the sign-in throttle and the socket-auth throttle. Past a key's limit the
 * caller waits until the oldest counted failure leaves the window. A caller records a failure
 * only for attempts it let through, so a throttled key holds at most its limit. In memory: a
 * restart forgets the counts. Keys are never logged.
 */
public final class FailureWindow {
    /** Beyond this many tracked keys, expired ones are swept before adding more. */
    private static final int SWEEP_ABOVE = 100_000;

    private final Duration window;
    private final Clock clock;
    private final Map<String, ArrayDeque<Instant>> failures = new HashMap<>();

    public FailureWindow(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    /** Seconds {@code key} must wait before its next attempt, or 0 to go ahead. */
    public synchronized long retryAfter(String key, int limit) {
        Instant now = clock.instant();
        ArrayDeque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        prune(times, now);
        if (times.isEmpty()) {
            failures.remove(key);
            return 0;
        }
        if (times.size() < limit) {
            return 0;
        }
        Duration left = Duration.between(now, times.peekFirst().plus(window));
        return Math.max(1, (left.toMillis() + 999) / 1000);
    }

    public synchronized void failed(String key) {
        Instant now = clock.instant();
        if (failures.size() > SWEEP_ABOVE) {
            failures.values().forEach(times -> prune(times, now));
            failures.values().removeIf(ArrayDeque::isEmpty);
        }
        failures.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
    }

    /** Forgets {@code key}'s failures (a right password clears its account). */
    public synchronized void forget(String key) {
        failures.remove(key);
    }

    private void prune(ArrayDeque<Instant> times, Instant now) {
        Instant horizon = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.removeFirst();
        }
    }
}
