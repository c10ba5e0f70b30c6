package be.stek.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite database: migrations applied at open, a small pool of read connections, and one group-commit writer
 * for every change. Every connection runs in WAL mode with foreign keys on and a busy timeout.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int READERS = 4;

    private final Path file;
    private final String url;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final GroupCommitWriter writer;

    private Database(Path file) throws SQLException {
        this.file = file;
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        for (int i = 0; i < READERS; i++) {
            readers.add(pooled(connect(true)));
        }
        this.writer = new GroupCommitWriter(pooled(connect(false)));
    }

    /** Opens (and creates, if needed) the database file and brings its schema up to date. */
    public static Database open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            migrate(file);
            return new Database(file);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    private static void migrate(Path file) throws SQLException {
        SQLiteConfig config = baseConfig();
        try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            c.createStatement().execute("PRAGMA journal_mode=WAL");
        }
        var result = Flyway.configure()
                .dataSource("jdbc:sqlite:" + file.toAbsolutePath(), null, null)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            log.info("database {}: applied {} migration(s), now at version {}", file, result.migrationsExecuted,
                    result.targetSchemaVersion);
        }
    }

    private static SQLiteConfig baseConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        return config;
    }

    private Connection connect(boolean readOnly) throws SQLException {
        SQLiteConfig config = baseConfig();
        Connection c = config.createConnection(url);
        if (readOnly) {
            c.createStatement().execute("PRAGMA query_only=ON");
        }
        return c;
    }

    /** A connection that lives as long as the database: its prepared statements are kept for reuse. */
    private static Connection pooled(Connection c) {
        StatementCache.register(c);
        return c;
    }

    /** Runs read-only work on a pooled connection. */
    public <T> T read(SqlFunction<T> work) {
        Connection c = borrow();
        try {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        } finally {
            readers.add(c);
        }
    }

    /** Runs a change through the writer and returns once it is committed to disk. */
    public <T> T write(SqlFunction<T> work) {
        try {
            return writer.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(new SQLException("interrupted while writing"));
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /**
     * Queues a change that nobody waits for (a last-seen time, for example); it is committed with the next batch,
     * and {@code afterCommit} runs once it is.
     */
    public void writeLater(SqlFunction<?> work, Runnable afterCommit) {
        writer.submit(work).thenRun(afterCommit).exceptionally(e -> {
            log.warn("background write failed: {}", e.getMessage());
            return null;
        });
    }

    /** Writes a consistent copy of the database to {@code target}, safe while the server is running. */
    public void backupTo(Path target) {
        // VACUUM INTO reads one snapshot of the database; it needs a connection of its own (not read-only, and
        // outside the writer's open transaction).
        try (Connection c = connect(false); var st = c.createStatement()) {
            st.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public Path file() {
        return file;
    }

    private Connection borrow() {
        try {
            return readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(new SQLException("interrupted while waiting for a connection"));
        }
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof SQLException sql) {
            return new StoreException(sql);
        }
        return new StoreException(new SQLException(cause));
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (SQLException e) {
            log.warn("closing writer: {}", e.getMessage());
        }
        readers.forEach(c -> {
            try {
                StatementCache.unregister(c);
                c.close();
            } catch (SQLException e) {
                log.warn("closing reader: {}", e.getMessage());
            }
        });
    }
}
