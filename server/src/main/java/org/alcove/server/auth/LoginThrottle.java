package org.alcove.server.auth;

import org.alcove.server.throttle.AddressGroup;
import org.alcove.server.throttle.FailureWindow;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Counts sign-ins per account and per source address (grouped by {@link AddressGroup}) over a
 * sliding window. Every attempt counts as a failure from the moment it is let through, before
 * its password is hashed, so parallel guesses cannot slip past the limit while earlier ones are
 * still hashing; a right password then takes its attempt back. Past either limit, further
 * attempts (right or wrong) wait until the oldest counted failure leaves the window, so guessing
 * a password costs time and an attacker cannot tell a right guess from a refused one.
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

    /** Lets one attempt of {@code account} from {@code address} through, counted, or refuses it. */
    FailureWindow.Turn begin(String account, String address) {
        return failures.begin(List.of(new FailureWindow.Limit(accountKey(account), perAccount),
                new FailureWindow.Limit(addressKey(address), perAddress)));
    }

    /** A right password forgets the account's failures and takes this attempt back from the address. */
    void succeeded(String account, FailureWindow.Counted attempt) {
        failures.forget(accountKey(account));
        failures.retract(attempt);
    }

    private static String accountKey(String account) {
        return "account:" + account;
    }

    private static String addressKey(String address) {
        return "address:" + AddressGroup.of(address);
    }
}
