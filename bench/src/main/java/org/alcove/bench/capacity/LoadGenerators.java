package org.alcove.bench.capacity;

import org.alcove.bench.proc.JavaProcess;
import org.alcove.bench.scenario.Run;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The harness's side of the idle-capacity load generators: several child JVMs
 * ({@code org.alcove.bench.idle.LoadGenerator}), each on its own 127.0.0.x source addresses,
 * told on stdin how many participants to hold and asked for their counts; stopped by closing
 * their stdin (they close their sockets and exit), then as any process the harness started.
 */
final class LoadGenerators implements AutoCloseable {
    private static final long READY_MILLIS = 60_000;
    private static final long EXIT_MILLIS = 15_000;
    /** The first source address is 127.0.0.{@value}; the server listens on 127.0.0.1. */
    private static final int FIRST_ADDRESS = 10;

    /** How the load is spread: processes, source addresses per process, the ping interval, joins in flight per process. */
    record Layout(int processes, int addressesPerProcess, long pingMillis, int concurrency) {
    }

    /** A step's outcome over all processes. */
    record Growth(int held, int failed, long millis, String firstError) {
    }

    /** Counts over all processes. */
    record Stats(int open, long pings, long replies) {
    }

    private final List<JavaProcess> processes = new ArrayList<>();
    private final int unit;
    private int commands;

    private LoadGenerators(int unit) {
        this.unit = unit;
    }

    /**
     * Starts {@code layout.processes()} load generators against {@code server}: on Alcove
     * ({@code seatFiles}, one per process) or, with {@code seatFiles} null, on the echo server.
     */
    static LoadGenerators start(Run run, String label, URI server, List<Path> seatFiles, Layout layout, long maxSeconds) {
        LoadGenerators generators = new LoadGenerators(seatFiles == null ? 1 : 2);
        try {
            for (int p = 0; p < layout.processes(); p++) {
                List<String> args = new ArrayList<>(List.of("--server", server.toString(),
                        "--target", seatFiles == null ? "echo" : "alcove",
                        "--bind", String.join(",", addresses(p, layout.addressesPerProcess())),
                        "--ping-millis", Long.toString(layout.pingMillis()),
                        "--concurrency", Integer.toString(layout.concurrency()),
                        "--max-seconds", Long.toString(maxSeconds)));
                if (seatFiles != null) {
                    args.addAll(List.of("--seats", seatFiles.get(p).toString()));
                }
                generators.processes.add(run.launcher().loadGenerator(label + "-load-" + p, args));
            }
            for (JavaProcess process : generators.processes) {
                process.awaitLine("ready", READY_MILLIS);
            }
            return generators;
        } catch (RuntimeException e) {
            generators.close();
            throw e;
        }
    }

    /** The source addresses of process {@code p}: 127.0.0.10 and up, none shared between processes. */
    static List<String> addresses(int p, int perProcess) {
        List<String> addresses = new ArrayList<>();
        for (int a = 0; a < perProcess; a++) {
            addresses.add("127.0.0." + (FIRST_ADDRESS + p * perProcess + a));
        }
        return addresses;
    }

    /**
     * How many participants each of {@code processes} holds when {@code total} are held in all:
     * as even as whole units allow ({@code unit} 2 on Alcove, where a session's pair stays in one
     * process), the first processes taking one unit more.
     */
    static int[] shares(int total, int processes, int unit) {
        int units = total / unit;
        int[] shares = new int[processes];
        for (int p = 0; p < processes; p++) {
            shares[p] = (units / processes + (p < units % processes ? 1 : 0)) * unit;
        }
        return shares;
    }

    /** Grows every process to its share of {@code total}, all at once; at most {@code seconds}. */
    Growth hold(int total, long seconds) {
        int id = ++commands;
        int[] shares = shares(total, processes.size(), unit);
        for (int p = 0; p < processes.size(); p++) {
            processes.get(p).tell("hold " + id + " " + shares[p] + " " + seconds);
        }
        int held = 0;
        int failed = 0;
        long millis = 0;
        String firstError = null;
        for (JavaProcess process : processes) {
            String[] words = process.awaitLine("held " + id + " ", (seconds + 60) * 1000).split(" ", 6);
            held += Integer.parseInt(words[2]);
            failed += Integer.parseInt(words[3]);
            millis = Math.max(millis, Long.parseLong(words[4]));
            if (firstError == null && !words[5].equals("-")) {
                firstError = words[5];
            }
        }
        return new Growth(held, failed, millis, firstError);
    }

    Stats stats() {
        int id = ++commands;
        processes.forEach(process -> process.tell("stats " + id));
        int open = 0;
        long pings = 0;
        long replies = 0;
        for (JavaProcess process : processes) {
            String[] words = process.awaitLine("stats " + id + " ", 30_000).split(" ");
            open += Integer.parseInt(words[2]);
            pings += Long.parseLong(words[3]);
            replies += Long.parseLong(words[4]);
        }
        return new Stats(open, pings, replies);
    }

    /** Closes their stdin (each closes its sockets and exits), waits a bounded time, then stops what is left. */
    @Override
    public void close() {
        processes.forEach(JavaProcess::closeInput);
        long deadline = System.currentTimeMillis() + EXIT_MILLIS;
        for (JavaProcess process : processes) {
            process.awaitExit(Math.max(1, deadline - System.currentTimeMillis()));
            process.close();
        }
    }
}
