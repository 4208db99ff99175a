package org.alcove.server.accounts;

import org.alcove.server.store.Database;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Staff accounts. Emails are stored lower-cased, so uniqueness ignores case. */
public final class UserStore {
    private final DataSource db;

    public UserStore(Database db) {
        this.db = db.dataSource();
    }

    /** Inserts the user; returns false when the email is already taken. */
    public boolean create(User user) {
        String sql = "INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, user.id());
            ps.setString(2, user.email());
            ps.setString(3, user.name());
            ps.setString(4, user.role().name());
            ps.setString(5, user.passwordHash());
            ps.setTimestamp(6, Timestamp.from(user.createdAt()));
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            // 23xxx is "integrity constraint violation" on every database; here only the email can clash.
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw failure("creating a user", e);
        }
    }

    public Optional<User> find(String id) {
        return query("SELECT * FROM users WHERE id = ?", id).stream().findFirst();
    }

    public Optional<User> findByEmail(String email) {
        return query("SELECT * FROM users WHERE email = ?", email).stream().findFirst();
    }

    /** Every account, oldest first. */
    public List<User> all() {
        return query("SELECT * FROM users ORDER BY created_at, id", null);
    }

    public boolean isEmpty() {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM users");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) == 0;
        } catch (SQLException e) {
            throw failure("counting users", e);
        }
    }

    public void setPasswordHash(String id, String passwordHash) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE users SET password_hash = ? WHERE id = ?")) {
            ps.setString(1, passwordHash);
            ps.setString(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("setting a password", e);
        }
    }

    /** Disables or re-enables an account; false when there is no such account. */
    public boolean setDisabled(String id, boolean disabled) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE users SET disabled = ? WHERE id = ?")) {
            ps.setBoolean(1, disabled);
            ps.setString(2, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("disabling a user", e);
        }
    }

    private List<User> query(String sql, String parameter) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            List<User> users = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    users.add(new User(rs.getString("id"), rs.getString("email"), rs.getString("name"),
                            AccountRole.valueOf(rs.getString("role")), rs.getString("password_hash"),
                            rs.getTimestamp("created_at").toInstant(), rs.getBoolean("disabled")));
                }
            }
            return users;
        } catch (SQLException e) {
            throw failure("reading users", e);
        }
    }

    private static IllegalStateException failure(String what, SQLException e) {
        // The cause can quote values (an email): it is logged at DEBUG only, never at INFO.
        return new IllegalStateException("database error while " + what + " (SQLState " + e.getSQLState() + ")", e);
    }
}
