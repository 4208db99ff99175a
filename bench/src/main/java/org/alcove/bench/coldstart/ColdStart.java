package org.alcove.bench.coldstart;

import org.alcove.bench.client.BenchSocket;
import org.alcove.bench.client.Messages;
import org.alcove.bench.client.Sockets;
import org.alcove.bench.proc.JavaProcess;
import org.alcove.bench.proc.Launcher;
import org.alcove.bench.report.Median;
import org.alcove.bench.report.Row;
import org.alcove.bench.report.Target;
import org.alcove.bench.scenario.Practice;
import org.alcove.bench.scenario.Run;
import org.alcove.bench.scenario.Scenario;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Scenario 6: from spawning the JVM to the first socket Alcove accepts with a valid join token
 * (its {@code welcome}), against the echo jar's spawn to its first completed upgrade. Alcove
 * restarts on the data directory of the run's shared server (database migrated, accounts and
 * sessions booked, signing key written), as a production restart would; the first start is not
 * what an operator waits for after a deploy. Runs last: it stops the shared server. One start of each is a discarded warm-up (it
 * loads the jars into the page cache). Alcove starts as {@code ./alcove serve} starts it (with its
 * class archive when the launcher made one) and, alternated with that, without the archive, so
 * the table shows what the code does and what the archive adds.
 */
public final class ColdStart implements Scenario {
    private static final long MAX_START_MILLIS = 60_000;
    private static final long RETRY_MILLIS = 5;
    private static final Duration WELCOME_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public String name() {
        return "cold-start";
    }

    @Override
    public void run(Run run) {
        Launcher launcher = run.launcher();
        run.progress("stopping the shared Alcove server: its data directory is the prepared one");
        Run.Prepared prepared = run.releasePractice();
        Path data = prepared.dataDir();
        String token = prepared.therapistToken();
        Sockets sockets = run.sockets();
        boolean archived = launcher.classArchive().isPresent();
        if (!run.quick()) {
            run.progress("warm-up starts");
            timeAlcove(launcher, sockets, data, token, "cold-start-warmup", true);
            timeEcho(launcher, sockets, "echo-cold-warmup");
        }
        int runs = run.runs();
        run.progress("measuring " + runs + " starts of each" + (archived ? " (Alcove with and without its class archive)"
                : " (no class archive: Alcove starts without one)"));
        Starts alcove = new Starts();
        Starts bare = new Starts();
        Starts echo = new Starts();
        for (int i = 0; i < runs; i++) {
            alcove.add(timeAlcove(launcher, sockets, data, token, "cold-start-" + i, true));
            if (archived) {
                bare.add(timeAlcove(launcher, sockets, data, token, "cold-start-no-archive-" + i, false));
            }
            echo.add(timeEcho(launcher, sockets, "echo-cold-" + i));
        }
        String how = "Alcove: JVM spawn to the welcome of a therapist's join on a restart (data dir prepared by an "
                + "earlier start); echo: spawn to the first completed upgrade; one discarded warm-up each; ";
        run.report().add(new Row("6 cold start", "spawn to first accepted socket", "ms", Median.of(alcove.millis),
                Median.of(echo.millis), Target.atMost(1.15), runs, how + (archived
                ? "Alcove started as ./alcove serve starts it, with its AppCDS class archive; the echo jar without one"
                : "no class archive was present, so Alcove started without one, like the echo jar")));
        if (archived) {
            run.report().add(new Row("6 cold start", "of which: the same without the class archive", "ms",
                    Median.of(bare.millis), Median.of(echo.millis), null, runs,
                    "Alcove started with plain java -jar (no -XX:SharedArchiveFile), alternated with the runs above: "
                            + "what the code does without the archive"));
        }
        if (!alcove.cpuMillis.isEmpty() && !echo.cpuMillis.isEmpty()) {
            run.report().add(new Row("6 cold start", "server CPU to first accepted socket", "ms",
                    Median.of(alcove.cpuMillis), Median.of(echo.cpuMillis), null, runs, "CPU time (all threads, JIT "
                    + "and GC included) of the server process at that moment, as the OS reports it: less sensitive "
                    + "than wall time to other load on the machine"));
        }
    }

    /** Wall and CPU milliseconds of each measured start. */
    private static final class Starts {
        final List<Double> millis = new ArrayList<>();
        final List<Double> cpuMillis = new ArrayList<>();

        void add(double[] start) {
            millis.add(start[0]);
            if (start[1] >= 0) {
                cpuMillis.add(start[1]);
            }
        }
    }

    private static double[] timeAlcove(Launcher launcher, Sockets sockets, Path data, String token, String name,
                                       boolean withArchive) {
        int port = launcher.freePort();
        try (JavaProcess process = launcher.startAlcove(name, data, port, Practice.environment(), withArchive)) {
            return firstSuccess(process, sockets, port, socket -> {
                socket.send(Messages.auth(token));
                socket.nextOfType("welcome", WELCOME_TIMEOUT);
                return true;
            });
        }
    }

    private static double[] timeEcho(Launcher launcher, Sockets sockets, String name) {
        int port = launcher.freePort();
        try (JavaProcess process = launcher.startEcho(name, port)) {
            return firstSuccess(process, sockets, port, socket -> true);
        }
    }

    /**
     * Milliseconds from the spawn until a socket connects and {@code accepted} holds for it,
     * retrying every {@value #RETRY_MILLIS} ms while nothing listens yet, and the process's CPU
     * milliseconds by then (-1 where the OS does not say).
     */
    private static double[] firstSuccess(JavaProcess process, Sockets sockets, int port, Predicate<BenchSocket> accepted) {
        URI uri = URI.create("http://127.0.0.1:" + port);
        long deadline = process.startedAt() + TimeUnit.MILLISECONDS.toNanos(MAX_START_MILLIS);
        while (System.nanoTime() < deadline) {
            if (!process.alive()) {
                throw process.failure("exited during the cold start");
            }
            BenchSocket socket;
            try {
                socket = sockets.open(uri).get(MAX_START_MILLIS, TimeUnit.MILLISECONDS);
            } catch (Exception notYet) {
                pause();
                continue;
            }
            try {
                if (accepted.test(socket)) {
                    double millis = (System.nanoTime() - process.startedAt()) / 1e6;
                    long cpu = process.cpuNanos();
                    return new double[] {millis, cpu < 0 ? -1 : cpu / 1e6};
                }
            } finally {
                socket.close();
            }
        }
        throw process.failure("accepted no socket within " + MAX_START_MILLIS + " ms");
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
