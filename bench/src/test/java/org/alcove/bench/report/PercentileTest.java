package org.alcove.bench.report;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PercentileTest {

    private static List<Double> oneToTwenty() {
        List<Double> values = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            values.add((double) i);
        }
        Collections.shuffle(values);
        return values;
    }

    @Test
    void p95_of_twenty_runs_is_the_second_slowest() {
        assertEquals(19.0, Percentile.of(oneToTwenty(), 95));
    }

    @Test
    void p50_of_twenty_runs_is_the_tenth_and_p100_the_slowest() {
        assertEquals(10.0, Percentile.of(oneToTwenty(), 50));
        assertEquals(20.0, Percentile.of(oneToTwenty(), 100));
    }

    @Test
    void a_single_run_is_every_percentile() {
        assertEquals(7.0, Percentile.of(List.of(7.0), 1));
        assertEquals(7.0, Percentile.of(List.of(7.0), 95));
    }

    @Test
    void refuses_no_values_and_percentiles_out_of_range() {
        assertThrows(IllegalArgumentException.class, () -> Percentile.of(List.of(), 50));
        assertThrows(IllegalArgumentException.class, () -> Percentile.of(List.of(1.0), 0));
        assertThrows(IllegalArgumentException.class, () -> Percentile.of(List.of(1.0), 101));
    }
}
