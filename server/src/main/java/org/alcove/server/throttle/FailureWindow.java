package org.alcove.server.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Attempts per key (an account, a source address) over a sliding window: the shared mechanism
 * behind the sign-in throttle and the socket-auth throttle. {@link #begin} checks every key of an
 * attempt and counts the attempt under all of them in one step, before the caller does the slow
 * part (hashing a password, looking up a link); a caller whose attempt turns out genuine
 * {@link #retract}s it. So however many attempts race, a key never lets more than its limit
 * through within the window. Past the limit the caller waits until the oldest counted attempt
 * leaves the window. In memory: a restart forgets the counts. Keys are never logged.
 *
 * <p>Expired keys are swept at most once a minute (by the clock given), so a flood does not make
 * every attempt walk the whole table. At most {@code maxKeys} keys are tracked: when the table is
 * full, an attempt that would add a key is refused as throttled until a sweep makes room. The cap
 * fails closed on purpose: evicting a tracked key instead would let an attacker who controls many
 * addresses wipe a victim account's count by flooding the table, so the cap would become the
 * bypass. The cost is that during such a flood people with no failures on record wait too; keys
 * only enter the table through attempts their limits let through, so filling it takes
 * {@code maxKeys / limit} distinct addresses.
 */
public final class FailureWindow {
    /** The tracked-key cap servers use: some tens of megabytes at worst. */
    public static final int MAX_KEYS = 100_000;
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    /** A key and the most attempts it may have counted within the window. */
    public record Limit(String key, int max) {
    }

    /** What {@link #begin} decided. */
    public sealed interface Turn {
    }

    /**
     * Go ahead: the attempt is already counted under every key, as a failure; hand it to
     * {@link #retract} if it turns out genuine.
     */
    public record Counted(List<String> keys, Instant at) implements Turn {
    }

    /**
     * Wait {@code seconds}. {@code first} is true for the first refusal of a key since its last
     * counted attempt (or of a full table since it last had room): only those are worth an audit
     * row and a log line; the rest are only counted, so a throttled attacker cannot fill the log.
     */
    public record Refused(long seconds, boolean first) implements Turn {
    }

    /** One key's counted attempts, oldest first, and whether its current refusal was reported. */
    private static final class Entry {
        final ArrayDeque<Instant> times = new ArrayDeque<>();
        boolean refusalReported;
    }

    private final Duration window;
    private final Clock clock;
    private final int maxKeys;
    private final Map<String, Entry> entries = new HashMap<>();
    private Instant nextSweep;
    private boolean fullReported;

    public FailureWindow(Duration window, Clock clock) {
        this(window, clock, MAX_KEYS);
    }

    FailureWindow(Duration window, Clock clock, int maxKeys) {
        this.window = window;
        this.clock = clock;
        this.maxKeys = maxKeys;
        this.nextSweep = clock.instant().plus(SWEEP_INTERVAL);
    }

    /** One key's attempt: {@link #begin(List)} with a single limit. */
    public Turn begin(String key, int max) {
        return begin(List.of(new Limit(key, max)));
    }

    /** Refuses the attempt if any key is at its limit; otherwise counts it under every key, now. */
    public synchronized Turn begin(List<Limit> limits) {
        Instant now = clock.instant();
        sweepIfDue(now);
        long wait = 0;
        boolean first = false;
        int newKeys = 0;
        for (Limit limit : limits) {
            Entry entry = current(limit.key(), now);
            if (entry == null) {
                newKeys++;
            } else if (entry.times.size() >= limit.max()) {
                wait = Math.max(wait, secondsUntil(entry.times.peekFirst().plus(window), now));
                first |= !entry.refusalReported;
                entry.refusalReported = true;
            }
        }
        if (wait > 0) {
            return new Refused(wait, first);
        }
        if (entries.size() + newKeys > maxKeys) {
            boolean firstFull = !fullReported;
            fullReported = true;
            return new Refused(secondsUntil(nextSweep, now), firstFull);
        }
        List<String> keys = new ArrayList<>(limits.size());
        for (Limit limit : limits) {
            Entry entry = entries.computeIfAbsent(limit.key(), key -> new Entry());
            entry.times.addLast(now);
            entry.refusalReported = false;
            keys.add(limit.key());
        }
        return new Counted(List.copyOf(keys), now);
    }

    /** Uncounts an attempt that turned out genuine (it stays uncounted if the window already dropped it). */
    public synchronized void retract(Counted attempt) {
        for (String key : attempt.keys()) {
            Entry entry = entries.get(key);
            if (entry != null) {
                entry.times.removeLastOccurrence(attempt.at());
                if (entry.times.isEmpty()) {
                    entries.remove(key);
                }
            }
        }
    }

    /** Forgets {@code key}'s attempts (a right password clears its account). */
    public synchronized void forget(String key) {
        entries.remove(key);
    }

    /** Keys currently tracked (for tests of the cap and the sweep). */
    synchronized int size() {
        return entries.size();
    }

    /** {@code key}'s entry with expired attempts dropped, or {@code null} if nothing is left. */
    private Entry current(String key, Instant now) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        prune(entry, now);
        if (entry.times.isEmpty()) {
            entries.remove(key);
            return null;
        }
        return entry;
    }

    private void sweepIfDue(Instant now) {
        if (now.isBefore(nextSweep)) {
            return;
        }
        entries.values().forEach(entry -> prune(entry, now));
        entries.values().removeIf(entry -> entry.times.isEmpty());
        nextSweep = now.plus(SWEEP_INTERVAL);
        if (entries.size() < maxKeys) {
            fullReported = false;
        }
    }

    private void prune(Entry entry, Instant now) {
        Instant horizon = now.minus(window);
        while (!entry.times.isEmpty() && !entry.times.peekFirst().isAfter(horizon)) {
            entry.times.removeFirst();
        }
    }

    private static long secondsUntil(Instant then, Instant now) {
        long millis = Duration.between(now, then).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
