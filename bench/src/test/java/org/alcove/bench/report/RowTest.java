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

    @Test
    void an_absolute_target_judges_alcoves_own_figure_without_a_baseline() {
        Target target = Target.atMostAbsolute(300, "ms");
        assertEquals(Verdict.PASS, new Row("7 browser", "p50", "ms", 300.0, null, target, 20, null).verdict());
        assertEquals(Verdict.FAIL, new Row("7 browser", "p50", "ms", 301.0, null, target, 20, null).verdict());
    }

    @Test
    void an_absolute_target_ignores_the_ratio_to_a_baseline() {
        Row row = new Row("7 browser", "p50", "ms", 250.0, 50.0, Target.atMostAbsolute(300, "ms"), 20, null);
        assertEquals(5.0, row.ratio(), 1e-9);
        assertEquals(Verdict.PASS, row.verdict());
    }

    @Test
    void targets_read_as_a_ratio_or_as_a_figure_with_its_unit() {
        assertEquals("≤ 1.2x", Target.atMost(1.2).text());
        assertEquals("≤ 300 ms", Target.atMostAbsolute(300, "ms").text());
    }
}
