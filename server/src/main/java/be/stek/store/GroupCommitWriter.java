package be.stek.store;

import be.stek.core.Unavailable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteException;

/**
 * The one thread that writes to the database. Requests queue up; the writer takes every request waiting, runs each
 * inside its own savepoint (so one failing request does not undo the others) and commits them together. A caller's
 * future completes only after that commit, so a response never claims a write that is not on disk. With
 * synchronous=FULL this trades one fsync per request for one per batch: durability without the throughput cost.
 *
 * <p>The writer recovers from anything. When the database itself fails (a full disk, an I/O error, an {@link Error}
 * thrown inside a write), SQLite may already have rolled the whole transaction back, so the batch is failed as a
 * whole with {@link Unavailable} (nothing is claimed saved), the connection is closed and a fresh one is opened for the
 * next batch: the next write succeeds as soon as the cause is gone. The queue is bounded: when it is full a write is
 * refused at once with {@link Unavailable}.
 */
final class GroupCommitWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int MAX_BATCH = 512;
    /** SQLite result codes that are about the statement or the data, not the database: only that write fails. */
    private static final Set<Integer> OWN_FAULT = Set.of(1 /* ERROR */, 19 /* CONSTRAINT */, 20 /* MISMATCH */,
            25 /* RANGE */, 18 /* TOOBIG */);

    /** Opens a connection for the writer (again after a failure). */
    interface Opener {
        Connection open() throws SQLException;
    }

    private record Task<T>(SqlFunction<T> work, CompletableFuture<T> done) {
    }

    private final Opener opener;
    private final Clock clock;
    private final BlockingQueue<Task<?>> queue;
    private final Thread thread;
    private volatile Connection connection;
    private volatile boolean running = true;
    private volatile Instant lastFailure;
    private volatile Instant lastSuccess;
    private volatile String setupSql;

    GroupCommitWriter(Opener opener, int capacity, Clock clock) throws SQLException {
        this.opener = opener;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.connection = connect();
        this.thread = new Thread(this::loop, "stek-db-writer");
        thread.setDaemon(true);
        thread.start();
    }

    private Connection connect() throws SQLException {
        Connection c = opener.open();
        c.setAutoCommit(false);
        String setup = setupSql;
        if (setup != null) {
            try (var st = c.createStatement()) {
                st.execute(setup);
            }
        }
        StatementCache.register(c);
        return c;
    }

    /** Queues a write; the future fails at once with {@link Unavailable} when the queue is full or closed. */
    <T> CompletableFuture<T> submit(SqlFunction<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new Unavailable("the database is closed", 60, null));
        } else if (!queue.offer(new Task<>(work, done))) {
            done.completeExceptionally(new Unavailable("the write queue is full (" + (queue.size()) + " waiting)", 5,
                    null));
        }
        return done;
    }

    /** True when the last write that reached the database was committed (or none failed yet). */
    boolean healthy() {
        Instant failure = lastFailure;
        Instant success = lastSuccess;
        return failure == null || (success != null && success.isAfter(failure));
    }

    int queued() {
        return queue.size();
    }

    /**
     * SQL run on the writer's connection now and after every reconnect; for fault injection in tests
     * ({@code PRAGMA max_page_count = …} makes SQLite answer SQLITE_FULL as a full disk would).
     */
    void setupSql(String sql) {
        this.setupSql = sql;
    }

    private void loop() {
        List<Task<?>> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Task<?> first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                runBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (Throwable t) {
                // Never let the writer die: whatever happened, fail what was taken and start afresh.
                log.error("writer failed; reconnecting", t);
                fail(batch, t);
                reconnect();
            } finally {
                batch.clear();
            }
        }
    }

    private void runBatch(List<Task<?>> batch) {
        if (connection == null) {
            reconnect();
            if (connection == null) {
                fail(batch, new SQLException("the database cannot be opened"));
                return;
            }
        }
        List<Runnable> completions = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Task<?> task = batch.get(i);
            Savepoint savepoint = null;
            try {
                savepoint = connection.setSavepoint();
                completions.add(complete(task, savepoint));
            } catch (Throwable e) {
                if (ownFault(e) && savepoint != null && rollbackTo(savepoint)) {
                    completions.add(() -> task.done().completeExceptionally(e));
                    continue;
                }
                // The database failed (or an Error was thrown): the transaction may be gone, so nothing of this
                // batch is saved. Fail all of it, and open a fresh connection for the next batch.
                log.error("write failed ({}); failing a batch of {} and reconnecting", describe(e), batch.size());
                fail(batch, e);
                reconnect();
                return;
            }
        }
        try {
            connection.commit();
            lastSuccess = clock.instant();
            completions.forEach(Runnable::run);
        } catch (Throwable e) {
            log.error("commit of {} writes failed ({}); reconnecting", batch.size(), describe(e));
            fail(batch, e);
            reconnect();
        }
    }

    private <T> Runnable complete(Task<T> task, Savepoint savepoint) throws Exception {
        T result = task.work().apply(connection);
        connection.releaseSavepoint(savepoint);
        return () -> task.done().complete(result);
    }

    private void fail(List<Task<?>> batch, Throwable cause) {
        lastFailure = clock.instant();
        Unavailable unavailable = new Unavailable("the database could not save this: " + describe(cause), 30, cause);
        batch.forEach(t -> t.done().completeExceptionally(unavailable));
    }

    /** A failure of this one write (a constraint, a bad statement, an exception of its own code), not of the database. */
    private static boolean ownFault(Throwable e) {
        if (e instanceof Error) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s) {
                return OWN_FAULT.contains(s.getResultCode().code & 0xff);
            }
            if (t instanceof SQLException sql && sql.getErrorCode() != 0) {
                return OWN_FAULT.contains(sql.getErrorCode() & 0xff);
            }
        }
        return true;
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private boolean rollbackTo(Savepoint savepoint) {
        try {
            connection.rollback(savepoint);
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            log.error("rollback to savepoint failed", e);
            return false;
        }
    }

    /** Closes the current connection (rolling back whatever is open) and opens a fresh one. */
    private void reconnect() {
        Connection old = connection;
        connection = null;
        if (old != null) {
            try {
                old.rollback();
            } catch (SQLException | RuntimeException e) {
                log.debug("rollback before reconnect: {}", e.getMessage());
            }
            StatementCache.unregister(old);
            try {
                old.close();
            } catch (SQLException | RuntimeException e) {
                log.debug("closing failed connection: {}", e.getMessage());
            }
        }
        try {
            connection = connect();
        } catch (SQLException | RuntimeException e) {
            log.error("cannot reopen the database for writing: {}", e.getMessage());
        }
    }

    @Override
    public void close() throws SQLException {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Connection c = connection;
        if (c != null) {
            StatementCache.unregister(c);
            c.close();
        }
    }
}
