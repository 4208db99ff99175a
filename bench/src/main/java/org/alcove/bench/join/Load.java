package org.alcove.bench.join;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Repeats an asynchronous operation (a join, an upgrade) either at a fixed rate (open loop: the
 * background load) or as fast as {@code concurrency} workers can (closed loop: the sustained
 * rate). Bounded in time and in operations in flight; every operation has its own timeout.
 */
final class Load {
    static final long OPERATION_TIMEOUT_MILLIS = 10_000;
    /** Workers continue here, not on the thread that completed the last operation: no deep recursion. */
    private static final ExecutorService CONTINUE = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "bench-load");
        thread.setDaemon(true);
        return thread;
    });

    /** What a load produced: completed and failed operations, and starts skipped because too many were in flight. */
    record Outcome(long completed, long failed, long skipped, double seconds) {
        double rate() {
            return completed / seconds;
        }
    }

    private Load() {
    }

    /**
     * Starts {@code operation} {@code perSecond} times a second for {@code millis}, at most
     * {@code maxInFlight} at once; an operation that returns {@code null} (nothing free to start
     * with) counts as skipped, like a start over the in-flight bound.
     */
    static Outcome openLoop(Supplier<CompletableFuture<?>> operation, double perSecond, long millis, int maxInFlight) {
        Semaphore inFlight = new Semaphore(maxInFlight);
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long skipped = 0;
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
        long next = start;
        while (next < end) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            }
            next += interval;
            if (!inFlight.tryAcquire()) {
                skipped++;
                continue;
            }
            CompletableFuture<?> started = operation.get();
            if (started == null) {
                inFlight.release();
                skipped++;
                continue;
            }
            watch(started, completed, failed).whenComplete((ok, error) -> inFlight.release());
        }
        drain(inFlight, maxInFlight);
        return new Outcome(completed.get(), failed.get(), skipped, (System.nanoTime() - start) / 1e9);
    }

    /** {@code concurrency} workers each repeating {@code operation} back to back for {@code millis}. */
    static Outcome closedLoop(Supplier<CompletableFuture<?>> operation, int concurrency, long millis) {
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Semaphore finished = new Semaphore(0);
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
        for (int i = 0; i < concurrency; i++) {
            worker(operation, end, completed, failed, finished);
        }
        try {
            if (!finished.tryAcquire(concurrency, millis + OPERATION_TIMEOUT_MILLIS + 5_000, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("closed-loop workers did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return new Outcome(completed.get(), failed.get(), 0, (System.nanoTime() - start) / 1e9);
    }

    private static void worker(Supplier<CompletableFuture<?>> operation, long end, AtomicLong completed,
                               AtomicLong failed, Semaphore finished) {
        if (System.nanoTime() >= end) {
            finished.release();
            return;
        }
        start(operation, completed, failed).whenCompleteAsync(
                (ok, error) -> worker(operation, end, completed, failed, finished), CONTINUE);
    }

    private static CompletableFuture<?> start(Supplier<CompletableFuture<?>> operation, AtomicLong completed,
                                              AtomicLong failed) {
        CompletableFuture<?> running;
        try {
            running = operation.get();
        } catch (RuntimeException e) {
            running = CompletableFuture.failedFuture(e);
        }
        if (running == null) {
            running = CompletableFuture.failedFuture(new IllegalStateException("nothing free to start with"));
        }
        return watch(running, completed, failed);
    }

    private static CompletableFuture<?> watch(CompletableFuture<?> running, AtomicLong completed, AtomicLong failed) {
        return running.orTimeout(OPERATION_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).whenComplete((ok, error) -> {
            if (error == null) {
                completed.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
        });
    }

    /** Waits (bounded) for every operation still in flight. */
    private static void drain(Semaphore inFlight, int maxInFlight) {
        try {
            if (inFlight.tryAcquire(maxInFlight, OPERATION_TIMEOUT_MILLIS + 5_000, TimeUnit.MILLISECONDS)) {
                inFlight.release(maxInFlight);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
