package org.alcove.bench.join;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.bench.client.Api;
import org.alcove.bench.client.BenchSocket;
import org.alcove.bench.client.Messages;
import org.alcove.bench.client.Sockets;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The two operations the join scenario repeats. On Alcove, a client's whole join: open the socket,
 * {@code auth} with its link, get {@code welcome}, then {@code leave} and wait for the server's
 * close, which frees the seat so the link can join again. On the echo server, the bare upgrade:
 * open the socket and close it. Client links are lent from a pool, one join per link at a time
 * (a second live join with the same link would be refused as seat-taken).
 */
final class Joins {
    private final Sockets sockets;
    private final URI server;
    private final ConcurrentLinkedQueue<String> links = new ConcurrentLinkedQueue<>();

    Joins(Sockets sockets, URI server, List<Api.Booking> bookings) {
        this.sockets = sockets;
        this.server = server;
        for (Api.Booking booking : bookings) {
            links.addAll(booking.clientTokens());
        }
    }

    /** One client join and leave on Alcove; {@code null} when every link is busy joining. */
    CompletableFuture<?> join() {
        String link = links.poll();
        if (link == null) {
            return null;
        }
        return sockets.open(server).thenCompose(socket -> {
            socket.handler(text -> {
                JsonNode message = Messages.parse(text);
                switch (message.path("type").asText()) {
                    case "welcome" -> socket.send(Messages.leave());
                    case "error" -> socket.close();
                    default -> {
                    }
                }
            });
            socket.send(Messages.auth(link));
            return socket.closed().thenApply(code -> {
                if (code != 1000) {
                    throw new IllegalStateException("join closed with " + code);
                }
                return code;
            });
        }).whenComplete((ok, error) -> links.add(link));
    }

    /** One bare upgrade on the echo server at {@code echo}, closed by the client. */
    static CompletableFuture<?> upgrade(Sockets sockets, URI echo) {
        return sockets.open(echo).thenCompose(socket -> {
            socket.close();
            return socket.closed();
        });
    }

    /** Opens a socket, joins with {@code token} and returns it once welcomed (for a therapist who stays). */
    static BenchSocket stay(Sockets sockets, URI server, String token) {
        BenchSocket socket = sockets.connect(server);
        socket.send(Messages.auth(token));
        socket.nextOfType("welcome", Duration.ofSeconds(10));
        return socket;
    }
}
