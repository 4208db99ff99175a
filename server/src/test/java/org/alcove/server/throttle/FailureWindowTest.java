package org.alcove.server.throttle;

import org.alcove.server.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailureWindowTest {
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T14:00:00Z"));
    private final FailureWindow window = new FailureWindow(WINDOW, clock);

    @Test
    void an_attempt_counts_when_it_begins_so_the_limit_holds_before_any_outcome_is_known() {
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(FailureWindow.Counted.class, window.begin("k", 3));
        }
        FailureWindow.Refused refused = assertInstanceOf(FailureWindow.Refused.class, window.begin("k", 3));
        assertEquals(WINDOW.toSeconds(), refused.seconds());
        assertInstanceOf(FailureWindow.Counted.class, window.begin("other", 3), "another key");
    }

    @Test
    void parallel_attempts_never_let_more_than_the_limit_through() throws Exception {
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<FailureWindow.Turn>> turns = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                turns.add(pool.submit(() -> {
                    start.await();
                    return window.begin("k", 5);
                }));
            }
            start.countDown();
            int counted = 0;
            for (Future<FailureWindow.Turn> turn : turns) {
                counted += turn.get(10, TimeUnit.SECONDS) instanceof FailureWindow.Counted ? 1 : 0;
            }
            assertEquals(5, counted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_retracted_attempt_no_longer_counts() {
        for (int i = 0; i < 2; i++) {
            window.begin("k", 3);
        }
        window.retract(assertInstanceOf(FailureWindow.Counted.class, window.begin("k", 3)));
        assertInstanceOf(FailureWindow.Counted.class, window.begin("k", 3));
        assertInstanceOf(FailureWindow.Refused.class, window.begin("k", 3));
    }

    @Test
    void an_attempt_over_several_keys_waits_if_any_is_full_and_is_then_counted_under_none() {
        window.begin("address", 1);
        List<FailureWindow.Limit> both = List.of(new FailureWindow.Limit("account", 5), new FailureWindow.Limit("address", 1));
        assertInstanceOf(FailureWindow.Refused.class, window.begin(both));
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(FailureWindow.Counted.class, window.begin("account", 5), "the refused attempt did not count");
        }
    }

    @Test
    void only_the_first_refusal_of_a_spell_is_marked_first() {
        window.begin("k", 1);
        assertTrue(assertInstanceOf(FailureWindow.Refused.class, window.begin("k", 1)).first());
        for (int i = 0; i < 50; i++) {
            assertFalse(assertInstanceOf(FailureWindow.Refused.class, window.begin("k", 1)).first());
        }
        clock.advance(WINDOW);
        assertInstanceOf(FailureWindow.Counted.class, window.begin("k", 1));
        assertTrue(assertInstanceOf(FailureWindow.Refused.class, window.begin("k", 1)).first(), "a new spell");
    }

    @Test
    void the_oldest_attempt_leaving_the_window_lets_one_more_through() {
        window.begin("k", 2);
        clock.advance(Duration.ofMinutes(5));
        window.begin("k", 2);
        FailureWindow.Refused refused = assertInstanceOf(FailureWindow.Refused.class, window.begin("k", 2));
        assertEquals(Duration.ofMinutes(10).toSeconds(), refused.seconds());
        clock.advance(Duration.ofMinutes(10));
        assertInstanceOf(FailureWindow.Counted.class, window.begin("k", 2));
    }

    @Test
    void expired_keys_are_swept_at_most_once_a_minute() {
        FailureWindow small = new FailureWindow(Duration.ofSeconds(10), clock, 1000);
        for (int i = 0; i < 100; i++) {
            small.begin("k" + i, 5);
        }
        clock.advance(Duration.ofSeconds(30));
        small.begin("fresh", 5);
        assertEquals(101, small.size(), "no sweep before a minute has passed");
        clock.advance(Duration.ofSeconds(30));
        small.begin("fresh", 5);
        assertEquals(1, small.size(), "swept once the minute is up");
    }

    @Test
    void a_full_table_refuses_new_keys_rather_than_forgetting_tracked_ones() {
        FailureWindow small = new FailureWindow(WINDOW, clock, 3);
        small.begin("victim", 2);
        small.begin("victim", 2);
        small.begin("a", 2);
        small.begin("b", 2);
        FailureWindow.Refused full = assertInstanceOf(FailureWindow.Refused.class, small.begin("c", 2));
        assertTrue(full.first());
        assertTrue(full.seconds() >= 1 && full.seconds() <= FailureWindow.SWEEP_INTERVAL.toSeconds());
        assertFalse(assertInstanceOf(FailureWindow.Refused.class, small.begin("d", 2)).first());
        assertInstanceOf(FailureWindow.Refused.class, small.begin("victim", 2), "the victim's count survived the flood");
        assertInstanceOf(FailureWindow.Counted.class, small.begin("a", 2), "tracked keys go on as before");

        clock.advance(WINDOW);
        assertInstanceOf(FailureWindow.Counted.class, small.begin("c", 2), "the sweep made room");
    }
}
