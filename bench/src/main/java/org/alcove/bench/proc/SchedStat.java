package org.alcove.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A process's CPU time to the nanosecond, from Linux's per-thread scheduler statistics
 * ({@code /proc/PID/task/TID/schedstat}, first field: time spent running). The usual figure
 * ({@code /proc/PID/stat}, what {@link JavaProcess#cpuNanos()} reads) counts in 10 ms ticks,
 * too coarse for the few milliseconds a browser call's setup costs the server. Threads that
 * ended between two readings take their time with them, so a difference is a slight undercount.
 */
public final class SchedStat {
    private SchedStat() {
    }

    /** Nanoseconds the process's live threads have run, or -1 where the kernel does not tell. */
    public static long cpuNanos(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long total = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                total += running(thread.resolve("schedstat"));
            }
        } catch (IOException e) {
            return -1;
        }
        return total;
    }

    /** The first field of one thread's schedstat line; 0 for a thread that just ended. */
    static long running(Path schedstat) {
        try {
            return parse(Files.readString(schedstat).trim());
        } catch (IOException ended) {
            // A thread that exited meanwhile: no such file, or ESRCH while reading.
            return 0;
        }
    }

    /** {@code "291325 1447876 4"}: run time, wait time (ns), time slices. */
    static long parse(String line) {
        int space = line.indexOf(' ');
        return Long.parseLong(space < 0 ? line : line.substring(0, space));
    }
}
