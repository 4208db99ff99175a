package org.alcove.bench.scenario;

import org.alcove.bench.client.BenchSocket;
import org.alcove.bench.client.Messages;
import org.alcove.bench.client.Sockets;
import org.alcove.bench.proc.JavaProcess;
import org.alcove.bench.proc.Launcher;
import org.alcove.bench.report.Median;
import org.alcove.bench.report.Row;
import org.alcove.bench.report.Target;

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
 * loads the jars into the page cache).
 */
final class ColdStart implements Scenario {
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
        if (!run.quick()) {
            run.progress("warm-up starts");
            timeAlcove(launcher, sockets, data, token, "cold-start-warmup");
            timeEcho(launcher, sockets, "echo-cold-warmup");
        }
        int runs = run.runs();
        run.progress("measuring " + runs + " starts of each");
        List<Double> alcove = new ArrayList<>();
        List<Double> echo = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            alcove.add(timeAlcove(launcher, sockets, data, token, "cold-start-" + i));
            echo.add(timeEcho(launcher, sockets, "echo-cold-" + i));
        }
        run.report().add(new Row("6 cold start", "spawn to first accepted socket", "ms", Median.of(alcove),
                Median.of(echo), Target.atMost(1.15), runs,
                "Alcove: JVM spawn to the welcome of a therapist's join on a restart (data dir prepared by an "
                        + "earlier start); echo: spawn to the first completed upgrade; one discarded warm-up each"));
    }

    private static double timeAlcove(Launcher launcher, Sockets sockets, Path data, String token, String name) {
        int port = launcher.freePort();
        try (JavaProcess process = launcher.startAlcove(name, data, port, Practice.environment())) {
            return firstSuccess(process, sockets, port, socket -> {
                socket.send(Messages.auth(token));
                socket.nextOfType("welcome", WELCOME_TIMEOUT);
                return true;
            });
        }
    }

    private static double timeEcho(Launcher launcher, Sockets sockets, String name) {
        int port = launcher.freePort();
        try (JavaProcess process = launcher.startEcho(name, port)) {
            return firstSuccess(process, sockets, port, socket -> true);
        }
    }

    /**
     * Milliseconds from the spawn until a socket connects and {@code accepted} holds for it,
     * retrying every {@value #RETRY_MILLIS} ms while nothing listens yet.
     */
    private static double firstSuccess(JavaProcess process, Sockets sockets, int port, Predicate<BenchSocket> accepted) {
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
                    return (System.nanoTime() - process.startedAt()) / 1e6;
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
