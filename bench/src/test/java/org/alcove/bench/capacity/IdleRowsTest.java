package org.alcove.bench.capacity;

import org.alcove.bench.proc.ServerProbe;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdleRowsTest {

    private static IdleRows.Point point(int held, Map<String, Long> classes, long total) {
        return new IdleRows.Point(held, held, held, new ServerProbe.Histogram(total, classes), 100L * held, 1.0, 0, 0, 0);
    }

    @Test
    void heap_per_connection_is_the_slope_over_the_sizes_not_the_heap_over_the_count() {
        IdleRows.Sweep sweep = new IdleRows.Sweep(List.of(
                point(2_500, Map.of(), 40_000_000L + 2_500L * 9_000),
                point(5_000, Map.of(), 40_000_000L + 5_000L * 9_000),
                point(15_000, Map.of(), 40_000_000L + 15_000L * 9_000)), null, 0, 0);
        assertEquals(9_000, sweep.fit(p -> p.heap().totalBytes()).slope(), 1e-6);
        assertEquals(40e6, sweep.fit(p -> p.heap().totalBytes()).intercept(), 1e-3);
    }

    @Test
    void one_size_gives_no_slope() {
        IdleRows.Sweep sweep = new IdleRows.Sweep(List.of(point(200, Map.of(), 1_000)), null, 0, 0);
        assertNull(sweep.fit(p -> p.heap().totalBytes()));
        assertEquals("-", IdleRows.topClasses(sweep));
    }

    @Test
    void names_the_classes_that_grew_most_per_participant_first() {
        IdleRows.Sweep sweep = new IdleRows.Sweep(List.of(
                point(1_000, Map.of("[B", 1_000_000L, "Fixed", 5_000_000L), 0),
                point(3_000, Map.of("[B", 3_000_000L, "Fixed", 5_000_000L, "SocketConnection", 160_000L), 0)),
                null, 0, 0);
        String top = IdleRows.topClasses(sweep);
        assertTrue(top.startsWith("[B 1000 B, SocketConnection 80 B"), top);
    }

    @Test
    void keep_alive_cost_is_the_cpu_slope_per_participant_over_one_ping_interval() {
        // 1% of a core fixed, plus 0.0005% per participant: 5 µs of CPU a second each, 50 µs per 10 s round.
        IdleRows.Sweep sweep = new IdleRows.Sweep(List.of(cpuPoint(2_000, 2.0), cpuPoint(6_000, 4.0), cpuPoint(10_000, 6.0)),
                null, 0, 0);
        var cpu = sweep.fit(IdleRows.Point::cpuPercent);
        assertEquals(50.0, IdleRows.pingMicros(cpu), 1e-9);
        assertEquals("10,000", IdleRows.withinFivePercent(cpu));
    }

    private static IdleRows.Point cpuPoint(int held, double cpuPercent) {
        return new IdleRows.Point(held, held, held, new ServerProbe.Histogram(0, Map.of()), 0, cpuPercent, 0, 0, 0);
    }
}
