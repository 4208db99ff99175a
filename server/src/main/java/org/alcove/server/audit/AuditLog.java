package org.alcove.server.audit;

import org.alcove.server.store.Database;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Append-only, hash-chained audit trail. Rows hold opaque ids and fixed vocabulary only (see
 * {@link AuditEvent}); each carries the hash of the row before it (see {@link AuditChain}).
 * One {@link AuditWriter} writes them in the order they are handed over, so the chain stays
 * linear; that makes one server process, and in it one {@code AuditLog}, the single writer of a
 * database's trail (the newest hash is kept in memory between appends).
 *
 * <p>{@link #append}/{@link #appendAll} return once the rows are committed; {@link #queue} (a
 * room's events, under its lock) and {@link #appendLater} leave them to a background thread that
 * writes everything queued in one transaction per batch. Every read here first waits for the rows handed over
 * before it began, so a reader never misses a row queued before its read, and {@link #close}
 * writes everything pending before the database closes.
 *
 * <p>Durability: the embedded database stores committed changes within about a second
 * ({@code autoCommitDelay}; it never forces the file on commit), so a killed process or crashed
 * machine could always lose the last second of rows. Rows queued and not yet
 * written (normally milliseconds' worth, at most {@link #MAX_PENDING}) can be lost that way too;
 * a clean stop loses none.
 */
public final class AuditLog implements AutoCloseable {
    /**
     * Rows pending beyond this make the caller write them itself (backpressure). A batch under the
     * bench's 500 joins/s holds a few rows, and this is over ten seconds of the most this server
     * sustains (about 850 joins/s, two rows each), a few MB of heap: it is reached only when the
     * database stalls, and then callers slow down with it instead of the heap growing.
     */
    static final int MAX_PENDING = 10_000;

    private final DataSource db;
    private final AuditWriter writer;
    private final AuditSelect select;

    public AuditLog(Database db) {
        this(db, MAX_PENDING, true);
    }

    /** With {@code background} false, queued rows wait for a read, a flush or the bound (for tests). */
    AuditLog(Database db, int maxPending, boolean background) {
        this.db = db.dataSource();
        this.writer = new AuditWriter(this.db, maxPending, background);
        this.select = new AuditSelect(this.db);
    }

    /** Stores the event as the newest row, chained to the row before. */
    public void append(AuditEvent event) {
        appendAll(List.of(event));
    }

    /**
     * Stores the events as the newest rows, after any pending ones, in order, each chained to the
     * one before, in one transaction: all of them or none. A caller with several rows to write (a
     * room's queued events) pays for one commit instead of one each.
     */
    public void appendAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        writer.write(events);
    }

    /**
     * Queues the events to be stored in order after everything handed over before them, and
     * returns without waiting (unless over {@link #MAX_PENDING} rows are queued: then it writes
     * them). A row that cannot be stored is logged with its opaque ids and the others are kept;
     * nothing is thrown.
     */
    public void appendLater(List<AuditEvent> events) {
        events.forEach(event -> writer.queue(event, null));
        writer.relieve();
    }

    /**
     * Queues one row like {@link #appendLater} but never writes in the calling thread, which may
     * hold a lock of its own: call {@link #relieve()} (or {@link #flush()}) after releasing it.
     * {@code then} (or {@code null}) is called by the writer once the row is written or has failed,
     * in the rows' order, while no other row is being written.
     */
    public void queue(AuditEvent event, Written then) {
        writer.queue(event, then);
    }

    /** What a {@link #queue} caller wants done once its row is written ({@code stored}) or has failed. */
    @FunctionalInterface
    public interface Written {
        void written(boolean stored);
    }

    /** Writes the queued rows in this thread if too many are queued (backpressure) or the log is closed. */
    public void relieve() {
        writer.relieve();
    }

    /** Returns once every row queued before the call is written (or has failed), and its {@code then} called. */
    public void flush() {
        writer.flush();
    }

    /** Writes every pending row and stops the background writer; call before the database closes. */
    @Override
    public void close() {
        writer.close();
    }

    /**
     * Chains rows written before the audit trail had hashes (schema v1), in {@code seq} order.
     * Called once at start; a no-op when every row has its hash.
     */
    public int sealUnhashed() {
        return writer.rewrite(() -> AuditSeal.seal(db));
    }

    /** Walks the whole chain, oldest first, and reports the first row that does not link. */
    public AuditChain.Verdict verify() {
        AuditChain.Walk walk = new AuditChain.Walk();
        writer.flush();
        select.each(walk::accept);
        return walk.verdict();
    }

    /** Events of one session, oldest first. */
    public List<AuditEvent> forSession(String sessionId) {
        return find(new AuditQuery(null, null, sessionId, null, null, 0, Integer.MAX_VALUE)).stream()
                .map(AuditRow::event).toList();
    }

    /** Events not tied to a session (sign-ins, accounts), oldest first. */
    public List<AuditEvent> withoutSession() {
        List<AuditEvent> events = new ArrayList<>();
        writer.flush();
        select.each(row -> {
            if (row.event().sessionId() == null) {
                events.add(row.event());
            }
        });
        return events;
    }

    /** Rows matching {@code query}, oldest first. */
    public List<AuditRow> find(AuditQuery query) {
        writer.flush();
        return select.find(query);
    }
}
