package org.alcove.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts failed sign-ins per account and per source address over a sliding window. Past either
 * limit, further attempts (right or wrong) wait until the oldest counted failure leaves the
 * window, so guessing a password costs time and an attacker cannot tell a right guess from a
 * refused one. In memory: a restart forgets the counts. Keys are never logged.
 */
final class LoginThrottle {
    /** Beyond this many tracked keys, expired ones are swept before adding more. */
    private static final int SWEEP_ABOVE = 100_000;

    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, ArrayDeque<Instant>> failures = new HashMap<>();

    LoginThrottle(int perAccount, int perAddress, Duration window, Clock clock) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    /** Seconds to wait before {@code account} may try again from {@code address}, or 0 to go ahead. */
    synchronized long retryAfter(String account, String address) {
        Instant now = clock.instant();
        return Math.max(wait(accountKey(account), perAccount, now), wait(addressKey(address), perAddress, now));
    }

    synchronized void failed(String account, String address) {
        Instant now = clock.instant();
        if (failures.size() > SWEEP_ABOVE) {
            failures.values().forEach(times -> prune(times, now));
            failures.values().removeIf(ArrayDeque::isEmpty);
        }
        failures.computeIfAbsent(accountKey(account), key -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent(addressKey(address), key -> new ArrayDeque<>()).addLast(now);
    }

    /** A right password forgets the account's failures (not the address's). */
    synchronized void succeeded(String account) {
        failures.remove(accountKey(account));
    }

    private long wait(String key, int limit, Instant now) {
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

    private void prune(ArrayDeque<Instant> times, Instant now) {
        Instant horizon = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.removeFirst();
        }
    }

    private static String accountKey(String account) {
        return "account:" + account;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
