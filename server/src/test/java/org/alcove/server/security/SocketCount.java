package org.alcove.server.security;

import java.time.Duration;

/** The server's own count of open sockets (joined or not), read from its {@code /metrics}. */
final class SocketCount {
    private static final Duration SETTLE = Duration.ofSeconds(20);

    private SocketCount() {
    }

    /** Every {@code alcove_sockets_open} series (one per role, and unauthenticated) added up. */
    static int open(Arena arena) {
        String metrics = arena.api().send("GET", "/metrics", null, null).body();
        double total = metrics.lines().filter(line -> line.startsWith("alcove_sockets_open{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        return (int) total;
    }

    /** Waits (bounded) until the count is {@code expected}, since closes are processed asynchronously; returns the last count. */
    static int awaitOpen(Arena arena, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        int count = open(arena);
        while (count != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            count = open(arena);
        }
        return count;
    }
}
