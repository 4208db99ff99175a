package org.alcove.bench.relay;

import org.alcove.bench.client.Api;
import org.alcove.bench.client.BenchSocket;
import org.alcove.bench.client.Sockets;
import org.alcove.bench.report.Median;
import org.alcove.bench.report.Row;
import org.alcove.bench.report.Target;
import org.alcove.bench.scenario.Practice;
import org.alcove.bench.scenario.Run;
import org.alcove.bench.scenario.Scenario;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scenario 2: many admitted pairs send to each other at once. The offered rate steps up by
 * half each time from {@value #FIRST_RATE} messages/s; a step passes when the one-way p99 is
 * at most {@value #BOUND_MICROS} µs and every message arrived once and in order. The result is
 * the highest passing rate, for Alcove (pairs relayed through rooms) and for the echo server
 * (the same number of sockets, each sending to itself).
 */
public final class RelayThroughput implements Scenario {
    private static final double FIRST_RATE = 500;
    private static final double STEP = 1.5;
    private static final double MAX_RATE = 400_000;
    private static final double BOUND_MICROS = 5_000;
    private static final int FAILURES_TO_STOP = 2;
    /** Halvings of the gap between the last passing and the first failing step: x1.5 steps alone
     *  would only allow ratios of 1, 0.67, 0.44 ...; three bring the resolution to about 5%. */
    private static final int REFINEMENTS = 3;

    @Override
    public String name() {
        return "relay-throughput";
    }

    @Override
    public void run(Run run) {
        Sockets sockets = run.sockets();
        run.progress("starting Alcove and the echo server");
        Practice practice = run.practice();
        URI echo = run.echo().uri();
        int pairs = run.scaled(16, 8);
        long stepMillis = run.scaled(2_000, 1_000);
        int runs = run.scaled(3, 1);
        // --quick stops climbing early: it checks the path works, not where it ends.
        double maxRate = run.scaled((int) MAX_RATE, 10_000);
        List<Double> alcove = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<BenchSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < runs; i++) {
                // Fresh sockets each run (an overloaded step may have closed some: slow-consumer), opened
                // just before their own search: the echo server closes a socket idle for 30 s, and
                // Alcove's search (with its refining steps) takes about that long.
                Streams relay = new Streams(alcovePairs(sockets, practice, pairs, open));
                warmUpOnce(relay, i, stepMillis, run);
                run.progress("searching the rate, run " + (i + 1) + " of " + runs);
                int refinements = run.scaled(REFINEMENTS, 0);
                alcove.add(highestRate(relay, stepMillis, maxRate, refinements, run, "alcove"));
                Streams reflect = new Streams(echoSockets(sockets, echo, pairs * 2, open));
                warmUpOnce(reflect, i, stepMillis, run);
                bare.add(highestRate(reflect, stepMillis, maxRate, refinements, run, "echo"));
                open.forEach(BenchSocket::close);
                open.clear();
            }
        } finally {
            open.forEach(BenchSocket::close);
        }
        run.report().add(new Row("2 relay throughput", "highest rate with p99 ≤ 5 ms", "msg/s", Median.of(alcove),
                Median.of(bare), Target.atLeast(0.8), runs, pairs + " admitted pairs (" + pairs * 2 + " sockets) "
                + "sending " + RelayLatency.MESSAGE_BYTES + " B offers to each other; echo: " + pairs * 2
                + " sockets sending to themselves; rate steps x" + STEP + " from " + (int) FIRST_RATE
                + "/s, " + stepMillis + " ms each, until " + FAILURES_TO_STOP + " steps in a row fail, then "
                + run.scaled(REFINEMENTS, 0) + " steps halving the gap above the highest pass; a step "
                + "passes only with one-way p99 ≤ 5 ms and no message lost or reordered (any loss or reorder ends "
                + "the search)"));
    }

    /** The JIT compiles the relay path on the server's one CPU: give it time before the first search. */
    private static void warmUpOnce(Streams streams, int run, long stepMillis, Run progress) {
        if (run > 0) {
            return;
        }
        progress.progress("warming up");
        for (int w = 0; w < progress.scaled(4, 2); w++) {
            streams.run(FIRST_RATE * 2, stepMillis);
        }
    }

    /**
     * Steps the rate up until {@value #FAILURES_TO_STOP} steps in a row fail; returns the highest
     * passing rate (0 if none passed). One failed step alone does not end the search: on a shared
     * machine a single descheduled moment can push one step's p99 over the bound at any rate.
     * A lost or reordered message is never excused: it ends the search at once. Then
     * {@code refinements} steps bisect (geometrically) between the highest pass and the first
     * failure above it.
     */
    private static double highestRate(Streams streams, long stepMillis, double maxRate, int refinements, Run run,
                                      String label) {
        double passed = 0;
        double failedAbove = 0;
        int failedInARow = 0;
        boolean intact = true;
        for (double rate = FIRST_RATE; rate <= maxRate && failedInARow < FAILURES_TO_STOP; rate *= STEP) {
            Streams.Step step = step(streams, rate, stepMillis, run, label);
            boolean ok = passes(step);
            intact = step.intact();
            failedInARow = ok ? 0 : intact ? failedInARow + 1 : FAILURES_TO_STOP;
            if (ok) {
                passed = rate;
                failedAbove = 0;
            } else if (failedAbove == 0) {
                failedAbove = rate;
            }
        }
        for (int i = 0; i < refinements && intact && passed > 0 && failedAbove > passed; i++) {
            double rate = Math.sqrt(passed * failedAbove);
            Streams.Step step = step(streams, rate, stepMillis, run, label + " (refining)");
            intact = step.intact();
            if (passes(step)) {
                passed = rate;
            } else {
                failedAbove = rate;
            }
        }
        return passed;
    }

    private static boolean passes(Streams.Step step) {
        return step.intact() && step.p99Micros() <= BOUND_MICROS;
    }

    private static Streams.Step step(Streams streams, double rate, long stepMillis, Run run, String label) {
        Streams.Step step = streams.run(rate, stepMillis);
        run.progress(String.format(Locale.ROOT, "%s %.0f msg/s: p99 %.0f µs, %d/%d arrived, %d out of order%s",
                label, rate, step.p99Micros(), step.received(), step.sent(), step.outOfOrder(),
                passes(step) ? "" : step.intact() ? " -> over the bound" : " -> lost or reordered: stop"));
        return step;
    }

    /** {@code pairs} sessions, each with a therapist and an admitted client: two streams per pair. */
    private static List<Streams.Stream> alcovePairs(Sockets sockets, Practice practice, int pairs, List<BenchSocket> open) {
        List<Streams.Stream> streams = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            Api.Booking booking = practice.book(1);
            BenchSocket therapist = sockets.connect(practice.uri());
            BenchSocket client = sockets.connect(practice.uri());
            open.add(therapist);
            open.add(client);
            String therapistId = RelayLatency.joinAdmitted(therapist, client, booking);
            streams.add(new Streams.Stream(therapist, booking.clientIds().get(0), client));
            streams.add(new Streams.Stream(client, therapistId, therapist));
        }
        return streams;
    }

    private static List<Streams.Stream> echoSockets(Sockets sockets, URI echo, int count, List<BenchSocket> open) {
        List<Streams.Stream> streams = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BenchSocket socket = sockets.connect(echo);
            open.add(socket);
            streams.add(new Streams.Stream(socket, "p_echo", socket));
        }
        return streams;
    }
}
