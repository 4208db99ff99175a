package org.alcove.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The short run of the real server whose loaded classes {@code ./alcove} archives once per build
 * (AppCDS: {@code java -XX:ArchiveClassesAtExit=server/target/alcove.jsa -cp alcove-server.jar
 * org.alcove.server.TrainingRun}), so that {@code ./alcove serve} starts from the archive. It
 * walks what a restart does before its first socket is served: a first start on a scratch data
 * directory (migrations, first admin, a demo session), a restart on it, a few HTTP requests and a
 * therapist's join over a real WebSocket up to its {@code welcome}. Loopback only, every wait
 * bounded, the scratch directory deleted; exit status 0 only when every step worked.
 */
public final class TrainingRun {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String LINK_PREFIX = "Therapist link: ";
    /** A scratch server: loopback only, and a cheap password hash (the iteration count loads no other class). */
    private static final Map<String, String> ENV = Map.of("ALCOVE_HTTP_HOST", "127.0.0.1",
            "ALCOVE_AUTH_PASSWORD_ITERATIONS", "1000", "ALCOVE_OPS_DRAIN_PERIOD", "PT0S");

    private TrainingRun() {
    }

    public static void main(String[] args) {
        int status = 1;
        try {
            Path data = Files.createTempDirectory("alcove-training-");
            try {
                train(data);
                status = 0;
            } finally {
                delete(data);
            }
        } catch (Exception e) {
            System.err.println("alcove training run failed: " + e);
        }
        // The class archive is written as the JVM exits.
        System.exit(status);
    }

    /** The walk itself, on {@code data} (empty); throws when any step fails. */
    static void train(Path data) throws Exception {
        String[] args = {"--port", "0", "--data", data.toString()};
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        Server server = Main.launch(withDemo(args), ENV, new PrintStream(first, true, StandardCharsets.UTF_8));
        server.stop();
        String token = token(first.toString(StandardCharsets.UTF_8));

        server = Main.launch(args, ENV, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            for (String path : new String[] {"/", "/join", "/healthz", "/readyz", "/api/auth/me"}) {
                http.send(HttpRequest.newBuilder(server.uri().resolve(path)).timeout(TIMEOUT).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            join(http, server.uri(), token);
        } finally {
            server.stop();
        }
    }

    private static String[] withDemo(String[] args) {
        String[] demo = java.util.Arrays.copyOf(args, args.length + 1);
        demo[args.length] = "--demo";
        return demo;
    }

    private static String token(String out) {
        return out.lines().filter(line -> line.startsWith(LINK_PREFIX)).findFirst()
                .map(line -> line.substring(line.indexOf('#') + 1).trim())
                .orElseThrow(() -> new IllegalStateException("the demo printed no therapist link"));
    }

    /** Authenticates a socket with the join token and waits for the server's {@code welcome}. */
    private static void join(HttpClient http, URI server, String token) throws Exception {
        ObjectMapper json = new ObjectMapper();
        CompletableFuture<JsonNode> first = new CompletableFuture<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        first.complete(json.readTree(text.toString()));
                    } catch (IOException e) {
                        first.completeExceptionally(e);
                    }
                }
                socket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
                first.completeExceptionally(new IllegalStateException("socket closed with " + code));
                return null;
            }
        };
        URI ws = URI.create("ws://" + server.getAuthority() + "/ws");
        WebSocket socket = http.newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(ws, listener)
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        socket.sendText(json.createObjectNode().put("type", "auth").put("token", token).toString(), true)
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        JsonNode welcome = first.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (!"welcome".equals(welcome.path("type").asText())) {
            throw new IllegalStateException("the join got " + welcome.path("type").asText() + ", not welcome");
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
