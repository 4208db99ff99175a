package org.alcove.server.admin;

import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The one writer of one Server-Sent Events response: a small bounded queue drained by write
 * callbacks with at most one write in flight. A subscriber that cannot keep up, or whose
 * connection failed, is ended and forgotten.
 */
final class EventStream {
    private static final int CAPACITY = 32;

    private final Response response;
    private final Callback done;
    private final Consumer<EventStream> onEnd;
    private final BooleanSupplier allowed;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private boolean inFlight;
    private boolean ending;
    private boolean ended;

    /** @param allowed asked before every send; once false (the admin was disabled) the stream ends */
    EventStream(Response response, Callback done, Consumer<EventStream> onEnd, BooleanSupplier allowed) {
        this.response = response;
        this.done = done;
        this.onEnd = onEnd;
        this.allowed = allowed;
    }

    void send(byte[] event) {
        if (!allowed.getAsBoolean()) {
            end();
            return;
        }
        synchronized (this) {
            if (ending || ended) {
                return;
            }
            if (queue.size() >= CAPACITY) {
                ending = true;
                queue.clear();
            } else {
                queue.add(event);
            }
        }
        drain();
    }

    /** Completes the response once the write in flight, if any, is done. */
    void end() {
        synchronized (this) {
            ending = true;
            queue.clear();
        }
        drain();
    }

    private void drain() {
        byte[] next;
        synchronized (this) {
            if (inFlight || ended) {
                return;
            }
            if (queue.isEmpty()) {
                if (ending) {
                    finish(null);
                }
                return;
            }
            next = queue.poll();
            inFlight = true;
        }
        response.write(false, ByteBuffer.wrap(next), Callback.from(this::written, this::failed));
    }

    private void written() {
        synchronized (this) {
            inFlight = false;
        }
        drain();
    }

    private void failed(Throwable cause) {
        synchronized (this) {
            inFlight = false;
            if (ended) {
                return;
            }
            finish(cause);
        }
    }

    /** Caller holds the lock. */
    private void finish(Throwable cause) {
        ended = true;
        onEnd.accept(this);
        if (cause == null) {
            done.succeeded();
        } else {
            done.failed(cause);
        }
    }
}
