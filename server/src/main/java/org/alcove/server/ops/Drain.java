package org.alcove.server.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Whether the server is draining before it stops. Once started it never ends: readiness fails,
 * the socket side turns new sockets and joins away, and connected sockets learn when they close.
 */
public final class Drain {
    private volatile Instant closesAt;

    /** Starts draining; sockets will be closed at about {@code closesAt}. False if already draining. */
    public synchronized boolean start(Instant closesAt) {
        if (this.closesAt != null) {
            return false;
        }
        this.closesAt = closesAt;
        return true;
    }

    public boolean underway() {
        return closesAt != null;
    }

    /** When connected sockets will be closed; {@code null} while not draining. */
    public Instant closesAt() {
        return closesAt;
    }

    /**
     * Waits until {@code done} (every socket gone) or {@code within} has passed, polling; returns
     * early if interrupted, keeping the interrupt.
     */
    public void awaitUntil(BooleanSupplier done, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
