package be.stek.store;

import be.stek.core.Unavailable;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The store every repository uses: read-only work on a pooled connection, and changes in transactions that are
 * durable before {@link #write} returns. Two stores implement it, chosen at start-up by {@link DatabaseUrl}: a SQLite
 * file (one group-commit writer thread) and a PostgreSQL server (a connection pool, serializable transactions retried
 * on conflicts), with the same migrations and the same SQL.
 */
public interface Database extends AutoCloseable {

    /**
     * How long a caller waits for its write ({@code writeTimeout}) and how many writes may wait at once
     * ({@code queue}); past either, the write is answered with {@link Unavailable} (a 503 page).
     */
    record Limits(Duration writeTimeout, int queue) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(15), 10_000);
    }

    /** Opens (and creates, if needed) a SQLite file and brings its schema up to date. */
    static Database open(Path file) {
        return open(DatabaseUrl.sqlite(file), Limits.DEFAULT);
    }

    static Database open(Path file, Limits limits) {
        return open(DatabaseUrl.sqlite(file), limits);
    }

    static Database open(DatabaseUrl url) {
        return open(url, Limits.DEFAULT);
    }

    /** Opens the store at {@code url} and brings its schema up to date (migrations run at most once at a time). */
    static Database open(DatabaseUrl url, Limits limits) {
        return switch (url.vendor()) {
            case SQLITE -> SqliteDatabase.open(url.file(), limits);
            case POSTGRESQL -> PostgresDatabase.open(url, limits);
        };
    }

    /** Runs read-only work on a pooled connection (each statement sees the latest committed data). */
    <T> T read(SqlFunction<T> work);

    /**
     * Runs a change as one transaction and returns once it is committed to disk. Throws {@link Unavailable} when the
     * database cannot write, too many writes wait, or the write did not finish in time (it may then still be saved
     * later: the caller must not say it was, nor that it was not). Work may run more than once (PostgreSQL retries a
     * transaction that conflicted with another), so it must do nothing but database work.
     */
    <T> T write(SqlFunction<T> work);

    /**
     * Queues a change that nobody waits for (a last-seen time, for example); {@code afterCommit} runs once it is
     * committed.
     */
    void writeLater(SqlFunction<?> work, Runnable afterCommit);

    /**
     * True when the database reads and writes now, both within {@code timeout}; false also while writes have been
     * failing, until one succeeds again.
     */
    boolean healthy(Duration timeout);

    /**
     * Fault injection for tests: SQL run on every write connection now and after each reconnect (on SQLite, for
     * example {@code PRAGMA max_page_count = N}, which makes it answer SQLITE_FULL as a full disk would).
     */
    void injectWriterSetup(String sql);

    /** Writes a consistent copy of the database to {@code target}, safe while the server is running (SQLite only). */
    void backupTo(Path target);

    /** Where the data lives. */
    DatabaseUrl url();

    /**
     * True when other processes may change this database while this one runs (PostgreSQL: several nodes): what a
     * process keeps in memory must then be checked against the database (sessions, cached reads, throttle counts).
     */
    boolean shared();

    /**
     * Learner data versions for a {@link LearnerCache}: in memory for one process (the same set for every caller), in
     * the database when shared.
     */
    Versions versions();

    default DatabaseUrl.Vendor vendor() {
        return url().vendor();
    }

    @Override
    void close();
}
