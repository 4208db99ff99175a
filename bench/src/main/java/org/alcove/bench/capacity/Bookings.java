package org.alcove.bench.capacity;

import org.alcove.bench.client.Api;
import org.alcove.bench.scenario.Practice;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Books many one-client sessions through the API, as a practice's therapists would over time,
 * with a few requests in flight so that the server's work, not the round trips, sets the pace.
 * Bounded: every request has the API client's timeout and the whole booking {@value #MAX_SECONDS} s.
 */
final class Bookings {
    private static final int IN_FLIGHT = 4;
    private static final long MAX_SECONDS = 300;

    private Bookings() {
    }

    static List<Api.Booking> book(Practice practice, int sessions) {
        ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT, runnable -> {
            Thread thread = new Thread(runnable, "bench-booking");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Api.Booking>> futures = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                futures.add(pool.submit(() -> practice.book(1)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_SECONDS);
            List<Api.Booking> bookings = new ArrayList<>(sessions);
            for (Future<Api.Booking> future : futures) {
                bookings.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return bookings;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("booking " + sessions + " sessions failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
