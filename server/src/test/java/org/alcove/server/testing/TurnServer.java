package org.alcove.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real coturn {@code turnserver} (Debian package {@code coturn}, installed by
 * {@code ./alcove test}) as a child process on loopback, in TURN REST API mode
 * ({@code use-auth-secret}) with the given secret: UDP and TCP on a free port, relay ports from
 * a random range, loopback peers allowed (so two processes on this machine can be relayed to each
 * other), no TLS, no CLI, no configuration file and its database in a temp dir. Its log is kept
 * for assertions and failure messages. Close it, or the process outlives the test.
 */
public final class TurnServer implements AutoCloseable {
    /** Where Debian installs it; override with ALCOVE_TURNSERVER. */
    public static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("ALCOVE_TURNSERVER", "/usr/bin/turnserver"));
    private static final Duration STARTUP = Duration.ofSeconds(15);
    private static final int RELAY_PORTS = 200;

    private final Process process;
    private final int port;
    private final Path dir;
    private final List<String> log = new CopyOnWriteArrayList<>();

    private TurnServer(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    public static TurnServer start(String secret) {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException(EXECUTABLE + " not found: install Debian's coturn (./alcove test does)");
        }
        try {
            Path dir = Files.createTempDirectory("alcove-turn-");
            int port = freePort();
            int minRelay = 20_000 + ThreadLocalRandom.current().nextInt(20_000);
            List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "-n", "-v",
                    "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", "--listening-port=" + port,
                    "--min-port=" + minRelay, "--max-port=" + (minRelay + RELAY_PORTS - 1),
                    "--use-auth-secret", "--static-auth-secret=" + secret, "--realm=alcove.test",
                    "--allow-loopback-peers", "--no-cli", "--no-tls", "--no-dtls", "--fingerprint",
                    "--no-software-attribute", "--log-file=stdout", "--simple-log",
                    "--userdb=" + dir.resolve("turndb"), "--pidfile=" + dir.resolve("turnserver.pid")));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            TurnServer turn = new TurnServer(process, port, dir);
            turn.readLog();
            turn.awaitListening();
            return turn;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start turnserver", e);
        }
    }

    /** {@code turn:127.0.0.1:<port>?transport=udp}. */
    public String udpUrl() {
        return "turn:127.0.0.1:" + port + "?transport=udp";
    }

    /** What the server logged so far. */
    public List<String> log() {
        return List.copyOf(log);
    }

    /** Whether some log line contains {@code text}. */
    public boolean logged(String text) {
        return log.stream().anyMatch(line -> line.contains(text));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A temp dir left behind is harmless.
        }
    }

    private void readLog() {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    log.add(line);
                }
            } catch (IOException e) {
                // The process ended.
            }
        }, "turnserver-log");
        reader.setDaemon(true);
        reader.start();
    }

    private void awaitListening() {
        String ready = "UDP listener opened on: 127.0.0.1:" + port;
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!logged(ready)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("turnserver did not start listening on UDP " + port + ":\n"
                        + String.join("\n", log));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while starting turnserver", e);
            }
        }
    }

    /** A port free for both UDP and TCP on loopback right now (coturn listens on both). */
    private static int freePort() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 20; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(0, loopback)) {
                int port = udp.getLocalPort();
                try (ServerSocket tcp = new ServerSocket(port, 1, loopback)) {
                    return port;
                } catch (IOException taken) {
                    // Try another.
                }
            }
        }
        throw new IOException("no port free for both UDP and TCP");
    }
}
