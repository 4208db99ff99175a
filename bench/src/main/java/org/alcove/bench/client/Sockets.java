package org.alcove.bench.client;

import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.client.WebSocketClient;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The load generator's one Jetty WebSocket client, shared by every socket of a scenario. */
public final class Sockets implements AutoCloseable {
    private static final long CONNECT_TIMEOUT_SECONDS = 10;
    private final WebSocketClient client;

    public Sockets() {
        this(null);
    }

    /**
     * A client whose sockets all leave from {@code bind} (a 127.0.0.x address, so that a load can
     * come from several source addresses); {@code null} lets the kernel choose.
     */
    public Sockets(InetAddress bind) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("bench-client");
        threads.setDaemon(true);
        client = new WebSocketClient();
        client.getHttpClient().setExecutor(threads);
        client.getHttpClient().setMaxConnectionsPerDestination(100_000);
        if (bind != null) {
            client.getHttpClient().setBindAddress(new InetSocketAddress(bind, 0));
        }
        client.setIdleTimeout(Duration.ofMinutes(5));
        client.setMaxTextMessageSize(1024 * 1024);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the WebSocket client", e);
        }
    }

    /** Opens {@code ws://<server>/ws}; completes when the upgrade is done. */
    public CompletableFuture<BenchSocket> open(URI server) {
        BenchSocket socket = new BenchSocket();
        try {
            return client.connect(socket, ws(server)).thenApply(session -> socket);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** {@link #open} and wait for it. */
    public BenchSocket connect(URI server) {
        try {
            return open(server).get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect to " + ws(server), e);
        }
    }

    public static URI ws(URI server) {
        return URI.create("ws://" + server.getAuthority() + "/ws");
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception ignored) {
            // Nothing left to measure; the processes are stopped separately.
        }
    }
}
