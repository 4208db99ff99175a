package org.alcove.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.alcove.server.config.AlcoveConfig;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connection pool, migrated to the newest schema when opened (Flyway runs only when
 * {@link Schema} finds a migration not yet applied). Without a JDBC URL the
 * database is an embedded H2 file {@code <dataDir>/alcove}; the schema stays portable so the
 * same migrations run on PostgreSQL.
 */
public final class Database implements AutoCloseable {
    static final String MIGRATIONS = "classpath:db/migration";

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    public static Database open(AlcoveConfig.Store config) {
        if (config.jdbcUrl() == null) {
            createPrivateDirectory(config.dataDir());
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl() != null ? config.jdbcUrl() : embeddedUrl(config));
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setPoolName("alcove-db");
        HikariDataSource pool = new HikariDataSource(hikari);
        try {
            if (!Schema.current(pool)) {
                Flyway.configure().dataSource(pool).locations(MIGRATIONS).load().migrate();
            }
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool);
    }

    /** The data dir holds accounts and the signing key: only the owner may list or read it. */
    public static void createPrivateDirectory(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
    }

    private static String embeddedUrl(AlcoveConfig.Store config) {
        // One process owns the file; DB_CLOSE_ON_EXIT off so stop() (not a JVM hook) closes it.
        return "jdbc:h2:file:" + config.dataDir().toAbsolutePath().resolve("alcove") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    public DataSource dataSource() {
        return pool;
    }

    /** True when a connection can be had and answers a trivial query (readiness). */
    public boolean ping() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
