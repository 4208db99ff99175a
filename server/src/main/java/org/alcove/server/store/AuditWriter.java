package org.alcove.server.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The audit trail's single writer. Rows are chained in the order they are handed over, whether
 * written at once ({@link #write}) or left pending for the background thread ({@link #later}),
 * which writes everything pending in one transaction per batch: under load a batch holds many
 * callers' rows (group commit), and no caller waits on the database or on another caller's
 * transaction (the join scenario's p99 came from convoys on that wait when the lock holder was
 * preempted on a shared CPU). Whoever writes holds {@link #writing} and first writes everything
 * pending, so a row never overtakes one handed over before it and the chain stays linear.
 */
final class AuditWriter {
    private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);
    private static final String INSERT = "INSERT INTO audit_events (at, session_id, participant_id, role, event, outcome,"
            + " actor_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource db;
    private final int maxPending;
    /** Held by whoever writes: the background thread, a synchronous caller, a reader catching up. */
    private final Object writing = new Object();
    /**
     * The newest row's hash once written or read, kept under {@link #writing} so an append need
     * not read it back: this instance is the only writer of its database's trail. Set only after
     * a commit; {@code null} (read it from the table) after any failure or rewrite.
     */
    private String head;
    /** Guards {@link #pending}, {@link #queued}, {@link #thread} and {@link #closed}; held briefly. */
    private final Object handover = new Object();
    private List<AuditEvent> pending = new ArrayList<>();
    /** Rows ever handed to {@link #later}; the rows up to {@link #done} are written (or failed). */
    private long queued;
    private volatile long done;
    private Thread thread;
    private boolean closed;

    AuditWriter(DataSource db, int maxPending) {
        this.db = db;
        this.maxPending = maxPending;
    }

    /** Writes everything pending, then {@code events} in one transaction; throws if they fail. */
    void write(List<AuditEvent> events) {
        List<AuditEvent> stored = stored(events);
        synchronized (writing) {
            writePending();
            insert(stored);
        }
    }

    /**
     * Leaves {@code events} for the background thread. Past {@code maxPending} rows pending (or
     * once closed) the caller writes them itself, so memory stays bounded and a stalled database
     * slows callers down. Never throws for a row that fails: that is logged and the others kept.
     */
    void later(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<AuditEvent> stored = stored(events);
        boolean full;
        synchronized (handover) {
            pending.addAll(stored);
            queued += stored.size();
            full = closed || pending.size() > maxPending;
            if (!full && thread == null) {
                thread = new Thread(this::run, "audit-writer");
                // Daemon so a stop that never happens cannot keep the JVM alive; close() drains it.
                thread.setDaemon(true);
                thread.start();
            }
            handover.notifyAll();
        }
        if (full) {
            synchronized (writing) {
                writePending();
            }
        }
    }

    /** Returns once every row handed to {@link #later} before this call is written. */
    void catchUp() {
        long target;
        synchronized (handover) {
            target = queued;
        }
        if (done < target) {
            synchronized (writing) {
                writePending();
            }
        }
    }

    /** Runs {@code action} as the only writer, after everything pending; the head is read again after it. */
    <T> T rewrite(Supplier<T> action) {
        synchronized (writing) {
            writePending();
            head = null;
            try {
                return action.get();
            } finally {
                head = null;
            }
        }
    }

    /**
     * Writes everything pending and stops the background thread; later rows are written by their
     * callers. Called before the database closes.
     */
    void close() {
        Thread running;
        synchronized (handover) {
            closed = true;
            running = thread;
            handover.notifyAll();
        }
        if (running != null) {
            try {
                running.join();
            } catch (InterruptedException e) {
                // Still write what is pending below (behind the thread's batch, if it has one).
                Thread.currentThread().interrupt();
            }
        }
        catchUp();
    }

    private void run() {
        while (true) {
            synchronized (handover) {
                while (pending.isEmpty() && !closed) {
                    try {
                        handover.wait();
                    } catch (InterruptedException e) {
                        // Nobody interrupts this thread but the JVM at exit; pending rows are close()'s.
                        return;
                    }
                }
                if (pending.isEmpty()) {
                    return;
                }
            }
            try {
                synchronized (writing) {
                    writePending();
                }
            } catch (RuntimeException e) {
                LOG.error("audit writer: unexpected {}", e.getClass().getSimpleName());
            }
        }
    }

    /** Under {@link #writing}: takes all pending rows and writes them together, else one by one. */
    private void writePending() {
        List<AuditEvent> batch;
        long upTo;
        synchronized (handover) {
            batch = pending;
            upTo = queued;
            pending = new ArrayList<>();
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            insert(batch);
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                LOG.warn("writing {} audit rows together failed, retrying one by one: {}", batch.size(),
                        e.getClass().getSimpleName());
                for (AuditEvent event : batch) {
                    try {
                        insert(List.of(event));
                    } catch (RuntimeException each) {
                        failed(event, each);
                    }
                }
            } else {
                failed(batch.get(0), e);
            }
        } finally {
            done = upTo;
        }
    }

    private static void failed(AuditEvent event, RuntimeException e) {
        LOG.warn("writing audit row {} failed session={} participant={}: {}", event.event(), event.sessionId(),
                event.participantId(), e.getClass().getSimpleName());
    }

    /** Under {@link #writing}: the rows in one transaction, each chained to the one before. */
    private void insert(List<AuditEvent> stored) {
        if (stored.isEmpty()) {
            return;
        }
        String newest = head;
        head = null;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                String prev = newest != null ? newest : lastHash(c);
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    for (AuditEvent event : stored) {
                        String hash = AuditChain.hash(event, prev);
                        bind(ps, event, prev, hash);
                        ps.executeUpdate();
                        prev = hash;
                    }
                }
                c.commit();
                head = prev;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("appending audit events", e);
        }
    }

    /** The database keeps microseconds at most; hash exactly what will be read back. */
    private static List<AuditEvent> stored(List<AuditEvent> events) {
        return events.stream().map(e -> new AuditEvent(e.at().truncatedTo(ChronoUnit.MILLIS), e.sessionId(),
                e.participantId(), e.role(), e.event(), e.outcome(), e.actorId(), e.detail())).toList();
    }

    private static String lastHash(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM audit_events ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return AuditChain.GENESIS;
            }
            String hash = rs.getString(1);
            if (hash == null) {
                throw new IllegalStateException("audit rows without a hash: the trail must be sealed first");
            }
            return hash;
        }
    }

    private static void bind(PreparedStatement ps, AuditEvent event, String prev, String hash) throws SQLException {
        Jdbc.setInstant(ps, 1, event.at());
        ps.setString(2, event.sessionId());
        ps.setString(3, event.participantId());
        ps.setString(4, event.role());
        ps.setString(5, event.event());
        ps.setString(6, event.outcome());
        ps.setString(7, event.actorId());
        ps.setString(8, event.detail());
        ps.setString(9, prev);
        ps.setString(10, hash);
    }
}
