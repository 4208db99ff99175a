package org.alcove.server.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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
    private static final String COLUMNS = "seq, at, session_id, participant_id, role, event, outcome, actor_id, detail,"
            + " prev_hash, hash";

    private final DataSource db;
    private final AuditWriter writer;

    public AuditLog(Database db) {
        this(db, MAX_PENDING, true);
    }

    /** With {@code background} false, queued rows wait for a read, a flush or the bound (for tests). */
    AuditLog(Database db, int maxPending, boolean background) {
        this.db = db.dataSource();
        this.writer = new AuditWriter(this.db, maxPending, background);
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
        return writer.rewrite(() -> {
            try (Connection c = db.getConnection()) {
                // Unhashed rows can only be the oldest ones: v1 rows, all sealed at once, and append()
                // refuses to chain onto a row without a hash. So a hashed (or no) first row means
                // nothing to seal: one primary-key lookup, where counting NULL hashes scanned the
                // whole table at every start (0.5 s with 80,000 rows).
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT hash FROM audit_events ORDER BY seq FETCH FIRST 1 ROWS ONLY");
                     ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getString(1) != null) {
                        return 0;
                    }
                }
                List<AuditRow> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_events ORDER BY seq");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
                c.setAutoCommit(false);
                String prev = AuditChain.GENESIS;
                int sealed = 0;
                try (PreparedStatement ps = c.prepareStatement("UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?")) {
                    for (AuditRow row : rows) {
                        if (row.hash() != null) {
                            prev = row.hash();
                            continue;
                        }
                        String hash = AuditChain.hash(row.event(), prev);
                        ps.setString(1, prev);
                        ps.setString(2, hash);
                        ps.setLong(3, row.seq());
                        ps.executeUpdate();
                        prev = hash;
                        sealed++;
                    }
                }
                c.commit();
                return sealed;
            } catch (SQLException e) {
                throw Jdbc.failure("sealing audit rows", e);
            }
        });
    }

    /** Walks the whole chain, oldest first, and reports the first row that does not link. */
    public AuditChain.Verdict verify() {
        AuditChain.Walk walk = new AuditChain.Walk();
        each(walk::accept);
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
        each(row -> {
            if (row.event().sessionId() == null) {
                events.add(row.event());
            }
        });
        return events;
    }

    /** Rows matching {@code query}, oldest first. */
    public List<AuditRow> find(AuditQuery query) {
        writer.flush();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_events WHERE seq > ?");
        List<Object> params = new ArrayList<>();
        params.add(query.afterSeq());
        if (query.from() != null) {
            sql.append(" AND at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND at < ?");
            params.add(Timestamp.from(query.to()));
        }
        if (query.sessionId() != null) {
            sql.append(" AND session_id = ?");
            params.add(query.sessionId());
        }
        if (query.participantId() != null) {
            sql.append(" AND participant_id = ?");
            params.add(query.participantId());
        }
        if (query.type() != null) {
            // Callers pass names of [a-z.-] only, so LIKE has no wildcard to escape.
            sql.append(query.type().endsWith(".") ? " AND event LIKE ?" : " AND event = ?");
            params.add(query.type().endsWith(".") ? query.type() + "%" : query.type());
        }
        sql.append(" ORDER BY seq");
        if (query.limit() < Integer.MAX_VALUE) {
            sql.append(" FETCH FIRST ").append(Math.max(0, query.limit())).append(" ROWS ONLY");
        }
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<AuditRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw Jdbc.failure("reading audit events", e);
        }
    }

    private void each(Consumer<AuditRow> visitor) {
        writer.flush();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_events ORDER BY seq")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        visitor.accept(row(rs));
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading audit events", e);
        }
    }

    private static AuditRow row(ResultSet rs) throws SQLException {
        AuditEvent event = new AuditEvent(Jdbc.instant(rs, "at"), rs.getString("session_id"),
                rs.getString("participant_id"), rs.getString("role"), rs.getString("event"),
                rs.getString("outcome"), rs.getString("actor_id"), rs.getString("detail"));
        return new AuditRow(rs.getLong("seq"), event, rs.getString("prev_hash"), rs.getString("hash"));
    }
}
