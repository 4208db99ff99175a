package org.alcove.bench.client;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One load-generator socket. During setup, received text is queued and read with
 * {@link #nextOfType}; during a measurement a {@link #handler} takes each text on Jetty's thread
 * as it arrives, so the measured path has no extra thread hop. Public because Jetty binds
 * listener methods through method handles.
 */
public final class BenchSocket implements Session.Listener.AutoDemanding {
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile Consumer<String> handler;
    private volatile Session session;

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
    }

    @Override
    public void onWebSocketText(String text) {
        Consumer<String> current = handler;
        if (current != null) {
            current.accept(text);
        } else {
            queue.add(text);
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        closed.complete(statusCode);
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        closed.complete(1006);
    }

    /** From now on every text goes to {@code handler} ({@code null}: back to the queue). */
    public void handler(Consumer<String> handler) {
        this.handler = handler;
    }

    /** Queues a text frame; Jetty's frame flusher keeps several sends in order. */
    public void send(String text) {
        session.sendText(text, Callback.NOOP);
    }

    /** The next queued message of {@code type}, skipping others; fails after {@code timeout}. */
    public JsonNode nextOfType(String type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String text;
            try {
                text = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (text == null) {
                throw new IllegalStateException("no '" + type + "' within " + timeout
                        + (closed.isDone() ? " (socket closed with " + closed.join() + ")" : ""));
            }
            JsonNode message = Messages.parse(text);
            if (type.equals(message.path("type").asText())) {
                return message;
            }
            if ("error".equals(message.path("type").asText())) {
                throw new IllegalStateException("server refused: " + message.path("code").asText());
            }
        }
    }

    /** Completes with the close code once the socket closed. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    /** Closes normally without waiting. */
    public void close() {
        Session current = session;
        if (current != null && current.isOpen()) {
            current.close(1000, "bye", Callback.NOOP);
        }
    }
}
