package org.alcove.server.store;

import org.alcove.server.config.AlcoveConfig;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaTest {
    @TempDir
    Path dir;

    @Test
    void the_shipped_versions_are_the_migration_files_in_order() throws IOException, URISyntaxException {
        Path migrations = Path.of(Schema.class.getResource("/db/migration").toURI());
        List<String> versions;
        try (Stream<Path> files = Files.list(migrations)) {
            versions = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.+\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted(Comparator.comparingInt(Integer::parseInt))
                    .toList();
        }
        assertEquals(versions, Schema.SHIPPED);
    }

    /**
     * A restart with a current schema skips Flyway, and with it Flyway's check that the applied
     * migrations still match the shipped files; this check stands in for it: a released
     * migration is never edited (add a new one instead), so its checksum never changes.
     */
    @Test
    void a_released_migration_is_never_edited() throws SQLException {
        Map<String, Integer> released = Map.of("1", -1780462191, "2", 698672752);
        flyway().load().migrate();
        Map<String, Integer> checksums = new HashMap<>();
        try (Connection c = flyway().load().getConfiguration().getDataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT \"version\", \"checksum\" FROM \"flyway_schema_history\""
                     + " WHERE \"version\" IS NOT NULL")) {
            while (rows.next()) {
                checksums.put(rows.getString(1), rows.getInt(2));
            }
        }
        for (Map.Entry<String, Integer> migration : released.entrySet()) {
            assertEquals(migration.getValue(), checksums.get(migration.getKey()),
                    "migration V" + migration.getKey() + " was edited after its release");
        }
    }

    @Test
    void a_new_database_is_not_current_until_opened_once() {
        assertFalse(Schema.current(flyway().load().getConfiguration().getDataSource()));
        try (Database db = Database.open(store())) {
            assertTrue(Schema.current(db.dataSource()));
        }
        try (Database reopened = Database.open(store())) {
            assertTrue(Schema.current(reopened.dataSource()));
        }
    }

    @Test
    void a_database_behind_the_code_is_migrated_on_open() {
        DataSource half = flyway().target("1").load().getConfiguration().getDataSource();
        flyway().target("1").load().migrate();
        assertFalse(Schema.current(half));
        try (Database db = Database.open(store())) {
            assertTrue(Schema.current(db.dataSource()));
        }
    }

    @Test
    void a_failed_migration_in_the_history_is_not_current() throws SQLException {
        try (Database db = Database.open(store())) {
            execute(db.dataSource(), "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '2'");
            assertFalse(Schema.current(db.dataSource()));
        }
    }

    @Test
    void a_migration_this_build_does_not_ship_sends_the_open_through_flyway() throws SQLException {
        try (Database db = Database.open(store())) {
            execute(db.dataSource(), "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
                    + " \"type\", \"script\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 'alcove', 1, TRUE)");
            assertFalse(Schema.current(db.dataSource()));
        }
        // Flyway's default for a newer database: a warning, and the shipped schema is there.
        try (Database db = Database.open(store())) {
            assertFalse(Schema.current(db.dataSource()));
            assertTrue(db.ping());
        }
    }

    private AlcoveConfig.Store store() {
        return new AlcoveConfig.Store(dir, null, "alcove", "", 2);
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return Flyway.configure().dataSource("jdbc:h2:file:" + dir.resolve("alcove") + ";DB_CLOSE_ON_EXIT=FALSE",
                "alcove", "").locations(Database.MIGRATIONS);
    }

    private static void execute(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
