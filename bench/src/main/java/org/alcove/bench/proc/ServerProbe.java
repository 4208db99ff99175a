package org.alcove.bench.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a server process holds and spends, read from outside it: live heap from
 * {@code jcmd <pid> GC.class_histogram} (which runs a full collection first and counts only what
 * is still reachable, whatever the collector), resident memory from {@code /proc/<pid>/status}
 * and CPU time from {@code /proc/<pid>/stat}. Linux only; the parsing is static for the tests.
 */
public final class ServerProbe {
    private static final long COMMAND_TIMEOUT_SECONDS = 60;
    private static final long FALLBACK_TICKS_PER_SECOND = 100;

    private final long pid;
    private final long ticksPerSecond;

    public ServerProbe(long pid) {
        this.pid = pid;
        this.ticksPerSecond = clockTicks();
    }

    /** A live-object histogram after a full GC: total bytes and bytes per class. */
    public record Histogram(long totalBytes, Map<String, Long> bytesByClass) {
    }

    /** Runs a full GC in the process and returns what is still live. */
    public Histogram liveHeap() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        // jcmd is itself a JVM: the client compiler starts it faster.
        String output = run(List.of(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", "-J-XX:TieredStopAtLevel=1",
                Long.toString(pid), "GC.class_histogram"));
        return histogram(output);
    }

    /** Resident set size in bytes. */
    public long residentBytes() {
        return residentKilobytes(read("status")) * 1024;
    }

    /** CPU time (user + system, every thread) in nanoseconds. */
    public long cpuNanos() {
        return cpuTicks(read("stat")) * 1_000_000_000L / ticksPerSecond;
    }

    /** {@code VmRSS} of a {@code /proc/<pid>/status} text, in kB. */
    static long residentKilobytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] fields = line.substring("VmRSS:".length()).trim().split("\\s+");
                if (fields.length == 2 && fields[1].equals("kB")) {
                    return Long.parseLong(fields[0]);
                }
            }
        }
        throw new IllegalStateException("no VmRSS line in kB in /proc status");
    }

    /**
     * utime + stime (fields 14 and 15) of a {@code /proc/<pid>/stat} line, in clock ticks. The
     * command name (field 2) is in parentheses and may hold spaces and parentheses itself, so
     * fields are counted from the last ')'.
     */
    static long cpuTicks(String stat) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalStateException("not a /proc stat line");
        }
        String[] fields = stat.substring(end + 1).trim().split("\\s+");
        // fields[0] is field 3 (state), so field n is fields[n - 3].
        if (fields.length < 13) {
            throw new IllegalStateException("a /proc stat line with too few fields");
        }
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Parses {@code jcmd GC.class_histogram}: the {@code Total} line and one line per class. */
    static Histogram histogram(String output) {
        Long total = null;
        Map<String, Long> byClass = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 3 && fields[0].equals("Total")) {
                total = Long.parseLong(fields[2]);
            } else if (fields.length >= 4 && fields[0].endsWith(":") && fields[0].matches("\\d+:")) {
                byClass.merge(fields[3], Long.parseLong(fields[2]), Long::sum);
            }
        }
        if (total == null) {
            throw new IllegalStateException("no Total line in the class histogram");
        }
        return new Histogram(total, byClass);
    }

    private String read(String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/" + file, e);
        }
    }

    private static long clockTicks() {
        try {
            return Long.parseLong(run(List.of("getconf", "CLK_TCK")).trim());
        } catch (RuntimeException e) {
            return FALLBACK_TICKS_PER_SECOND;
        }
    }

    /** Runs a short command, bounded in time: its output goes to a file, so a hung command cannot block a read. */
    private static String run(List<String> command) {
        Path output = null;
        try {
            output = Files.createTempFile("alcove-probe-", ".txt");
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within " + COMMAND_TIMEOUT_SECONDS + " s");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                        + ": " + String.join(" / ", text.lines().limit(3).toList()));
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }
}
