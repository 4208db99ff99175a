package org.alcove.server.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a database already holds every migration this build ships, read from Flyway's own
 * history table in one query. A restart, the usual case, then skips Flyway: its start-up (plugin
 * registry, classpath scan, checksums) was about a fifth of the time to a restart's first join.
 * Anything else (a new database, a missing, failed or unknown migration) goes through Flyway as
 * before, which migrates or refuses to start with its own message.
 */
final class Schema {
    /** The versions of {@code db/migration/V<version>__*.sql}, oldest first; SchemaTest keeps it equal to the files. */
    static final List<String> SHIPPED = List.of("1", "2");

    private static final String HISTORY = "SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
            + " ORDER BY \"installed_rank\"";

    private Schema() {
    }

    /** True when every shipped migration, and nothing else, has been applied successfully. */
    static boolean current(DataSource db) {
        List<String> applied = new ArrayList<>();
        try (Connection c = db.getConnection();
             Statement query = c.createStatement();
             ResultSet rows = query.executeQuery(HISTORY)) {
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return false;
                }
                // Flyway's own marker row (the history table's creation) has no version.
                String version = rows.getString(1);
                if (version != null) {
                    applied.add(version);
                }
            }
        } catch (SQLException e) {
            // No history table: a new database, for Flyway to create.
            return false;
        }
        return applied.equals(SHIPPED);
    }
}
