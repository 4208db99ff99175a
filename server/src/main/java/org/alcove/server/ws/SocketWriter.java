package org.alcove.server.ws;

import org.alcove.signaling.protocol.CloseCode;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.util.ArrayDeque;

/**
 * The one writer of a socket: a bounded queue of text messages and a final close, drained
 * by Jetty's send completion callbacks with at most one send in flight (Jetty refuses a
 * second concurrent send with {@code WritePendingException}). Sends happen outside the lock;
 * a callback that completes synchronously does not recurse, the draining loop picks up the
 * next item instead.
 */
final class SocketWriter {

    private sealed interface Item {
    }

    private record Text(String text) implements Item {
    }

    private record Close(CloseCode code) implements Item {
    }

    private final Session session;
    private final int capacity;
    /** Sized for the idle socket (nearly always empty): it grows on demand, up to {@code capacity}. */
    private final ArrayDeque<Item> queue = new ArrayDeque<>(1);
    private boolean inFlight;
    private boolean draining;
    /** A close is queued or written: nothing more is accepted. */
    private boolean closing;
    /** The socket is gone: nothing more is written. */
    private boolean dead;
    private long inFlightSince;
    /** One callback for every write: it only refers to this writer, and a fresh one per message is garbage. */
    private final Callback done = Callback.from(this::sent, this::failed);

    SocketWriter(Session session, int capacity) {
        this.session = session;
        this.capacity = capacity;
    }

    /**
     * Queues a text message. Returns {@code false} when the queue is full; the caller then
     * gives up on the connection with {@link #abandon}. Messages offered after a close are
     * silently dropped (they are for a connection that is going away).
     */
    boolean offer(String text) {
        synchronized (this) {
            if (closing || dead) {
                return true;
            }
            if (queue.size() >= capacity) {
                return false;
            }
            queue.add(new Text(text));
        }
        drain();
        return true;
    }

    /** Closes with {@code code} once everything queued so far has been written. Idempotent. */
    void close(CloseCode code) {
        synchronized (this) {
            if (closing || dead) {
                return;
            }
            closing = true;
            queue.add(new Close(code));
        }
        drain();
    }

    /** Drops everything still queued, then writes {@code last} and closes with {@code code}. */
    void abandon(String last, CloseCode code) {
        synchronized (this) {
            if (closing || dead) {
                return;
            }
            queue.clear();
            queue.add(new Text(last));
            queue.add(new Close(code));
            closing = true;
        }
        drain();
    }

    /** True when the send in flight has been waiting longer than {@code timeoutNanos}. */
    synchronized boolean stalled(long nowNanos, long timeoutNanos) {
        return inFlight && !dead && nowNanos - inFlightSince > timeoutNanos;
    }

    synchronized boolean closing() {
        return closing || dead;
    }

    /** The socket is closed: forget the queue. */
    void dead() {
        synchronized (this) {
            dead = true;
            queue.clear();
        }
    }

    private void drain() {
        synchronized (this) {
            if (draining) {
                return;
            }
            draining = true;
        }
        while (true) {
            Item next;
            synchronized (this) {
                if (inFlight || dead || queue.isEmpty()) {
                    draining = false;
                    return;
                }
                next = queue.poll();
                inFlight = true;
                inFlightSince = System.nanoTime();
            }
            write(next);
        }
    }

    private void write(Item item) {
        // Java 17 has no pattern switch over the sealed type: a new item kind fails loudly here.
        if (item instanceof Text text) {
            sendText(text);
        } else if (item instanceof Close close) {
            sendClose(close);
        } else {
            throw new IllegalStateException("no writing for item " + item.getClass().getSimpleName());
        }
    }

    private void sendText(Text text) {
        try {
            session.sendText(text.text(), done);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void sendClose(Close close) {
        try {
            session.close(close.code().code(), close.code().reason(), done);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void sent() {
        synchronized (this) {
            inFlight = false;
        }
        drain();
    }

    private void failed(Throwable cause) {
        synchronized (this) {
            inFlight = false;
        }
        dead();
    }
}
