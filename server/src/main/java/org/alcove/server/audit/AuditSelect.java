package org.alcove.server.audit;

import org.alcove.server.store.Jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The SQL that reads audit rows back; {@link AuditLog} first waits for the rows handed over before. */
final class AuditSelect {
    static final String COLUMNS = "seq, at, session_id, participant_id, role, event, outcome, actor_id, detail,"
            + " prev_hash, hash";

    private final DataSource db;

    AuditSelect(DataSource db) {
        this.db = db;
    }

    /** Rows matching {@code query}, oldest first. */
    List<AuditRow> find(AuditQuery query) {
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

    /** Hands every row, oldest first, to {@code visitor}, streaming them (the trail may be large). */
    void each(Consumer<AuditRow> visitor) {
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

    static AuditRow row(ResultSet rs) throws SQLException {
        AuditEvent event = new AuditEvent(Jdbc.instant(rs, "at"), rs.getString("session_id"),
                rs.getString("participant_id"), rs.getString("role"), rs.getString("event"),
                rs.getString("outcome"), rs.getString("actor_id"), rs.getString("detail"));
        return new AuditRow(rs.getLong("seq"), event, rs.getString("prev_hash"), rs.getString("hash"));
    }
}
