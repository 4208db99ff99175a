package org.alcove.bench.echo;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import java.time.Duration;
import java.util.List;

/**
 * The baseline: a bare Jetty 12 WebSocket server on {@code 127.0.0.1:<port>/ws} that sends every
 * text message back to its sender. Same Jetty, same connector and the same transport limits as
 * Alcove's {@code /ws} (no extensions, 64 KiB messages, 30 s idle timeout); nothing else: no
 * auth, no JSON, no rooms. The difference between the two is what Alcove adds.
 */
public final class EchoServer {
    private static final int MAX_MESSAGE_BYTES = 65536;
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private EchoServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Server jetty = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        jetty.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        context.setHandler(WebSocketUpgradeHandler.from(jetty, context, container -> {
            container.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
            container.setMaxFrameSize(MAX_MESSAGE_BYTES);
            container.setIdleTimeout(IDLE_TIMEOUT);
            container.addMapping("/ws", (request, response, callback) -> {
                response.setExtensions(List.of());
                return new EchoEndpoint();
            });
        }));
        jetty.setHandler(context);
        jetty.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                jetty.stop();
            } catch (Exception ignored) {
                // The process is exiting anyway.
            }
        }, "echo-stop"));
        System.out.println("echo listening on http://127.0.0.1:" + connector.getLocalPort());
        System.out.flush();
        jetty.join();
    }
}
