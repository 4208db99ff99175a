package org.alcove.bench.join;

import org.alcove.bench.client.Api;
import org.alcove.bench.client.BenchSocket;
import org.alcove.bench.client.Messages;
import org.alcove.bench.client.Sockets;
import org.alcove.bench.relay.PingPong;
import org.alcove.bench.relay.RelayLatency;
import org.alcove.bench.report.Median;
import org.alcove.bench.report.Row;
import org.alcove.bench.report.Target;
import org.alcove.bench.scenario.Practice;
import org.alcove.bench.scenario.Run;
import org.alcove.bench.scenario.Scenario;
import org.alcove.bench.stats.Latencies;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Scenario 4. Join latency: from opening a client's socket, through {@code auth} and entering the
 * waiting room, to the therapist receiving the {@code waiting-list} that shows the client, while
 * a background load joins and leaves other sessions at a fixed rate; the baseline is the echo
 * round trip of one message while the same rate of bare upgrades hits the echo server. Join rate:
 * joins (with leave) that a few concurrent clients sustain back to back, against bare upgrades
 * (with close) on the echo server.
 */
public final class JoinLatency implements Scenario {
    private static final int MAX_IN_FLIGHT = 256;
    private static final int CONCURRENCY = 8;

    @Override
    public String name() {
        return "join";
    }

    @Override
    public void run(Run run) {
        Sockets sockets = run.sockets();
        run.progress("starting Alcove and the echo server, booking");
        Practice practice = run.practice();
        URI echo = run.echo().uri();
        List<Api.Booking> background = new ArrayList<>();
        for (int i = 0; i < run.scaled(40, 6); i++) {
            background.add(practice.book(5));
        }
        Joins joins = new Joins(sockets, practice.uri(), background);
        Api.Booking measured = practice.book(5);
        BenchSocket therapist = Joins.stay(sockets, practice.uri(), measured.therapistToken());
        JoinSamples.WaitingWatch watch = new JoinSamples.WaitingWatch();
        therapist.handler(watch::received);
        BenchSocket echoSocket = sockets.connect(echo);
        PingPong echoRoundTrip = PingPong.single(echoSocket,
                Messages.negotiation("offer", "p_echo", 1, 0, RelayLatency.MESSAGE_BYTES));

        double rate = run.scaled(500, 100);
        long window = run.scaled(8_000, 2_000);
        long sustain = run.scaled(5_000, 1_000);
        try {
            run.progress("warming up");
            // Long enough for the JIT to have compiled the join path (the database's, Jetty's and
            // Jackson's code included): with 3 s the compiler threads still took 20-40% of the
            // server's CPU in the measured windows.
            Load.closedLoop(joins::join, CONCURRENCY, run.scaled(15_000, 1_000));
            Load.closedLoop(() -> Joins.upgrade(sockets, echo), CONCURRENCY, run.scaled(3_000, 1_000));
            List<Double> joinP50 = new ArrayList<>();
            List<Double> joinP99 = new ArrayList<>();
            List<Double> echoP50 = new ArrayList<>();
            List<Double> echoP99 = new ArrayList<>();
            List<Double> joinRate = new ArrayList<>();
            List<Double> upgradeRate = new ArrayList<>();
            List<Double> backgroundAlcove = new ArrayList<>();
            List<Double> backgroundEcho = new ArrayList<>();
            List<Double> upgradeP50 = new ArrayList<>();
            List<Double> joinCpu = new ArrayList<>();
            List<Double> upgradeCpu = new ArrayList<>();
            long missedAlcove = 0;
            long missedEcho = 0;
            run.progress("measuring");
            for (int i = 0; i < run.runs(); i++) {
                Latencies alcove = new Latencies();
                Load.Outcome loadA = during(() -> Load.openLoop(joins::join, rate, window, MAX_IN_FLIGHT),
                        () -> JoinSamples.joins(sockets, practice.uri(), measured, watch, alcove, window));
                joinP50.add(alcove.micros(50));
                joinP99.add(alcove.micros(99));
                backgroundAlcove.add(loadA.rate());
                missedAlcove += loadA.failed() + loadA.skipped();
                Latencies bare = new Latencies();
                Latencies upgrade = new Latencies();
                Load.Outcome loadE = during(() -> Load.openLoop(() -> Joins.upgrade(sockets, echo), rate, window, MAX_IN_FLIGHT),
                        () -> echoRoundTrip.run(Long.MAX_VALUE, window - 500, bare),
                        () -> JoinSamples.upgrades(sockets, echo, upgrade, window));
                upgradeP50.add(upgrade.micros(50));
                echoP50.add(bare.micros(50));
                echoP99.add(bare.micros(99));
                backgroundEcho.add(loadE.rate());
                missedEcho += loadE.failed() + loadE.skipped();
                long cpuBefore = practice.server().process().cpuNanos();
                Load.Outcome sustained = checked(Load.closedLoop(joins::join, CONCURRENCY, sustain));
                joinRate.add(sustained.rate());
                joinCpu.add((practice.server().process().cpuNanos() - cpuBefore) / 1e3 / sustained.completed());
                cpuBefore = run.echo().process().cpuNanos();
                Load.Outcome upgrades = checked(Load.closedLoop(() -> Joins.upgrade(sockets, echo), CONCURRENCY, sustain));
                upgradeRate.add(upgrades.rate());
                upgradeCpu.add((run.echo().process().cpuNanos() - cpuBefore) / 1e3 / upgrades.completed());
            }
            String perSecond = String.format(Locale.ROOT, "%.0f", rate);
            run.report().add(new Row("4 join", "join latency p50", "µs", Median.of(joinP50), Median.of(echoP50),
                    Target.atMost(10), run.runs(), "socket open + auth + waiting room until the therapist's "
                    + "waiting-list shows the client, with " + perSecond + " joins/s (join + leave) in the "
                    + "background; baseline: one echo round trip (" + RelayLatency.MESSAGE_BYTES + " B) with "
                    + perSecond + " bare upgrades/s in the background"));
            run.report().add(new Row("4 join", "join latency p99", "µs", Median.of(joinP99), Median.of(echoP99),
                    Target.atMost(50), run.runs(), null));
            run.report().add(new Row("4 join", "of which: bare upgrade p50 (echo)", "µs", Median.of(upgradeP50), null,
                    null, run.runs(), "socket open until the upgrade completed, on the echo server under the same "
                    + "background: the part of a join that is the load generator's connect and Jetty's upgrade"));
            run.report().add(new Row("4 join", "background rate achieved", "/s", Median.of(backgroundAlcove),
                    Median.of(backgroundEcho), null, run.runs(), "the open-loop background rate each server kept "
                    + "up with (asked: " + perSecond + "/s; over all runs " + missedAlcove + " Alcove joins and "
                    + missedEcho + " echo upgrades failed, timed out or could not start because "
                    + MAX_IN_FLIGHT + " were in flight or every link was busy)"));
            run.report().add(new Row("4 join", "sustained join rate", "/s", Median.of(joinRate), Median.of(upgradeRate),
                    Target.atLeast(0.9), run.runs(), CONCURRENCY + " clients back to back: Alcove join + leave "
                    + "(auth, welcome, leave, server close) against a bare echo upgrade + close"));
            run.report().add(new Row("4 join", "server CPU per join", "µs", Median.of(joinCpu), Median.of(upgradeCpu),
                    null, run.runs(), "CPU time of the server process (all threads) during the sustained loop over "
                    + "the joins it completed, against the echo server's per bare upgrade + close: what one join costs a core"));
        } finally {
            therapist.close();
            echoSocket.close();
        }
    }

    /** A failed operation is a harness or server error, never a speed result. */
    private static Load.Outcome checked(Load.Outcome outcome) {
        if (outcome.failed() > 0) {
            throw new IllegalStateException(outcome.failed() + " of " + (outcome.failed() + outcome.completed())
                    + " joins or upgrades failed");
        }
        return outcome;
    }

    /** Runs {@code foreground} on its own thread while {@code load} runs here; returns the load's outcome. */
    private static Load.Outcome during(Supplier<Load.Outcome> load, Runnable... foreground) {
        List<CompletableFuture<Void>> measured = new ArrayList<>();
        for (Runnable task : foreground) {
            measured.add(CompletableFuture.runAsync(task, runnable -> {
                Thread thread = new Thread(runnable, "bench-foreground");
                thread.setDaemon(true);
                thread.start();
            }));
        }
        Load.Outcome outcome = load.get();
        try {
            CompletableFuture.allOf(measured.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("foreground measurement failed", e);
        }
        return outcome;
    }
}
