package org.alcove.server.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Append-only audit trail. Rows hold opaque ids and fixed vocabulary only (see {@link AuditEvent}). */
public final class AuditLog {
    private final DataSource db;

    public AuditLog(Database db) {
        this.db = db.dataSource();
    }

    public void append(AuditEvent event) {
        String sql = "INSERT INTO audit_events (at, session_id, participant_id, role, event, outcome, actor_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.setInstant(ps, 1, event.at());
            ps.setString(2, event.sessionId());
            ps.setString(3, event.participantId());
            ps.setString(4, event.role());
            ps.setString(5, event.event());
            ps.setString(6, event.outcome());
            ps.setString(7, event.actorId());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("appending an audit event", e);
        }
    }

    /** Events of one session, oldest first. */
    public List<AuditEvent> forSession(String sessionId) {
        return query("SELECT * FROM audit_events WHERE session_id = ? ORDER BY seq", sessionId);
    }

    /** Events not tied to a session (sign-ins, accounts), oldest first. */
    public List<AuditEvent> withoutSession() {
        return query("SELECT * FROM audit_events WHERE session_id IS NULL ORDER BY seq", null);
    }

    private List<AuditEvent> query(String sql, String parameter) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            List<AuditEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new AuditEvent(Jdbc.instant(rs, "at"), rs.getString("session_id"),
                            rs.getString("participant_id"), rs.getString("role"), rs.getString("event"),
                            rs.getString("outcome"), rs.getString("actor_id")));
                }
            }
            return events;
        } catch (SQLException e) {
            throw Jdbc.failure("reading audit events", e);
        }
    }
}
