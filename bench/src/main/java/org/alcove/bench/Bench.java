package org.alcove.bench;

import org.alcove.bench.proc.Launcher;
import org.alcove.bench.proc.Pinning;
import org.alcove.bench.report.Report;
import org.alcove.bench.scenario.Run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./alcove bench [--quick] [--only NAME]}: starts Alcove and the echo baseline as their own
 * processes, runs the scenarios, prints the table and writes it to {@code bench/results/}. Exit
 * codes: 0 when the run completed (whatever the speed verdicts), 1 when the harness failed,
 * 2 for a bad command line. Speed never fails the exit code: CI runs {@code --quick} as a smoke test.
 */
public final class Bench {
    static final String USAGE = """
            Usage: ./alcove bench [--quick] [--only NAME]
              --quick      fewer and shorter runs (under a minute; numbers are rough)
              --only NAME  run one scenario: %s
            Results: bench/results/latest.{md,json} after a full run of every scenario,
            bench/results/quick.* or only-NAME.* otherwise. ALCOVE_JAVA_OPTS applies to both servers.""";

    private Bench() {
    }

    public static void main(String[] args) {
        boolean quick = false;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> only = i + 1 < args.length ? args[++i] : "";
                case "--help", "-h" -> {
                    System.out.println(usage());
                    return;
                }
                default -> {
                    System.err.println("bench: unknown option " + args[i] + "\n" + usage());
                    System.exit(2);
                }
            }
        }
        if (only != null && !Scenarios.names().contains(only)) {
            System.err.println("bench: unknown scenario '" + only + "'\n" + usage());
            System.exit(2);
        }
        try {
            run(quick, only);
        } catch (RuntimeException e) {
            System.err.println("bench: failed: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(boolean quick, String only) {
        Pinning pinning = Pinning.detect();
        List<String> jvmOptions = jvmOptions();
        Path runDir = tempDir();
        Launcher launcher = new Launcher(Path.of(System.getProperty("alcove.server.jar", "server/target/alcove-server.jar")),
                System.getProperty("java.class.path"), jvmOptions, pinning, runDir);
        Report report = new Report();
        report.describe("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        report.describe("mode", (quick ? "quick" : "full") + (only == null ? "" : ", only " + only));
        report.describe("machine", Runtime.getRuntime().availableProcessors() + " CPU visible to the load generator, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version"));
        report.describe("pinning", pinning.describe());
        report.describe("server JVM options", jvmOptions.isEmpty() ? "(none: JVM defaults)" : String.join(" ", jvmOptions));
        String shared = System.getenv("ALCOVE_BENCH_NOTE");
        if (shared != null && !shared.isBlank()) {
            report.describe("note", shared);
        }
        System.out.println("bench: " + pinning.describe() + "; logs in " + runDir);
        Run run = new Run(quick, launcher, report);
        boolean ok = false;
        try {
            Scenarios.run(run, only);
            ok = true;
        } finally {
            run.close();
            if (ok) {
                run.clean();
            } else {
                System.err.println("bench: server logs kept in " + runDir);
            }
        }
        System.out.println();
        System.out.print(report.text());
        write(report, only == null ? (quick ? "quick" : "latest") : "only-" + only);
    }

    private static List<String> jvmOptions() {
        String opts = System.getenv("ALCOVE_JAVA_OPTS");
        return opts == null || opts.isBlank() ? List.of() : Arrays.asList(opts.trim().split("\\s+"));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("alcove-bench-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temp directory", e);
        }
    }

    private static void write(Report report, String name) {
        Path dir = Path.of("bench", "results");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".md"), report.markdown());
            Files.writeString(dir.resolve(name + ".json"), report.json());
            System.out.println("\nwritten: " + dir.resolve(name + ".md") + ", " + dir.resolve(name + ".json"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write results to " + dir, e);
        }
    }

    private static String usage() {
        return USAGE.formatted(String.join(", ", Scenarios.names()));
    }
}
