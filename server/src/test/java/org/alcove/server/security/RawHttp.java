package org.alcove.server.security;

import org.eclipse.jetty.http.HttpTester;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP/1.1 exchange over a plain socket, for what no well-behaved client library sends: odd
 * methods, raw or encoded paths, control characters, another loopback source address (so the
 * server sees a different peer). The answer is parsed by Jetty's {@link HttpTester}.
 */
final class RawHttp {
    private RawHttp() {
    }

    /** The request line and headers as given, plus Host and Connection: close; {@code null} body for none. */
    static HttpTester.Response send(URI server, String from, String method, String target, Map<String, String> headers,
                                    String body) {
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(server.getAuthority()).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        return exchange(server, from, request.toString().getBytes(StandardCharsets.ISO_8859_1), content);
    }

    static HttpTester.Response send(URI server, String method, String target, Map<String, String> headers) {
        return send(server, "127.0.0.1", method, target, headers, null);
    }

    /** Writes {@code head} and {@code body} from {@code from}; the answer, or {@code null} if the connection closed without one. */
    static HttpTester.Response exchange(URI server, String from, byte[] head, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5000);
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(head);
                socket.getOutputStream().write(body);
                socket.getOutputStream().flush();
            } catch (SocketException e) {
                // The server stopped reading (and may have answered already): read what it sent.
            }
            InputStream in = socket.getInputStream();
            try {
                return HttpTester.parseResponse(HttpTester.from(in));
            } catch (SocketException e) {
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
