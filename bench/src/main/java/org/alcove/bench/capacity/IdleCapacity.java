package org.alcove.bench.capacity;

import org.alcove.bench.client.Api;
import org.alcove.bench.idle.Seat;
import org.alcove.bench.proc.Launcher;
import org.alcove.bench.proc.ServerProbe;
import org.alcove.bench.scenario.Practice;
import org.alcove.bench.scenario.Run;
import org.alcove.bench.scenario.Scenario;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scenario 3. Idle capacity: authenticated, admitted participants (a booked session per
 * therapist and client pair: both join, the therapist admits) held open by several
 * load-generator processes from several 127.0.0.x addresses, with the browser client's keep-alive
 * (an application ping every 10 s; the server's own WebSocket pings answered). At each size the
 * server's live heap after a full GC, its resident memory and its CPU over an idle window are
 * read from outside the process; the per-connection figures are the slopes of least-squares lines
 * over the sizes, so a fixed cost does not blur them. The baseline: as many bare sockets on the
 * echo server, from the same layout, with the same pings. A full run uses a fresh server of each
 * kind (clean heap, no other scenario's rooms); a quick one the run's shared servers.
 */
public final class IdleCapacity implements Scenario {
    /** The browser client's keep-alive (web-client signaling.js, PING_EVERY_MS); also the server's ws.ping-interval. */
    static final long PING_MILLIS = 10_000;
    private static final long GROW_SECONDS = 240;

    /** Sizes in participants; how the load is spread; the idle window CPU is read over. */
    private record Plan(List<Integer> sizes, LoadGenerators.Layout layout, long windowMillis, long settleMillis,
                        boolean ownServers, long maxSeconds) {
        int largest() {
            return sizes.get(sizes.size() - 1);
        }
    }

    private static final Plan FULL = new Plan(List.of(2_500, 5_000, 10_000, 15_000),
            new LoadGenerators.Layout(4, 2, PING_MILLIS, 2), 2 * PING_MILLIS, PING_MILLIS, true, 900);
    private static final Plan QUICK = new Plan(List.of(100, 200),
            new LoadGenerators.Layout(1, 2, PING_MILLIS, 8), 300, 0, false, 120);

    @Override
    public String name() {
        return "idle-capacity";
    }

    @Override
    public void run(Run run) {
        Plan plan = run.quick() ? QUICK : FULL;
        IdleRows.Sweep alcove = alcove(run, plan);
        IdleRows.Sweep echo = echo(run, plan);
        IdleRows.add(run.report(), plan.sizes(), plan.layout(), plan.windowMillis(), alcove, echo);
    }

    private IdleRows.Sweep alcove(Run run, Plan plan) {
        Launcher.Started own = null;
        try {
            Practice practice;
            if (plan.ownServers()) {
                run.progress("starting a fresh Alcove server");
                own = run.launcher().alcove("idle-alcove", run.newDataDir("idle-alcove-data"), Practice.environment());
                practice = Practice.on(own);
            } else {
                practice = run.practice();
            }
            int sessions = plan.largest() / 2;
            run.progress("booking " + sessions + " sessions through the API");
            long started = System.nanoTime();
            List<Api.Booking> bookings = Bookings.book(practice, sessions);
            double bookingSeconds = (System.nanoTime() - started) / 1e9;
            List<Path> seatFiles = seatFiles(run, bookings, plan.layout().processes());
            IdleRows.Sweep sweep = sweep(run, "alcove", practice.uri(), practice.server().process().pid(), seatFiles, plan);
            return sweep.withBooking(bookingSeconds);
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }

    private IdleRows.Sweep echo(Run run, Plan plan) {
        Launcher.Started own = null;
        try {
            Launcher.Started echo;
            if (plan.ownServers()) {
                run.progress("starting a fresh echo server");
                own = run.launcher().echo("idle-echo");
                echo = own;
            } else {
                echo = run.echo();
            }
            return sweep(run, "echo", echo.uri(), echo.process().pid(), null, plan);
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }

    /** Each load generator's seats: the sessions it joins at the largest size, in order. */
    private static List<Path> seatFiles(Run run, List<Api.Booking> bookings, int processes) {
        int total = bookings.size() * 2;
        int[] shares = LoadGenerators.shares(total, processes, 2);
        List<Path> files = new ArrayList<>();
        Path dir = run.newDataDir("idle-seats");
        int next = 0;
        for (int p = 0; p < processes; p++) {
            List<Seat> seats = new ArrayList<>();
            for (int i = 0; i < shares[p] / 2; i++) {
                Api.Booking booking = bookings.get(next++);
                seats.add(new Seat(booking.therapistToken(), booking.clientTokens().get(0), booking.clientIds().get(0)));
            }
            Path file = dir.resolve("seats-" + p + ".tsv");
            Seat.write(file, seats);
            files.add(file);
        }
        return files;
    }

    /** Grows the load size by size; at each, heap after a full GC, RSS, and CPU over the idle window. */
    private static IdleRows.Sweep sweep(Run run, String label, URI server, long pid, List<Path> seatFiles, Plan plan) {
        ServerProbe probe = new ServerProbe(pid);
        List<IdleRows.Point> points = new ArrayList<>();
        String stopped = null;
        int failed = 0;
        int previous = 0;
        run.progress(label + ": starting " + plan.layout().processes() + " load generators");
        try (LoadGenerators load = LoadGenerators.start(run, "idle-" + label, server, seatFiles, plan.layout(),
                plan.maxSeconds())) {
            for (int size : plan.sizes()) {
                LoadGenerators.Growth growth = load.hold(size, GROW_SECONDS);
                run.progress(String.format(Locale.ROOT, "%s: %d of %d participants held (%d failed), %.1f s", label,
                        growth.held(), size, growth.failed(), growth.millis() / 1e3));
                // The CPU window comes before the heap probe, whose full GC (and attach) it must not
                // catch, and one ping interval after the step, so the step's own aftermath (the JIT
                // compiling what the joins ran, Alcove's audit rows of them) is over and every
                // socket has pinged once at its own phase.
                pause(plan.settleMillis());
                LoadGenerators.Stats before = load.stats();
                long cpuBefore = probe.cpuNanos();
                long wallBefore = System.nanoTime();
                pause(plan.windowMillis());
                double cpu = 100.0 * (probe.cpuNanos() - cpuBefore) / (System.nanoTime() - wallBefore);
                LoadGenerators.Stats after = load.stats();
                ServerProbe.Histogram heap = probe.liveHeap();
                long rss = probe.residentBytes();
                IdleRows.Point point = new IdleRows.Point(size, growth.held(), after.open(), heap, rss, cpu,
                        after.pings() - before.pings(), after.replies() - before.replies(), growth.millis());
                points.add(point);
                run.progress(String.format(Locale.ROOT, "%s: heap %.1f MB, RSS %.1f MB, CPU %.2f%% of a core; "
                                + "%d pings, %d answers in %.0f s", label, heap.totalBytes() / 1e6, rss / 1e6, cpu,
                        point.pings(), point.replies(), plan.windowMillis() / 1e3));
                failed += growth.failed();
                // A few joins lost to a starved moment on a shared machine are reported, not fatal;
                // a server that refuses most of a step, or drops held sockets, ends the sweep.
                int added = growth.held() - previous;
                int asked = size - previous;
                previous = growth.held();
                if (added < asked / 2 || after.open() < growth.held() * 0.99) {
                    stopped = added < asked / 2
                            ? growth.failed() + " joins failed at " + size + " (" + growth.firstError() + ")"
                            : (growth.held() - after.open()) + " held sockets closed during the idle window at " + size;
                    break;
                }
            }
        }
        return new IdleRows.Sweep(points, stopped, failed, 0);
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
