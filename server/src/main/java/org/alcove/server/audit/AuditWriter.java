package org.alcove.server.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The audit trail's single writer. Rows are chained in the order they are handed over, whether
 * written at once ({@link #write}) or queued for the background thread ({@link #queue}), which
 * writes everything queued in one transaction per batch: under load a batch holds many callers'
 * rows (group commit). Queueing takes no lock (a lock-free queue and an unpark), so no caller
 * waits on the database, on another caller's transaction, or on a lock whose holder was preempted
 * (the join scenario's p99 came from such convoys on a shared CPU). Whoever writes holds
 * {@link #writing} and first writes everything queued, so a row never overtakes one handed over
 * before it and the chain stays linear.
 */
final class AuditWriter {
    private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);

    /** A queued row and what its caller wants done once it is written or has failed, or {@code null}. */
    private record Queued(AuditEvent row, AuditLog.Written then) {
    }

    private final int maxPending;
    /** Whether a background thread writes queued rows; without it only flushes do (a test seam). */
    private final boolean background;
    /** Held by whoever writes: the background thread, a synchronous caller, a reader catching up. */
    private final Object writing = new Object();
    /** Used under {@link #writing} only. */
    private final AuditInsert chain;
    private final Queue<Queued> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private volatile Thread thread;
    private volatile boolean closed;

    AuditWriter(DataSource db, int maxPending, boolean background) {
        this.chain = new AuditInsert(db);
        this.maxPending = maxPending;
        this.background = background;
    }

    /** Writes everything queued, then {@code events} in one transaction; throws if they fail. */
    void write(List<AuditEvent> events) {
        List<AuditEvent> stored = events.stream().map(AuditInsert::stored).toList();
        synchronized (writing) {
            writePending();
            chain.insert(stored);
        }
    }

    /**
     * Queues {@code row} for the background thread, behind every row queued before it, without
     * writing or locking anything (callers may hold their own locks); {@code then} (or {@code null})
     * is called by the writer once the row is written or has failed.
     */
    void queue(AuditEvent row, AuditLog.Written then) {
        pending.add(new Queued(AuditInsert.stored(row), then));
        pendingCount.incrementAndGet();
        Thread writer = thread;
        if (writer == null && background) {
            writer = startWriter();
        }
        LockSupport.unpark(writer);
    }

    /**
     * Past {@code maxPending} queued rows (or once closed) writes them in the calling thread, so
     * memory stays bounded and a stalled database slows its callers down.
     */
    void relieve() {
        if (closed || pendingCount.get() > maxPending) {
            flush();
        }
    }

    /** Returns once every row queued before this call is written (or has failed). */
    void flush() {
        synchronized (writing) {
            writePending();
        }
    }

    /** Runs {@code action} as the only writer, after everything queued; the head is read again after it. */
    <T> T rewrite(Supplier<T> action) {
        synchronized (writing) {
            writePending();
            chain.forgetHead();
            try {
                return action.get();
            } finally {
                chain.forgetHead();
            }
        }
    }

    /**
     * Writes everything queued and stops the background thread; rows queued later are written
     * by their callers ({@link #relieve}). Called before the database closes.
     */
    void close() {
        closed = true;
        Thread writer = thread;
        if (writer != null) {
            LockSupport.unpark(writer);
            try {
                writer.join();
            } catch (InterruptedException e) {
                // Still write what is queued below (behind the thread's batch, if it has one).
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }

    private synchronized Thread startWriter() {
        if (thread == null) {
            Thread writer = new Thread(this::run, "audit-writer");
            // Daemon so a stop that never happens cannot keep the JVM alive; close() drains it.
            writer.setDaemon(true);
            writer.start();
            thread = writer;
        }
        return thread;
    }

    private void run() {
        while (!closed || !pending.isEmpty()) {
            if (pending.isEmpty()) {
                // queue() unparks after adding, so a row added after the check ends this park.
                LockSupport.parkNanos(this, 1_000_000_000L);
                continue;
            }
            try {
                flush();
            } catch (RuntimeException e) {
                LOG.error("audit writer: unexpected {}", e.getClass().getSimpleName());
            }
        }
    }

    /**
     * Under {@link #writing}: takes every queued row and writes them together, else one by one so
     * one bad row loses no other; then tells each row's caller, in order.
     */
    private void writePending() {
        List<Queued> batch = new ArrayList<>();
        Queued next;
        while ((next = pending.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        pendingCount.addAndGet(-batch.size());
        boolean[] ok = new boolean[batch.size()];
        try {
            chain.insert(batch.stream().map(Queued::row).toList());
            Arrays.fill(ok, true);
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                LOG.warn("writing {} audit rows together failed, retrying one by one: {}", batch.size(),
                        e.getClass().getSimpleName());
                for (int i = 0; i < batch.size(); i++) {
                    ok[i] = insertAlone(batch.get(i).row());
                }
            } else {
                failed(batch.get(0).row(), e);
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).then() != null) {
                try {
                    batch.get(i).then().written(ok[i]);
                } catch (RuntimeException e) {
                    LOG.error("after audit row {}: unexpected {}", batch.get(i).row().event(), e.getClass().getSimpleName());
                }
            }
        }
    }

    private boolean insertAlone(AuditEvent row) {
        try {
            chain.insert(List.of(row));
            return true;
        } catch (RuntimeException e) {
            failed(row, e);
            return false;
        }
    }

    private static void failed(AuditEvent event, RuntimeException e) {
        LOG.warn("writing audit row {} failed session={} participant={}: {}", event.event(), event.sessionId(),
                event.participantId(), e.getClass().getSimpleName());
    }
}
