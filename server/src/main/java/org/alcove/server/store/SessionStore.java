package org.alcove.server.store;

import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.Role;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Booked sessions and their participants. State changes are single conditional UPDATEs, so a
 * cancel racing an automatic end (or two reissues) cannot both win.
 */
public final class SessionStore {
    private final DataSource db;

    public SessionStore(Database db) {
        this.db = db.dataSource();
    }

    /** Stores a new session with its participants (therapist first, then clients in order) atomically. */
    public void create(SessionRecord session, List<ParticipantRecord> participants) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO sessions (id, therapist_id, starts_at,"
                        + " ends_at, status, end_reason, ended_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, session.id());
                    ps.setString(2, session.therapistId());
                    Jdbc.setInstant(ps, 3, session.startsAt());
                    Jdbc.setInstant(ps, 4, session.endsAt());
                    ps.setString(5, session.status().name());
                    ps.setString(6, session.endReason() == null ? null : session.endReason().name());
                    Jdbc.setInstant(ps, 7, session.endedAt());
                    Jdbc.setInstant(ps, 8, session.createdAt());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO participants (id, session_id, role,"
                        + " name, email, user_id, token_id, status, seat_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    int seat = 0;
                    for (ParticipantRecord p : participants) {
                        ps.setString(1, p.id());
                        ps.setString(2, p.sessionId());
                        ps.setString(3, p.role().name());
                        ps.setString(4, p.name());
                        ps.setString(5, p.email());
                        ps.setString(6, p.userId());
                        ps.setString(7, p.tokenId());
                        ps.setString(8, p.status().name());
                        ps.setInt(9, seat++);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("creating a session", e);
        }
    }

    public Optional<SessionRecord> find(String sessionId) {
        List<SessionRecord> found = sessions("SELECT * FROM sessions WHERE id = ?", sessionId);
        return found.stream().findFirst();
    }

    /** A therapist's sessions, earliest start first. */
    public List<SessionRecord> forTherapist(String therapistId) {
        return sessions("SELECT * FROM sessions WHERE therapist_id = ? ORDER BY starts_at, id", therapistId);
    }

    /** Every session, earliest start first. */
    public List<SessionRecord> all() {
        return sessions("SELECT * FROM sessions ORDER BY starts_at, id", null);
    }

    /**
     * The session and its participant {@code participantId} in one query (a join reads both, and
     * reads them again once seated); empty when there is no such session.
     */
    public Optional<StoredSeat> findSeat(String sessionId, String participantId) {
        String sql = "SELECT s.*, p.id AS p_id, p.role AS p_role, p.name AS p_name, p.email AS p_email,"
                + " p.user_id AS p_user_id, p.token_id AS p_token_id, p.status AS p_status FROM sessions s"
                + " LEFT JOIN participants p ON p.session_id = s.id AND p.id = ? WHERE s.id = ?";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, participantId);
            ps.setString(2, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                SessionRecord session = session(rs);
                String id = rs.getString("p_id");
                return Optional.of(new StoredSeat(session, id == null ? null : new ParticipantRecord(id, session.id(),
                        Role.valueOf(rs.getString("p_role")), rs.getString("p_name"), rs.getString("p_email"),
                        rs.getString("p_user_id"), rs.getString("p_token_id"),
                        ParticipantStatus.valueOf(rs.getString("p_status")))));
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading a seat", e);
        }
    }

    public Optional<ParticipantRecord> findParticipant(String sessionId, String participantId) {
        return participants("SELECT * FROM participants WHERE session_id = ? AND id = ?", sessionId, participantId)
                .stream().findFirst();
    }

    /** The therapist first, then the clients in booking order. */
    public List<ParticipantRecord> participants(String sessionId) {
        return participants("SELECT * FROM participants WHERE session_id = ? ORDER BY seat_order", sessionId, null);
    }

    public void setParticipantStatus(String sessionId, String participantId, ParticipantStatus status) {
        update("setting a participant's status", "UPDATE participants SET status = ? WHERE session_id = ? AND id = ?",
                status.name(), sessionId, participantId);
    }

    /** Gives a participant a new token id, so every earlier link of theirs stops verifying as current. */
    public boolean replaceTokenId(String sessionId, String participantId, String newTokenId) {
        return update("replacing a token id", "UPDATE participants SET token_id = ? WHERE session_id = ? AND id = ?",
                newTokenId, sessionId, participantId) == 1;
    }

    /**
     * Ends or cancels a session ({@link EndReason#CANCELLED} → CANCELLED, else ENDED), only if it is
     * still SCHEDULED. Returns whether this call changed it.
     */
    public boolean markEnded(String sessionId, EndReason reason, Instant at) {
        SessionStatus status = reason == EndReason.CANCELLED ? SessionStatus.CANCELLED : SessionStatus.ENDED;
        String sql = "UPDATE sessions SET status = ?, end_reason = ?, ended_at = ? WHERE id = ? AND status = ?";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, status.name());
            ps.setString(2, reason.name());
            Jdbc.setInstant(ps, 3, at);
            ps.setString(4, sessionId);
            ps.setString(5, SessionStatus.SCHEDULED.name());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Jdbc.failure("ending a session", e);
        }
    }

    /** Moves the end of a still scheduled session (extension). */
    public void extend(String sessionId, Instant newEndsAt) {
        String sql = "UPDATE sessions SET ends_at = ? WHERE id = ? AND status = ?";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.setInstant(ps, 1, newEndsAt);
            ps.setString(2, sessionId);
            ps.setString(3, SessionStatus.SCHEDULED.name());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("extending a session", e);
        }
    }

    private int update(String what, String sql, String... parameters) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure(what, e);
        }
    }

    private List<SessionRecord> sessions(String sql, String parameter) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            List<SessionRecord> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(session(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw Jdbc.failure("reading sessions", e);
        }
    }

    private static SessionRecord session(ResultSet rs) throws SQLException {
        String reason = rs.getString("end_reason");
        return new SessionRecord(rs.getString("id"), rs.getString("therapist_id"), Jdbc.instant(rs, "starts_at"),
                Jdbc.instant(rs, "ends_at"), SessionStatus.valueOf(rs.getString("status")),
                reason == null ? null : EndReason.valueOf(reason), Jdbc.instant(rs, "ended_at"),
                Jdbc.instant(rs, "created_at"));
    }

    private List<ParticipantRecord> participants(String sql, String sessionId, String participantId) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, sessionId);
            if (participantId != null) {
                ps.setString(2, participantId);
            }
            List<ParticipantRecord> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new ParticipantRecord(rs.getString("id"), rs.getString("session_id"),
                            Role.valueOf(rs.getString("role")), rs.getString("name"), rs.getString("email"),
                            rs.getString("user_id"), rs.getString("token_id"),
                            ParticipantStatus.valueOf(rs.getString("status"))));
                }
            }
            return found;
        } catch (SQLException e) {
            throw Jdbc.failure("reading participants", e);
        }
    }
}
