package org.alcove.server.testing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.alcove.signaling.protocol.ClientMessage;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.client.WebSocketClient;

import javax.net.ssl.SSLContext;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real signalling client for tests: a Jetty WebSocket client on {@code <server>/ws}.
 *
 * <pre>{@code
 * try (SignalingClient therapist = SignalingClient.join(server.uri(), therapistToken)) {
 *     JsonNode welcome = therapist.nextOfType("welcome", Duration.ofSeconds(5));
 *     therapist.send(new ClientMessage.Admit(clientId));
 * }
 * }</pre>
 *
 * Every text message received is parsed into a {@link JsonNode} and queued in arrival order;
 * {@link #next} and {@link #nextOfType} take from that queue (nextOfType discards what it skips),
 * while {@link #received()} keeps the whole history. Sends block until Jetty wrote the frame,
 * so a test may send from one thread without overlapping writes. Not thread-safe for sending
 * from several threads at once.
 */
public final class SignalingClient implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

    private final WebSocketClient client;
    private final Session session;
    private final Listener listener;
    private volatile WireTap tap = WireTap.NONE;

    private SignalingClient(WebSocketClient client, Session session, Listener listener) {
        this.client = client;
        this.session = session;
        this.listener = listener;
    }

    /** Opens a socket to {@code <serverUri>/ws} (http/https turned into ws/wss); sends nothing. */
    public static SignalingClient connect(URI serverUri) {
        return connect(serverUri, null);
    }

    /**
     * As {@link #connect(URI)}, with {@code trust} deciding which server certificates a wss
     * connection accepts ({@code null}: the JDK's default trust).
     */
    public static SignalingClient connect(URI serverUri, SSLContext trust) {
        WebSocketClient client = new WebSocketClient();
        if (trust != null) {
            SslContextFactory.Client tls = new SslContextFactory.Client();
            tls.setSslContext(trust);
            client.getHttpClient().setSslContextFactory(tls);
        }
        client.setIdleTimeout(Duration.ofMinutes(5));
        client.setMaxTextMessageSize(1024 * 1024);
        Listener listener = new Listener();
        try {
            client.start();
            Session session = client.connect(listener, wsUri(serverUri)).get(10, TimeUnit.SECONDS);
            return new SignalingClient(client, session, listener);
        } catch (Exception e) {
            stopQuietly(client);
            throw new IllegalStateException("cannot connect to " + wsUri(serverUri), e);
        }
    }

    /** Connects and sends {@code auth} with {@code token}; the answer is left in the queue. */
    public static SignalingClient join(URI serverUri, String token) {
        return join(serverUri, token, null);
    }

    /** Connects and sends {@code auth} with {@code token} and an earlier welcome's {@code resumeKey}. */
    public static SignalingClient join(URI serverUri, String token, String resumeKey) {
        return join(serverUri, token, resumeKey, null);
    }

    /** As {@link #join(URI, String, String)} over wss trusting {@code trust} ({@code null}: the JDK default). */
    public static SignalingClient join(URI serverUri, String token, String resumeKey, SSLContext trust) {
        SignalingClient connection = connect(serverUri, trust);
        connection.send(new ClientMessage.Auth(token, resumeKey));
        return connection;
    }

    /** Shows this socket's traffic to {@code tap} from now on (to record a session); returns this client. */
    public SignalingClient tap(WireTap tap) {
        this.tap = tap;
        listener.tap = tap;
        return this;
    }

    /** Sends raw text exactly as given (for hostile-input tests). */
    public void send(String text) {
        tap.sent(text);
        CompletableFuture<Void> done = new CompletableFuture<>();
        session.sendText(text, Callback.from(() -> done.complete(null), done::completeExceptionally));
        await(done);
    }

    /** Sends a protocol message as the JSON a real client would write. */
    public void send(ClientMessage message) {
        try {
            send(JSON.writerFor(ClientMessage.class).writeValueAsString(message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a binary frame. */
    public void sendBinary(byte[] bytes) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        session.sendBinary(ByteBuffer.wrap(bytes), Callback.from(() -> done.complete(null), done::completeExceptionally));
        await(done);
    }

    /** The next message received, or an {@link AssertionError} if none arrives in time. */
    public JsonNode next(Duration timeout) {
        try {
            JsonNode message = listener.queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + timeout + "; received so far: " + types());
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The next message of {@code type}, discarding others before it; fails if none arrives in time. */
    public JsonNode nextOfType(String type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + type + " within " + timeout + "; received so far: " + types());
            }
            JsonNode message = next(Duration.ofNanos(left));
            if (type.equals(message.path("type").asText())) {
                return message;
            }
        }
    }

    /** The next {@code error} message's code ({@code auth-failed}, ...). */
    public String nextErrorCode(Duration timeout) {
        return nextOfType("error", timeout).path("code").asText();
    }

    /**
     * Waits {@code wait}, then fails if a message of {@code type} is among those received but not
     * yet taken by {@link #next}/{@link #nextOfType} (so take what you expected first). Takes nothing.
     */
    public void expectNothingOfType(String type, Duration wait) {
        sleep(wait);
        for (JsonNode message : listener.queue) {
            if (type.equals(message.path("type").asText())) {
                throw new AssertionError("unexpected " + type + ": " + message);
            }
        }
    }

    /** Every message received so far, in order. */
    public List<JsonNode> received() {
        synchronized (listener.history) {
            return new ArrayList<>(listener.history);
        }
    }

    /** Types of every message received so far, in order. */
    public List<String> types() {
        List<String> types = new ArrayList<>();
        for (JsonNode message : received()) {
            types.add(message.path("type").asText());
        }
        return types;
    }

    /** Waits for the server (or the network) to close the socket; returns the close code. */
    public int awaitClose(Duration timeout) {
        try {
            if (!listener.closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("socket still open after " + timeout + "; received: " + types());
            }
            return listener.closeCode;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The close code, or -1 while open. */
    public int closeCode() {
        return listener.closed.getCount() == 0 ? listener.closeCode : -1;
    }

    /** The close reason text (a stable wire name such as {@code declined}), or {@code null} while open. */
    public String closeReason() {
        return listener.closed.getCount() == 0 ? listener.closeReason : null;
    }

    /** WebSocket pings received from the server so far (each answered with a pong unless told otherwise). */
    public int pingsReceived() {
        return listener.pings.get();
    }

    /** Stops answering the server's pings, as a peer whose network vanished would (TCP stays up). */
    public void stopAnsweringPings() {
        listener.answerPings = false;
    }

    public boolean isOpen() {
        return session.isOpen();
    }

    /** Drops the connection without a close handshake, as a lost network would. */
    public void drop() {
        tap.closed();
        session.disconnect();
        stopQuietly(client);
    }

    /** Closes normally (1000) and stops the client. */
    @Override
    public void close() {
        tap.closed();
        if (session.isOpen()) {
            session.close(1000, "bye", Callback.NOOP);
            try {
                listener.closed.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopQuietly(client);
    }

    private static URI wsUri(URI serverUri) {
        String scheme = "https".equals(serverUri.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + serverUri.getAuthority() + "/ws");
    }

    private static void await(CompletableFuture<Void> done) {
        try {
            done.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("send failed", e);
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stopQuietly(WebSocketClient client) {
        try {
            client.stop();
        } catch (Exception ignored) {
            // Test teardown: nothing useful to do.
        }
    }

    /** Public because Jetty binds listener methods through method handles. */
    public static final class Listener implements Session.Listener.AutoDemanding {
        final BlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
        final List<JsonNode> history = new ArrayList<>();
        final CountDownLatch closed = new CountDownLatch(1);
        final AtomicInteger pings = new AtomicInteger();
        volatile boolean answerPings = true;
        volatile WireTap tap = WireTap.NONE;
        volatile Session session;
        volatile int closeCode = -1;
        volatile String closeReason;

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
        }

        /** Overriding this turns off Jetty's automatic pong, so the test can play a vanished peer. */
        @Override
        public void onWebSocketPing(ByteBuffer payload) {
            pings.incrementAndGet();
            if (answerPings) {
                session.sendPong(payload, Callback.NOOP);
            }
        }

        @Override
        public void onWebSocketText(String text) {
            tap.received(text);
            JsonNode message;
            try {
                message = JSON.readTree(text);
            } catch (Exception e) {
                message = JSON.createObjectNode().put("type", "<unparseable>").put("text", text);
            }
            synchronized (history) {
                history.add(message);
            }
            queue.add(message);
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            closeCode = statusCode;
            closeReason = reason;
            closed.countDown();
            callback.succeed();
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            if (closed.getCount() > 0) {
                closeCode = closeCode == -1 ? 1006 : closeCode;
                closed.countDown();
            }
        }
    }
}
