package org.alcove.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.alcove.server.config.AlcoveConfig;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connection pool, migrated to the newest schema when opened. Without a JDBC URL the
 * database is an embedded H2 file {@code <dataDir>/alcove}; the schema stays portable so the
 * same migrations run on PostgreSQL.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    public static Database open(AlcoveConfig.Store config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl() != null ? config.jdbcUrl() : embeddedUrl(config));
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setPoolName("alcove-db");
        HikariDataSource pool = new HikariDataSource(hikari);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool);
    }

    private static String embeddedUrl(AlcoveConfig.Store config) {
        // AUTO_SERVER off: one process owns the file; the data dir is created by H2 if missing.
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
