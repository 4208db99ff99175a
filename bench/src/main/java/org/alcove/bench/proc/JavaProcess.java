package org.alcove.bench.proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the harness starts and stops: pinned with {@link Pinning}, the same JVM options for
 * Alcove and the baseline, stdout and stderr to files in the run directory (read for the
 * "listening" line and shown when something fails). {@link #close()} stops the process tree.
 */
public final class JavaProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final long startedAt;
    private final Path stdout;
    private final Path stderr;

    private JavaProcess(String name, Process process, long startedAt, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.startedAt = startedAt;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts {@code java <jvmOptions> <arguments>}; {@code environment} replaces every
     * {@code ALCOVE_} variable inherited from the harness, so a developer's shell settings cannot
     * change what is measured.
     */
    public static JavaProcess start(String name, Pinning pinning, List<String> jvmOptions, List<String> arguments,
                                    Map<String, String> environment, Path logDir) {
        return start(name, pinning.serverPrefix(), jvmOptions, arguments, environment, logDir);
    }

    /** {@link #start} behind {@code prefix} (a {@code taskset} command, or nothing). */
    public static JavaProcess start(String name, List<String> prefix, List<String> jvmOptions, List<String> arguments,
                                    Map<String, String> environment, Path logDir) {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(key -> key.startsWith("ALCOVE_"));
        builder.environment().putAll(environment);
        Path out = logDir.resolve(name + ".out");
        Path err = logDir.resolve(name + ".err");
        builder.redirectOutput(out.toFile());
        builder.redirectError(err.toFile());
        try {
            long startedAt = System.nanoTime();
            Process process = builder.start();
            Processes.track(process);
            return new JavaProcess(name, process, startedAt, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** {@link System#nanoTime()} just before the process was spawned. */
    public long startedAt() {
        return startedAt;
    }

    /**
     * CPU time the process has used so far (user + system, all threads), in nanoseconds, as the
     * operating system reports it; -1 where it does not.
     */
    public long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** CPU time to the nanosecond (see {@link SchedStat}); -1 where the kernel does not tell. */
    public long preciseCpuNanos() {
        return SchedStat.cpuNanos(process.pid());
    }

    /** The JVM's process id ({@code taskset} execs the JVM, so it keeps the id). */
    public long pid() {
        return process.pid();
    }

    /** Writes one line to the process's stdin (the load generator reads its commands there). */
    public void tell(String line) {
        try {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw failure("did not take the command '" + line + "'");
        }
    }

    /** Closes the process's stdin: a load generator takes that as the signal to close its sockets and exit. */
    public void closeInput() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // Already gone: close() stops it anyway.
        }
    }

    /**
     * Waits up to {@code timeoutMillis} for the process to exit by itself (after {@link #closeInput()});
     * returns whether it did. {@link #close()} stops it either way.
     */
    public boolean awaitExit(long timeoutMillis) {
        try {
            return process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    /**
     * Waits until stdout holds a line starting with {@code prefix} and returns it; fails if the
     * process exits first or {@code timeoutMillis} pass.
     */
    public String awaitLine(String prefix, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (System.nanoTime() < deadline) {
            for (String line : lines(stdout)) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                throw failure("exited with " + process.exitValue() + " before printing '" + prefix + "'");
            }
            pause(20);
        }
        throw failure("did not print '" + prefix + "' within " + timeoutMillis + " ms");
    }

    /** An exception naming the process, with the tail of its stderr for the reader. */
    public IllegalStateException failure(String what) {
        List<String> err = lines(stderr);
        String tail = String.join("\n", err.subList(Math.max(0, err.size() - 20), err.size()));
        return new IllegalStateException(name + " " + what + (tail.isEmpty() ? "" : "\n--- " + name + " stderr ---\n" + tail));
    }

    @Override
    public void close() {
        Processes.stop(process);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
