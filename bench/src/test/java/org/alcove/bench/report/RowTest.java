package org.alcove.bench.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RowTest {

    @Test
    void ratio_is_alcove_over_baseline() {
        Row row = new Row("1 relay latency", "p50", "µs", 150.0, 100.0, Target.atMost(1.2), 5, null);
        assertEquals(1.5, row.ratio(), 1e-9);
    }

    @Test
    void latency_over_the_bound_fails_and_under_it_passes() {
        assertEquals(Verdict.FAIL, new Row("s", "m", "µs", 121.0, 100.0, Target.atMost(1.2), 5, null).verdict());
        assertEquals(Verdict.PASS, new Row("s", "m", "µs", 120.0, 100.0, Target.atMost(1.2), 5, null).verdict());
    }

    @Test
    void a_rate_below_its_floor_fails_and_above_it_passes() {
        assertEquals(Verdict.FAIL, new Row("s", "m", "/s", 79.0, 100.0, Target.atLeast(0.8), 5, null).verdict());
        assertEquals(Verdict.PASS, new Row("s", "m", "/s", 81.0, 100.0, Target.atLeast(0.8), 5, null).verdict());
    }

    @Test
    void a_row_without_target_is_informative() {
        assertEquals(Verdict.INFO, new Row("s", "m", "/s", 81.0, 100.0, null, 5, null).verdict());
    }

    @Test
    void a_zero_baseline_gives_no_ratio_and_no_verdict() {
        Row row = new Row("s", "m", "/s", 0.0, 0.0, Target.atLeast(0.8), 1, null);
        assertNull(row.ratio());
        assertEquals(Verdict.INFO, row.verdict());
    }

    @Test
    void a_row_not_measured_carries_no_number() {
        Row row = Row.notMeasured("3 idle capacity", "heap per connection", Target.atMost(1.25), "later");
        assertNull(row.alcove());
        assertNull(row.ratio());
        assertEquals(Verdict.NOT_MEASURED, row.verdict());
    }
}
