package org.alcove.server.security;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * A WebSocket written byte by byte over a plain {@link Socket}, for the two attacks no library
 * will make: a text frame that is not UTF-8, and a frame with RSV1 (compression) set when no
 * extension was negotiated. Only what those tests need: the RFC 6455 opening handshake (checked
 * by its status line), masked client frames, and reading frames until the server's close.
 */
final class RawWebSocket implements AutoCloseable {
    /** First byte of a final text frame: FIN + opcode 1. */
    static final int TEXT = 0x81;
    /** RSV1, the bit permessage-deflate would use to mark a compressed message. */
    static final int RSV1 = 0x40;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final String response;

    private RawWebSocket(Socket socket, String response) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.response = response;
    }

    /** Connects and sends the opening handshake with {@code extraHeaders} (whole lines, no CRLF). */
    static RawWebSocket open(URI server, String... extraHeaders) {
        return openFrom(server, null, extraHeaders);
    }

    /** As {@link #open}, from the loopback address {@code from} ({@code null}: any), so the server sees another peer. */
    static RawWebSocket openFrom(URI server, String from, String... extraHeaders) {
        try {
            Socket socket = new Socket();
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5000);
            socket.setSoTimeout(10_000);
            byte[] key = new byte[16];
            RANDOM.nextBytes(key);
            StringBuilder request = new StringBuilder("GET /ws HTTP/1.1\r\nHost: " + server.getAuthority() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n");
            for (String header : extraHeaders) {
                request.append(header).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            return new RawWebSocket(socket, readHead(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status line and headers of the server's answer to the handshake. */
    String response() {
        return response;
    }

    /** Sends one frame, masked as a client must, with {@code firstByte} = FIN, RSV bits and opcode. */
    void send(int firstByte, byte[] payload) {
        if (payload.length > 125) {
            throw new IllegalArgumentException("short frames only");
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(firstByte);
        frame.write(0x80 | payload.length);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        try {
            out.write(frame.toByteArray());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads (unmasked) server frames until a close frame; its status code, or -1 if the TCP connection just ends. */
    int awaitCloseCode(Duration timeout) {
        try {
            socket.setSoTimeout((int) timeout.toMillis());
            while (true) {
                int opcode = in.readUnsignedByte() & 0x0F;
                long length = in.readUnsignedByte() & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = in.readNBytes((int) length);
                if (opcode == 0x8) {
                    return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                }
            }
        } catch (EOFException e) {
            return -1;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no close frame within " + timeout);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String readHead(Socket socket) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        var in = socket.getInputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Test teardown.
        }
    }
}
