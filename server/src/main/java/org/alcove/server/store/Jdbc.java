package org.alcove.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Instant ↔ column conversions shared by the stores and the audit trail; UTC timestamps work the same on H2 and PostgreSQL. */
public final class Jdbc {
    private Jdbc() {
    }

    public static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        ps.setTimestamp(index, value == null ? null : Timestamp.from(value));
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /** A failure the caller cannot handle. Its cause can quote stored values, so it is only logged at DEBUG. */
    public static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("database error while " + what + " (SQLState " + e.getSQLState() + ")", e);
    }
}
