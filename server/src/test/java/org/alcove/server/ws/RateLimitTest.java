package org.alcove.server.ws;

import org.junit.jupiter.api.Test;

import static org.alcove.server.ws.RateLimit.Verdict.ABUSIVE;
import static org.alcove.server.ws.RateLimit.Verdict.ACCEPT;
import static org.alcove.server.ws.RateLimit.Verdict.DROP;
import static org.alcove.server.ws.RateLimit.Verdict.DROP_FIRST;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RateLimitTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void accepts_a_burst_then_drops_and_tells_once_per_streak() {
        RateLimit limit = new RateLimit(10, 5, 0);
        for (int i = 0; i < 5; i++) {
            assertEquals(ACCEPT, limit.take(0));
        }
        assertEquals(DROP_FIRST, limit.take(0));
        assertEquals(DROP, limit.take(0));
    }

    @Test
    void refills_at_the_configured_rate() {
        RateLimit limit = new RateLimit(10, 5, 0);
        for (int i = 0; i < 5; i++) {
            limit.take(0);
        }
        assertEquals(DROP_FIRST, limit.take(0));
        assertEquals(ACCEPT, limit.take(SECOND / 10));
        assertEquals(DROP_FIRST, limit.take(SECOND / 10), "a new streak is reported again");
    }

    @Test
    void more_dropped_messages_than_the_burst_without_a_pause_is_abuse() {
        RateLimit limit = new RateLimit(10, 5, 0);
        RateLimit.Verdict last = null;
        for (int i = 0; i < 11; i++) {
            last = limit.take(0);
        }
        assertEquals(ABUSIVE, last);
    }

    @Test
    void a_pause_long_enough_to_refill_forgives_earlier_drops() {
        RateLimit limit = new RateLimit(10, 5, 0);
        for (int i = 0; i < 10; i++) {
            limit.take(0);
        }
        long later = SECOND;
        assertEquals(ACCEPT, limit.take(later));
        for (int i = 0; i < 4; i++) {
            limit.take(later);
        }
        for (int i = 0; i < 4; i++) {
            limit.take(later);
        }
        assertEquals(DROP, limit.take(later), "only 5 drops since the pause: not yet abusive");
        assertEquals(ABUSIVE, limit.take(later));
    }
}
