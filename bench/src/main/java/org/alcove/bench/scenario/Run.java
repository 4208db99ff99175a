package org.alcove.bench.scenario;

import org.alcove.bench.client.Sockets;
import org.alcove.bench.proc.Launcher;
import org.alcove.bench.report.Report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What the scenarios of one bench run share: the options, the launcher, the report, and the
 * long-lived servers (one Alcove, one echo) started on first use and stopped by {@link #close()}.
 */
public final class Run implements AutoCloseable {
    private final boolean quick;
    private final Launcher launcher;
    private final Report report;
    private final long started = System.nanoTime();
    private Launcher.Started alcove;
    private Practice practice;
    private Path alcoveData;
    private int alcoveStarts;
    private Launcher.Started echo;
    private Sockets sockets;

    public Run(boolean quick, Launcher launcher, Report report) {
        this.quick = quick;
        this.launcher = launcher;
        this.report = report;
    }

    public boolean quick() {
        return quick;
    }

    /** How many measured runs each scenario makes, per server. */
    public int runs() {
        return quick ? 1 : 5;
    }

    /** {@code full} normally, {@code quick} with --quick. */
    public int scaled(int full, int quick) {
        return this.quick ? quick : full;
    }

    /** A progress line on the terminal, with the seconds since the run started. */
    public void progress(String what) {
        System.out.printf("   %6.1f s  %s%n", (System.nanoTime() - started) / 1e9, what);
    }

    public Report report() {
        return report;
    }

    public Launcher launcher() {
        return launcher;
    }

    public synchronized Practice practice() {
        if (practice == null) {
            alcoveData = newDataDir("alcove-data-" + ++alcoveStarts);
            alcove = launcher.alcove("alcove-" + alcoveStarts, alcoveData, Practice.environment());
            practice = Practice.on(alcove);
        }
        return practice;
    }

    /**
     * Stops the shared Alcove server (starting it first if no scenario did, so that its data
     * directory holds a migrated database, accounts and bookings) and returns that data directory
     * with a therapist's join token for a session booked in it. The next {@link #practice()}
     * starts a fresh server.
     */
    public synchronized Prepared releasePractice() {
        Practice current = practice();
        String token = current.book(1).therapistToken();
        alcove.close();
        alcove = null;
        practice = null;
        return new Prepared(alcoveData, token);
    }

    /** A data directory an earlier start prepared, and a join token valid in it. */
    public record Prepared(Path dataDir, String therapistToken) {
    }

    public synchronized Launcher.Started echo() {
        if (echo == null) {
            echo = launcher.echo("echo");
        }
        return echo;
    }

    public synchronized Sockets sockets() {
        if (sockets == null) {
            sockets = new Sockets();
        }
        return sockets;
    }

    public Path newDataDir(String name) {
        try {
            return Files.createDirectories(launcher.runDir().resolve(name));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + name, e);
        }
    }

    /** Stops the client and both servers, then removes the run directory (data and logs). */
    @Override
    public synchronized void close() {
        if (sockets != null) {
            sockets.close();
        }
        if (alcove != null) {
            alcove.close();
        }
        if (echo != null) {
            echo.close();
        }
    }

    /** Deletes the run directory; called once the run succeeded (a failed run keeps its logs). */
    public void clean() {
        try (Stream<Path> files = Files.walk(launcher.runDir())) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temp directory left behind is harmless.
        }
    }
}
