package org.alcove.server.audit;

import org.alcove.server.store.Jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Chains rows written before the audit trail had hashes (schema v1), in {@code seq} order. Run
 * once at start by {@link AuditLog#sealUnhashed()} as the only writer.
 */
final class AuditSeal {
    private AuditSeal() {
    }

    /** Returns how many rows it sealed; 0 (after one primary-key lookup) when every row has its hash. */
    static int seal(DataSource db) {
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
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + AuditSelect.COLUMNS + " FROM audit_events ORDER BY seq");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(AuditSelect.row(rs));
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
    }
}
