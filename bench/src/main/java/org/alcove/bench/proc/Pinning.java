package org.alcove.bench.proc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which CPU a process runs on. With {@code taskset} and at least two CPUs, the measured server
 * (Alcove or the echo baseline) gets CPU 0 and the load generator CPU 1, so they do not steal
 * each other's time; otherwise nothing is pinned and the report says so.
 */
public record Pinning(Path taskset, int cpus) {
    public static final int SERVER_CPU = 0;
    public static final int LOAD_CPU = 1;

    public static Pinning detect() {
        int cpus = Runtime.getRuntime().availableProcessors();
        for (String candidate : List.of("/usr/bin/taskset", "/bin/taskset")) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return new Pinning(path, cpus);
            }
        }
        return new Pinning(null, cpus);
    }

    /**
     * Pinning needs taskset and two CPUs. {@code cpus} is what this JVM sees: the launcher pins the
     * harness itself to CPU 1, so the machine's count comes from {@code /sys} when it can.
     */
    public boolean available() {
        return taskset != null && machineCpus() >= 2;
    }

    /** The command prefix that runs a server on {@link #SERVER_CPU}, or nothing. */
    public List<String> serverPrefix() {
        return available() ? List.of(taskset.toString(), "-c", Integer.toString(SERVER_CPU)) : List.of();
    }

    /** The command prefix that lets a process (and its children) run on every CPU again, or nothing. */
    public List<String> everyCpuPrefix() {
        return available() ? List.of(taskset.toString(), "-c", "0-" + (machineCpus() - 1)) : List.of();
    }

    /** The command prefix that runs a load-generator process on {@link #LOAD_CPU}, or nothing. */
    public List<String> loadPrefix() {
        return available() ? List.of(taskset.toString(), "-c", Integer.toString(LOAD_CPU)) : List.of();
    }

    public String describe() {
        return available()
                ? "server and baseline on CPU " + SERVER_CPU + ", load generator on CPU " + LOAD_CPU + " (taskset)"
                : "not pinned (taskset or a second CPU missing)";
    }

    private int machineCpus() {
        try {
            String online = Files.readString(Path.of("/sys/devices/system/cpu/online")).trim();
            int count = 0;
            for (String range : online.split(",")) {
                String[] ends = range.split("-");
                count += ends.length == 1 ? 1 : Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1;
            }
            return count;
        } catch (Exception e) {
            return cpus;
        }
    }
}
