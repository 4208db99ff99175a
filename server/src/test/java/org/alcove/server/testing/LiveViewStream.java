package org.alcove.server.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An admin's subscription to {@code GET /api/admin/live} as a test sees it: every byte received
 * is kept ({@link #rawText()}), and each {@code sessions} event's JSON is queued in order.
 */
public final class LiveViewStream implements AutoCloseable {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final HttpResponse<InputStream> response;
    private final Thread reader;

    private LiveViewStream(URI server, String adminToken) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/api/admin/live"))
                .header("Authorization", "Bearer " + adminToken).GET().build();
        response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new AssertionError("live view answered " + response.statusCode());
        }
        reader = new Thread(this::read, "live-view-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static LiveViewStream open(URI server, String adminToken) {
        try {
            return new LiveViewStream(server, adminToken);
        } catch (IOException e) {
            throw new AssertionError("cannot open the live view", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** Takes events until one matches; fails after {@code timeout}. */
    public JsonNode await(Predicate<JsonNode> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> seen = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode event;
            try {
                event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            if (event == null) {
                throw new AssertionError("no matching live view event within " + timeout + "; saw " + seen);
            }
            seen.add(event);
            if (condition.test(event)) {
                return event;
            }
        }
    }

    /** Waits for the server to end the stream; true when it did within {@code timeout}. */
    public boolean awaitEnd(Duration timeout) {
        try {
            reader.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return !reader.isAlive();
    }

    /** Everything received so far, as text. */
    public String rawText() {
        synchronized (raw) {
            return raw.toString(StandardCharsets.UTF_8);
        }
    }

    private void read() {
        StringBuilder pending = new StringBuilder();
        byte[] buffer = new byte[4096];
        try (InputStream in = response.body()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (raw) {
                    raw.write(buffer, 0, n);
                }
                pending.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                int end;
                while ((end = pending.indexOf("\n\n")) >= 0) {
                    String block = pending.substring(0, end);
                    pending.delete(0, end + 2);
                    for (String line : block.split("\n")) {
                        if (line.startsWith("data: ")) {
                            events.add(Api.JSON.readTree(line.substring(6)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            // Stream closed: the test is over or the server stopped.
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // Closing is best effort in teardown.
        }
        reader.interrupt();
    }
}
