package be.stek.store;

import be.stek.core.Unavailable;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL store: two HikariCP pools (reads in autocommit, writes in serializable transactions), no writer
 * thread: the pool gives concurrency, and several Stek nodes can share the database. Each write is one transaction,
 * committed with {@code synchronous_commit = on} (on disk before {@link #write} returns) and retried when
 * PostgreSQL refuses it for a conflict with a concurrent transaction, so that a use case that reads, decides and
 * writes behaves as it does on SQLite's single writer.
 */
final class PostgresDatabase implements Database {
    private static final Logger log = LoggerFactory.getLogger(PostgresDatabase.class);
    private static final int ATTEMPTS = 20;
    /** A unique key taken by a concurrent transaction is retried this often: the retry reads the row and decides. */
    private static final int DUPLICATE_ATTEMPTS = 3;

    private final DatabaseUrl url;
    private final Limits limits;
    private final HikariDataSource reads;
    private final HikariDataSource writes;
    private final ThreadPoolExecutor later;
    private volatile String setupSql;
    private volatile Instant lastFailure;
    private volatile Instant lastSuccess;

    private PostgresDatabase(DatabaseUrl url, Limits limits, HikariDataSource reads, HikariDataSource writes) {
        this.url = url;
        this.limits = limits;
        this.reads = reads;
        this.writes = writes;
        this.later = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
                r -> {
                    Thread t = new Thread(r, "stek-db-later");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.DiscardPolicy());
    }

    static PostgresDatabase open(DatabaseUrl url, Limits limits) {
        HikariDataSource writes = null;
        try {
            writes = pool(url, "stek-write", false, limits);
            Migrations.apply(url, writes);
            return new PostgresDatabase(url, limits, pool(url, "stek-read", true, limits), writes);
        } catch (RuntimeException e) {
            if (writes != null) {
                writes.close();
            }
            throw new IllegalStateException("cannot open database " + url + ": " + e.getMessage(), e);
        }
    }

    private static HikariDataSource pool(DatabaseUrl url, String name, boolean autoCommit, Limits limits) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.user());
        config.setPassword(url.password());
        config.setAutoCommit(autoCommit);
        config.setMaximumPoolSize(Integer.getInteger("stek.database.pool", 10));
        config.setMinimumIdle(2);
        config.setConnectionTimeout(Math.max(250, limits.writeTimeout().toMillis()));
        config.setInitializationFailTimeout(Duration.ofSeconds(30).toMillis());
        if (!autoCommit) {
            config.setTransactionIsolation("TRANSACTION_SERIALIZABLE");
        }
        // Durable before the answer, whatever the server's default; a statement that runs for minutes is a fault.
        config.setConnectionInitSql("SET synchronous_commit = on; SET statement_timeout = '60s'");
        config.addDataSourceProperty("ApplicationName", "stek");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        return new HikariDataSource(config);
    }

    @Override
    public <T> T read(SqlFunction<T> work) {
        try (Connection c = reads.getConnection()) {
            return work.apply(c);
        } catch (SQLTransientConnectionException e) {
            throw new Unavailable("no database connection within " + reads.getConnectionTimeout() + " ms", 5, e);
        } catch (SQLException e) {
            throw failure(e, false);
        }
    }

    @Override
    public <T> T write(SqlFunction<T> work) {
        long deadline = System.nanoTime() + limits.writeTimeout().toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                T result = once(work);
                lastSuccess = Instant.now();
                return result;
            } catch (Conflict conflict) {
                if (conflict.duplicate() && attempt >= DUPLICATE_ATTEMPTS) {
                    throw new StoreException((SQLException) conflict.getCause());
                }
                if (attempt >= ATTEMPTS || System.nanoTime() > deadline) {
                    throw new Unavailable("the write kept conflicting with others (" + attempt + " tries)", 5,
                            conflict.getCause());
                }
                pause(attempt);
            }
        }
    }

    /** One try of a write transaction; a serialization failure or deadlock is a {@link Conflict} (try again). */
    private <T> T once(SqlFunction<T> work) throws Conflict {
        Connection c;
        try {
            c = writes.getConnection();
        } catch (SQLTransientConnectionException e) {
            throw new Unavailable("no database connection within " + writes.getConnectionTimeout() + " ms", 5, e);
        } catch (SQLException e) {
            throw failure(e, true);
        }
        try (c) {
            String setup = setupSql;
            if (setup != null) {
                try (var st = c.createStatement()) {
                    st.execute(setup);
                }
            }
            T result;
            try {
                result = work.apply(c);
            } catch (Throwable e) {
                rollback(c);
                throw e;
            }
            c.commit();
            return result;
        } catch (SQLException e) {
            if (conflict(e)) {
                throw new Conflict(e);
            }
            throw failure(e, true);
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && conflict(sql)) {
                throw new Conflict(sql);
            }
            throw e;
        } catch (Error e) {
            lastFailure = Instant.now();
            throw new Unavailable("the database could not save this: " + e, 30, e);
        }
    }

    /**
     * A write PostgreSQL refused because of a concurrent one: run it again. A serialization failure or a deadlock, or
     * a unique key that a concurrent transaction took between this one's check and its insert (PostgreSQL reports
     * some of those as duplicates rather than serialization failures): the retry sees the other row and decides
     * accordingly, as every use case reads before it writes.
     */
    private static final class Conflict extends Exception {
        Conflict(SQLException cause) {
            super(cause);
        }

        boolean duplicate() {
            return "23505".equals(((SQLException) getCause()).getSQLState());
        }
    }

    private static boolean conflict(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("40001".equals(s.getSQLState()) || "40P01".equals(s.getSQLState())
                    || "23505".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A failure of the database itself (connection lost, disk full, shut down, read-only) is {@link Unavailable}:
     * the change may or may not be saved. Anything else (a constraint, a bad statement) is this write's own fault.
     */
    private RuntimeException failure(SQLException e, boolean writing) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        boolean database = state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                || state.startsWith("58") || state.startsWith("XX") || state.equals("25006");
        if (database) {
            if (writing) {
                lastFailure = Instant.now();
            }
            log.error("database failure ({} {}): {}", state, e.getClass().getSimpleName(), e.getMessage());
            return new Unavailable("the database could not " + (writing ? "save" : "read") + " this: "
                    + e.getMessage(), 30, e);
        }
        return new StoreException(e);
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            log.debug("rollback: {}", e.getMessage());
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + Math.min(50, attempt * 5L)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while writing", 5, e);
        }
    }

    @Override
    public void writeLater(SqlFunction<?> work, Runnable afterCommit) {
        later.execute(() -> {
            try {
                write(work);
                afterCommit.run();
            } catch (RuntimeException e) {
                log.warn("background write failed: {}", e.getMessage());
            }
        });
    }

    @Override
    public boolean healthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            boolean read = read(c -> {
                c.setNetworkTimeout(Runnable::run, (int) Math.max(1, timeout.toMillis()));
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT 1")) {
                    return rs.next();
                }
            });
            boolean failing = !writesSucceed();
            boolean wrote = write(c -> {
                try (var st = c.createStatement()) {
                    st.execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
                    if (failing) {
                        // While writes fail, only a real write tells that they work again.
                        st.execute("CREATE TABLE IF NOT EXISTS health_probe (at TEXT)");
                        st.execute("INSERT INTO health_probe (at) VALUES ('probe')");
                        st.execute("DELETE FROM health_probe");
                    }
                }
                return true;
            });
            return read && wrote && System.nanoTime() < deadline && writesSucceed();
        } catch (RuntimeException e) {
            log.warn("health check failed: {}", e.getMessage());
            return false;
        }
    }

    /** True when the last write that reached the database was committed (or none failed yet). */
    private boolean writesSucceed() {
        Instant failure = lastFailure;
        Instant success = lastSuccess;
        return failure == null || (success != null && success.isAfter(failure));
    }

    @Override
    public void injectWriterSetup(String sql) {
        this.setupSql = sql;
    }

    @Override
    public void backupTo(Path target) {
        throw new UnsupportedOperationException("on PostgreSQL, back up with pg_dump (or the server's own backups)");
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public Versions versions() {
        return Versions.inDatabase(this);
    }

    @Override
    public DatabaseUrl url() {
        return url;
    }

    @Override
    public void close() {
        later.shutdown();
        try {
            later.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reads.close();
        writes.close();
    }
}
