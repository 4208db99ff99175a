package org.alcove.bench.proc;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every process the harness started, so that a shutdown hook can stop whatever is still running
 * when the harness is interrupted or fails. Stopping takes the whole tree (taskset execs the JVM,
 * but a wrapper could fork): TERM first, KILL after a bounded wait.
 */
public final class Processes {
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final long TERM_WAIT_MILLIS = 5_000;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Processes::stopAll, "bench-stop-processes"));
    }

    private Processes() {
    }

    static void track(Process process) {
        RUNNING.add(process);
    }

    /** Stops {@code process} and its descendants; returns once they are gone (or were killed). */
    public static void stop(Process process) {
        if (process == null) {
            return;
        }
        var children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(TERM_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(TERM_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            children.forEach(ProcessHandle::destroyForcibly);
            RUNNING.remove(process);
        }
    }

    static void stopAll() {
        for (Process process : Set.copyOf(RUNNING)) {
            stop(process);
        }
    }
}
