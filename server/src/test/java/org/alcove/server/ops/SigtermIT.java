package org.alcove.server.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.alcove.server.testing.Api;
import org.alcove.server.testing.SignalingClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged server ({@code target/alcove-server.jar}, built in the package phase before
 * failsafe runs) as an operator runs it: started with JSON logs, sent SIGTERM, and expected to
 * drain, close its sockets with 1001 and exit with 143 within {@code ops.shutdown-timeout}.
 */
// Each test starts the packaged server in a new JVM and allows it 60 s to come up (awaitLine) and
// 15 s per shutdown step; 42 s measured on a loaded machine: past the 60 s default.
@Timeout(180)
class SigtermIT {
    private static final Path JAR = Path.of("target/alcove-server.jar");
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 15;

    private Path data;
    private Process process;
    // Files, not pipes: Process.destroy() closes the pipes, and the drain is logged after it.
    private Path out;
    private Path err;

    @BeforeEach
    void tempDir() throws Exception {
        data = Files.createTempDirectory("alcove-sigterm-");
        out = data.resolve("stdout.txt");
        err = data.resolve("stderr.txt");
    }

    private void start(String drainPeriod, String shutdownTimeout) throws Exception {
        assertTrue(Files.isRegularFile(JAR), "run through failsafe, after package: " + JAR.toAbsolutePath());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString(), "--port", "0", "--data", data.toString());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("ALCOVE_"));
        env.put("ALCOVE_HTTP_HOST", "127.0.0.1");
        env.put("ALCOVE_AUTH_PASSWORD_ITERATIONS", "1000");
        env.put("ALCOVE_LOG_FORMAT", "json");
        env.put("ALCOVE_OPS_DRAIN_PERIOD", drainPeriod);
        env.put("ALCOVE_OPS_SHUTDOWN_TIMEOUT", shutdownTimeout);
        // The test's socket never authenticates; it must not be closed for that while the test runs.
        env.put("ALCOVE_WS_AUTH_TIMEOUT", "PT60S");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        process = builder.start();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> paths = Files.walk(data)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void sigterm_drains_closes_sockets_with_1001_and_exits_143_in_bounded_time() throws Exception {
        start("PT2S", "PT" + SHUTDOWN_TIMEOUT_SECONDS + "S");
        URI base = URI.create(awaitLine(out, "Alcove listening on ").substring("Alcove listening on ".length()).trim());
        assertEquals(200, new Api(base).send("GET", "/readyz", null, null).status());
        try (SignalingClient socket = SignalingClient.connect(base)) {
            awaitOpenSocket(new Api(base));
            process.destroy(); // SIGTERM on Linux

            socket.nextOfType("server-shutdown", java.time.Duration.ofSeconds(SHUTDOWN_TIMEOUT_SECONDS));
            assertEquals(1001, socket.awaitClose(java.time.Duration.ofSeconds(SHUTDOWN_TIMEOUT_SECONDS)));
            assertTrue(process.waitFor(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS), "still running; log: " + lines(err));
        }
        assertEquals(143, process.exitValue(), "log: " + lines(err));

        awaitLine(err, "\"formattedMessage\":\"draining: ");
        awaitLine(err, "\"formattedMessage\":\"shutdown complete");
        ObjectMapper mapper = new ObjectMapper();
        for (String line : lines(err)) {
            JsonNode entry = mapper.readTree(line);
            assertTrue(entry.has("level") && entry.has("formattedMessage"), "not a JSON log line: " + line);
        }
    }

    @Test
    void a_shutdown_that_overruns_its_timeout_halts_with_1() throws Exception {
        start("PT60S", "PT2S");
        URI base = URI.create(awaitLine(out, "Alcove listening on ").substring("Alcove listening on ".length()).trim());
        try (SignalingClient socket = SignalingClient.connect(base)) {
            awaitOpenSocket(new Api(base));
            process.destroy();
            // The socket stays, so the 60 s drain would outlast the 2 s bound.
            socket.nextOfType("server-shutdown", java.time.Duration.ofSeconds(SHUTDOWN_TIMEOUT_SECONDS));
            assertTrue(process.waitFor(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS), "still running; log: " + lines(err));
        }
        assertEquals(1, process.exitValue(), "log: " + lines(err));
        awaitLine(err, "shutdown did not finish within PT2S; halting");
    }

    /** Waits until the server itself counts the socket, so the SIGTERM finds it connected. */
    private static void awaitOpenSocket(Api api) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String body = "";
        while (System.nanoTime() < deadline) {
            body = api.send("GET", "/metrics", null, null).body();
            if (body.contains("alcove_sockets_open{role=\"unauthenticated\"} 1.0")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the server never counted the open socket:\n" + body);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The first line containing {@code text}, waiting up to 60 s (a cold JVM on a busy machine). */
    private String awaitLine(Path file, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (String line : lines(file)) {
                if (line.contains(text)) {
                    return line;
                }
            }
            if (!process.isAlive() && file.equals(out)) {
                throw new AssertionError("server exited " + process.exitValue() + "; log: " + lines(err));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no line with " + text + "; out: " + lines(out) + " err: " + lines(err));
    }
}
