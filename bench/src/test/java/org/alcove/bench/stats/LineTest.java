package org.alcove.bench.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LineTest {

    @Test
    void points_on_a_line_give_back_its_slope_and_intercept() {
        // 40 MB fixed, 6 kB per connection.
        double[] held = {2_500, 5_000, 10_000, 15_000};
        double[] heap = new double[held.length];
        for (int i = 0; i < held.length; i++) {
            heap[i] = 40e6 + 6_000 * held[i];
        }
        Line line = Line.fit(held, heap);
        assertEquals(6_000, line.slope(), 1e-6);
        assertEquals(40e6, line.intercept(), 1e-3);
        assertEquals(40e6 + 6_000 * 20_000, line.at(20_000), 1e-3);
    }

    @Test
    void noise_on_one_point_moves_the_slope_less_than_a_two_point_difference_would() {
        double[] held = {2_500, 5_000, 10_000, 15_000};
        // One GC leftover of +2 MB on the smallest size.
        double[] heap = {40e6 + 6_000 * 2_500 + 2e6, 40e6 + 6_000 * 5_000, 40e6 + 6_000 * 10_000, 40e6 + 6_000 * 15_000};
        Line line = Line.fit(held, heap);
        double twoPoints = (heap[1] - heap[0]) / (held[1] - held[0]);
        assertEquals(5_878, line.slope(), 1);
        assertEquals(5_200, twoPoints, 1e-6);
    }

    @Test
    void refuses_fewer_than_two_points_or_a_single_x() {
        assertThrows(IllegalArgumentException.class, () -> Line.fit(new double[] {1}, new double[] {2}));
        assertThrows(IllegalArgumentException.class, () -> Line.fit(new double[] {5, 5}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Line.fit(new double[] {1, 2}, new double[] {1}));
    }
}
