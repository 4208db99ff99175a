package org.alcove.server.auth;

import java.time.Clock;
import java.time.Duration;

/**
 * Counts failed sign-ins per account and per source address over a sliding window. Past either
 * limit, further attempts (right or wrong) wait until the oldest counted failure leaves the
 * window, so guessing a password costs time and an attacker cannot tell a right guess from a
 * refused one.
 */
final class LoginThrottle {
    private final int perAccount;
    private final int perAddress;
    private final FailureWindow failures;

    LoginThrottle(int perAccount, int perAddress, Duration window, Clock clock) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.failures = new FailureWindow(window, clock);
    }

    /** Seconds to wait before {@code account} may try again from {@code address}, or 0 to go ahead. */
    long retryAfter(String account, String address) {
        return Math.max(failures.retryAfter(accountKey(account), perAccount),
                failures.retryAfter(addressKey(address), perAddress));
    }

    void failed(String account, String address) {
        failures.failed(accountKey(account));
        failures.failed(addressKey(address));
    }

    /** A right password forgets the account's failures (not the address's). */
    void succeeded(String account) {
        failures.forget(accountKey(account));
    }

    private static String accountKey(String account) {
        return "account:" + account;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
