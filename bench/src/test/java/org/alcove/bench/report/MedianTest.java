package org.alcove.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MedianTest {

    @Test
    void one_outlier_does_not_move_the_median_of_an_odd_count() {
        assertEquals(3.0, Median.of(List.of(3.0, 1.0, 900.0, 2.0, 4.0)));
    }

    @Test
    void an_even_count_takes_the_mean_of_the_middle_two() {
        assertEquals(2.5, Median.of(List.of(4.0, 1.0, 3.0, 2.0)));
    }

    @Test
    void refuses_no_values() {
        assertThrows(IllegalArgumentException.class, () -> Median.of(List.of()));
    }
}
