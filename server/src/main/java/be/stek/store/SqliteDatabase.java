package be.stek.store;

import be.stek.core.Unavailable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite store: migrations applied at open, a small pool of read connections, and one group-commit writer
 * for every change. Every connection runs in WAL mode with foreign keys on and a busy timeout.
 */
final class SqliteDatabase implements Database {
    private static final Logger log = LoggerFactory.getLogger(SqliteDatabase.class);
    /**
     * Read connections: more than the cores, so that a request thread that holds one while the scheduler runs others
     * does not make every other request wait for it (SQLite reads take microseconds; waiting was the long tail).
     */
    private static final int READERS = 16;

    private final Path file;
    private final String url;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final GroupCommitWriter writer;
    private final Limits limits;
    /** One set for every repository, so that a write through one makes every cache of that learner stale. */
    private final Versions versions = Versions.inMemory();

    private SqliteDatabase(Path file, Limits limits) throws SQLException {
        this.file = file;
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        this.limits = limits;
        for (int i = 0; i < READERS; i++) {
            readers.add(pooled(connect(true)));
        }
        this.writer = new GroupCommitWriter(() -> connect(false), limits.queue(), Clock.systemUTC());
    }

    /** Opens (and creates, if needed) the database file and brings its schema up to date. */
    static SqliteDatabase open(Path file, Limits limits) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            migrate(file);
            return new SqliteDatabase(file, limits);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open database " + file + ": " + explain(e), e);
        }
    }

    /** One line that says why the database could not be opened; a full disk is named as such. */
    static String explain(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("SQLITE_FULL") || m.contains("disk is full") || m.contains("No space left on device")) {
                return "the disk is full (free some space and start again)";
            }
        }
        return e.getMessage();
    }

    private static void migrate(Path file) throws SQLException {
        SQLiteConfig config = baseConfig();
        try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            c.createStatement().execute("PRAGMA journal_mode=WAL");
        }
        Migrations.apply(DatabaseUrl.sqlite(file));
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

    @Override
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

    /**
     * Runs a change through the writer and returns once it is committed to disk. Throws {@link Unavailable} when the
     * database cannot write, the queue is full, or the write did not finish in time (it may then still be saved
     * later: the caller must not say it was, nor that it was not).
     */
    @Override
    public <T> T write(SqlFunction<T> work) {
        try {
            return writer.submit(work).get(limits.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while writing", 5, e);
        } catch (TimeoutException e) {
            throw new Unavailable("the write did not finish within " + limits.writeTimeout().toSeconds() + " s ("
                    + writer.queued() + " writes waiting)", 10, e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /**
     * True when the database reads and writes now: a read on the pool and a round trip through the writer, both within
     * {@code timeout}. While writes have been failing, the round trip writes (and removes) a few pages for real, so
     * the answer turns healthy again only once the disk takes writes again.
     */
    @Override
    public boolean healthy(Duration timeout) {
        try {
            CompletableFuture<Boolean> read = CompletableFuture.supplyAsync(() -> read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT 1")) {
                    return rs.next();
                }
            }));
            boolean failing = !writer.healthy();
            CompletableFuture<Boolean> write = writer.submit(c -> {
                if (failing) {
                    try (var st = c.createStatement()) {
                        st.execute("CREATE TABLE IF NOT EXISTS health_probe (filler BLOB)");
                        st.execute("INSERT INTO health_probe (filler) VALUES (zeroblob(32768))");
                        st.execute("DELETE FROM health_probe");
                    }
                }
                return true;
            });
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean ok = read.get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    && write.get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            return ok && writer.healthy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("health check failed: {}", e.getMessage());
            return false;
        }
    }

    /**
     * Fault injection for tests: SQL run on the writer's connection now and after each reconnect (for example
     * {@code PRAGMA max_page_count = N}, which makes SQLite answer SQLITE_FULL as a full disk would).
     */
    @Override
    public void injectWriterSetup(String sql) {
        writer.setupSql(sql);
        write(c -> {
            try (var st = c.createStatement()) {
                st.execute(sql);
            }
            return null;
        });
    }

    /**
     * Queues a change that nobody waits for (a last-seen time, for example); it is committed with the next batch,
     * and {@code afterCommit} runs once it is.
     */
    @Override
    public void writeLater(SqlFunction<?> work, Runnable afterCommit) {
        writer.submit(work).thenRun(afterCommit).exceptionally(e -> {
            log.warn("background write failed: {}", e.getMessage());
            return null;
        });
    }

    /** Writes a consistent copy of the database to {@code target}, safe while the server is running. */
    @Override
    public void backupTo(Path target) {
        // VACUUM INTO reads one snapshot of the database; it needs a connection of its own (not read-only, and
        // outside the writer's open transaction).
        try (Connection c = connect(false); var st = c.createStatement()) {
            st.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** One process per SQLite file: nothing kept in memory can go stale behind its back. */
    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public Versions versions() {
        return versions;
    }

    @Override
    public DatabaseUrl url() {
        return DatabaseUrl.sqlite(file);
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
