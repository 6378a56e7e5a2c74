package org.concord.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One SQLite file in WAL mode with {@code synchronous=FULL}: a transaction that committed survives a process
 * crash or power loss. All access goes through {@link #withConnection}/{@link #inTransaction}, serialized on
 * this object, so the single JDBC connection is never used by two threads at once. Store classes (bars,
 * annotations, inference frames, models) each create their own tables on this database.
 */
public final class SqliteDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);

    private final Path file;
    private final Connection connection;

    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private SqliteDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static SqliteDatabase open(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("database file is null");
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA foreign_keys=ON");
            }
            LOG.info("opened store {}", file.toAbsolutePath());
            return new SqliteDatabase(file, c);
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open SQLite store " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} with the connection in auto-commit mode. */
    public synchronized <T> T withConnection(Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("store " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one transaction: all of it commits (durably) or none of it does. */
    public synchronized <T> T inTransaction(Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("store " + file.getFileName() + " transaction rolled back: " + e.getMessage(), e);
        }
    }

    /** Executes DDL statements (CREATE TABLE IF NOT EXISTS ...). */
    public void ensureSchema(String... ddl) {
        inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                for (String d : ddl) {
                    s.execute(d);
                }
            }
            return null;
        });
    }

    @Override
    public synchronized void close() {
        try {
            if (!connection.isClosed()) {
                connection.close();
            }
        } catch (SQLException e) {
            LOG.warn("closing store {}: {}", file, e.getMessage());
        }
    }
}
