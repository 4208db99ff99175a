package org.alcove.bench.capacity;

import org.alcove.bench.proc.ServerProbe;
import org.alcove.bench.report.Report;
import org.alcove.bench.report.Row;
import org.alcove.bench.report.Target;
import org.alcove.bench.stats.Line;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** What the idle-capacity sweeps measured, and the rows they make. */
final class IdleRows {
    /** The floor: participants one process holds under the 20,000 open-file limit. */
    static final int TARGET_PARTICIPANTS = 15_000;
    private static final String SCENARIO = "3 idle capacity";
    private static final int TOP_CLASSES = 6;

    private IdleRows() {
    }

    /** One size on one server: the heap is the live-object histogram after a full GC. */
    record Point(int asked, int held, int open, ServerProbe.Histogram heap, long rssBytes, double cpuPercent,
                 long pings, long replies, long growMillis) {
    }

    /**
     * One server's sizes, why it stopped early ({@code null}: it did not), the joins that failed on
     * the way (timed out on a starved moment; the sizes then hold a few less) and the booking time (Alcove).
     */
    record Sweep(List<Point> points, String stopped, int failed, double bookingSeconds) {
        Sweep withBooking(double seconds) {
            return new Sweep(points, stopped, failed, seconds);
        }

        Point last() {
            return points.get(points.size() - 1);
        }

        /** The least-squares line of {@code y} over the participants held; {@code null} with fewer than two sizes. */
        Line fit(ToDoubleFunction<Point> y) {
            if (points.size() < 2) {
                return null;
            }
            return Line.fit(points.stream().mapToDouble(Point::held).toArray(), points.stream().mapToDouble(y).toArray());
        }

        double growSeconds() {
            return points.stream().mapToLong(Point::growMillis).sum() / 1e3;
        }
    }

    static void add(Report report, List<Integer> sizes, LoadGenerators.Layout layout, long windowMillis, Sweep alcove,
                    Sweep echo) {
        Point a = alcove.last();
        Point e = echo.last();
        report.add(new Row(SCENARIO, String.format(Locale.ROOT, "participants held (%,d target)", TARGET_PARTICIPANTS),
                "", (double) a.open(), (double) e.open(), null, 1,
                (a.open() >= TARGET_PARTICIPANTS ? "reached" : "NOT reached") + ": " + a.open()
                        + " authenticated, admitted participants (therapist + client of " + a.open() / 2
                        + " booked sessions) open after the last idle window; echo: bare sockets; "
                        + layout.processes() + " load-generator processes, " + layout.processes() * layout.addressesPerProcess()
                        + " source addresses (127.0.0.10 and up)" + stopped("Alcove", alcove) + stopped("echo", echo)));
        Line alcoveHeap = alcove.fit(p -> p.heap().totalBytes());
        Line echoHeap = echo.fit(p -> p.heap().totalBytes());
        report.add(new Row(SCENARIO, "heap per connection", "B", slope(alcoveHeap), slope(echoHeap), Target.atMost(1.25), 1,
                "slope of the live heap after a full GC (jcmd GC.class_histogram) over the participants held, least "
                        + "squares over the sizes " + sizes + "; fixed heap (intercept) " + megabytes(alcoveHeap)
                        + " (Alcove), " + megabytes(echoHeap) + " (echo); largest per-connection classes, Alcove: "
                        + topClasses(alcove) + "; echo: " + topClasses(echo)));
        Line alcoveRss = alcove.fit(Point::rssBytes);
        Line echoRss = echo.fit(Point::rssBytes);
        report.add(new Row(SCENARIO, "resident memory per connection", "B", slope(alcoveRss), slope(echoRss), null, 1,
                "slope of VmRSS (/proc/<pid>/status) over the same sizes: the heap the JVM committed (it grows in steps "
                        + "and is not given back), pooled direct buffers, thread stacks; kernel socket buffers are not in it; "
                        + String.format(Locale.ROOT, "RSS at the largest size %.0f MB (Alcove), %.0f MB (echo)",
                        a.rssBytes() / 1e6, e.rssBytes() / 1e6)));
        report.add(new Row(SCENARIO, "keep-alive CPU, largest size (≤ 5% of a core)", "%", a.cpuPercent(),
                e.cpuPercent(), null, 1, (a.cpuPercent() <= 5.0 ? "met" : "MISSED") + ": CPU of the server process "
                + "(/proc/<pid>/stat, all threads) over " + windowMillis / 1000 + " s idle with " + a.open()
                + " participants, each sending the browser client's {\"type\":\"ping\"} every "
                + IdleCapacity.PING_MILLIS / 1000 + " s (answered: " + a.replies() + " of " + a.pings()
                + " sent in the window; the server pings only sockets that sent nothing since its last round); echo: the same pings, echoed ("
                + e.replies() + " of " + e.pings() + "); all sizes, Alcove " + cpus(alcove) + ", echo " + cpus(echo)));
        Line alcoveCpu = alcove.fit(Point::cpuPercent);
        Line echoCpu = echo.fit(Point::cpuPercent);
        report.add(new Row(SCENARIO, "keep-alive CPU per ping round trip", "µs", pingMicros(alcoveCpu), pingMicros(echoCpu),
                null, 1, "slope of the CPU over the participants held (same sizes), times the ping interval: what one "
                + "ping and its answer cost the server process, a fixed cost per interval aside; at 5% of a core, "
                + String.format(Locale.ROOT, "%,d", TARGET_PARTICIPANTS) + " participants pinging every "
                + IdleCapacity.PING_MILLIS / 1000 + " s leave "
                + String.format(Locale.ROOT, "%.0f", 0.05 * IdleCapacity.PING_MILLIS * 1000.0 / TARGET_PARTICIPANTS)
                + " µs per round trip; the participants whose pings alone take 5% of a core at this cost: Alcove "
                + withinFivePercent(alcoveCpu) + ", echo " + withinFivePercent(echoCpu)));
        report.add(new Row(SCENARIO, "setup: booking " + a.asked() / 2 + " sessions", "s", alcove.bookingSeconds(), null,
                null, 1, String.format(Locale.ROOT, "through the API, 4 requests in flight; then joined and admitted "
                        + "by the load generators in %.1f s over the steps (echo: bare upgrades in %.1f s)",
                alcove.growSeconds(), echo.growSeconds())));
    }

    /** The classes whose live bytes grew most per participant between the smallest and the largest size. */
    static String topClasses(Sweep sweep) {
        if (sweep.points().size() < 2) {
            return "-";
        }
        Point first = sweep.points().get(0);
        Point last = sweep.last();
        double added = last.held() - first.held();
        if (added <= 0) {
            return "-";
        }
        Map<String, Long> before = first.heap().bytesByClass();
        Map<String, Long> after = last.heap().bytesByClass();
        Set<String> names = new HashSet<>(before.keySet());
        names.addAll(after.keySet());
        List<Map.Entry<String, Double>> growth = new ArrayList<>();
        for (String name : names) {
            growth.add(Map.entry(name, (after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L)) / added));
        }
        growth.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        List<String> top = new ArrayList<>();
        for (Map.Entry<String, Double> entry : growth.subList(0, Math.min(TOP_CLASSES, growth.size()))) {
            top.add(String.format(Locale.ROOT, "%s %.0f B", entry.getKey(), entry.getValue()));
        }
        return String.join(", ", top);
    }

    private static String cpus(Sweep sweep) {
        List<String> figures = new ArrayList<>();
        for (Point point : sweep.points()) {
            figures.add(String.format(Locale.ROOT, "%.1f%% at %d", point.cpuPercent(), point.open()));
        }
        return String.join(", ", figures);
    }

    private static String stopped(String server, Sweep sweep) {
        String failed = sweep.failed() == 0 ? "" : "; " + server + ": " + sweep.failed() + " joins failed over the steps";
        return failed + (sweep.stopped() == null ? "" : "; " + server + " stopped early: " + sweep.stopped());
    }

    /** A CPU line (% of a core over participants) as µs of CPU per participant per ping interval. */
    static Double pingMicros(Line cpu) {
        return cpu == null ? null : cpu.slope() / 100 * IdleCapacity.PING_MILLIS * 1000;
    }

    /**
     * The participants whose keep-alive alone fills 5% of a core at a CPU line's slope; its
     * intercept (timers, the JIT, what the window caught besides the pings) is left out.
     */
    static String withinFivePercent(Line cpu) {
        if (cpu == null || cpu.slope() <= 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%,.0f", 5.0 / cpu.slope());
    }

    private static Double slope(Line line) {
        return line == null ? null : line.slope();
    }

    private static String megabytes(Line line) {
        return line == null ? "-" : String.format(Locale.ROOT, "%.1f MB", line.intercept() / 1e6);
    }
}
