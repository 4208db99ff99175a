package org.alcove.server.audit;

import org.alcove.server.store.Jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Inserts rows at the head of the hash chain, each chained to the one before, in one
 * transaction. Not thread-safe: only {@link AuditWriter}, under its lock, calls it.
 */
final class AuditInsert {
    private static final String INSERT = "INSERT INTO audit_events (at, session_id, participant_id, role, event, outcome,"
            + " actor_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource db;
    /**
     * The newest row's hash once written or read, so an append need not read it back: one
     * writer per database's trail. Set only after a commit; {@code null} (read it from the table)
     * after any failure or {@link #forgetHead}.
     */
    private String head;

    AuditInsert(DataSource db) {
        this.db = db;
    }

    /** The database keeps microseconds at most; hash exactly what will be read back. */
    static AuditEvent stored(AuditEvent e) {
        return new AuditEvent(e.at().truncatedTo(ChronoUnit.MILLIS), e.sessionId(), e.participantId(), e.role(),
                e.event(), e.outcome(), e.actorId(), e.detail());
    }

    /** After rows were changed other than by {@link #insert}: the next insert reads the head again. */
    void forgetHead() {
        head = null;
    }

    /** Inserts {@code rows} (already {@link #stored}) all or none; throws if they fail. */
    void insert(List<AuditEvent> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String newest = head;
        head = null;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                String prev = newest != null ? newest : lastHash(c);
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    for (AuditEvent event : rows) {
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
