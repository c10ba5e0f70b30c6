package be.stek.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes to the database. Requests queue up; the writer takes every request waiting, runs each
 * inside its own savepoint (so one failing request does not undo the others) and commits them together. A caller's
 * future completes only after that commit, so a response never claims a write that is not on disk. With
 * synchronous=FULL this trades one fsync per request for one per batch: durability without the throughput cost.
 */
final class GroupCommitWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int MAX_BATCH = 512;

    private record Task<T>(SqlFunction<T> work, CompletableFuture<T> done) {
    }

    private final Connection connection;
    private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    GroupCommitWriter(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        this.thread = new Thread(this::loop, "stek-db-writer");
        thread.setDaemon(true);
        thread.start();
    }

    <T> CompletableFuture<T> submit(SqlFunction<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new SQLException("the database is closed"));
            return done;
        }
        queue.add(new Task<>(work, done));
        return done;
    }

    private void loop() {
        List<Task<?>> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Task<?> first = queue.take();
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                runBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                batch.clear();
            }
        }
    }

    private void runBatch(List<Task<?>> batch) {
        List<Runnable> completions = new ArrayList<>(batch.size());
        for (Task<?> task : batch) {
            completions.add(runOne(task));
        }
        try {
            connection.commit();
            completions.forEach(Runnable::run);
        } catch (SQLException e) {
            log.error("commit of {} writes failed", batch.size(), e);
            rollbackQuietly();
            batch.forEach(t -> t.done().completeExceptionally(e));
        }
    }

    private <T> Runnable runOne(Task<T> task) {
        Savepoint savepoint = null;
        try {
            savepoint = connection.setSavepoint();
            T result = task.work().apply(connection);
            connection.releaseSavepoint(savepoint);
            return () -> task.done().complete(result);
        } catch (Exception e) {
            rollbackTo(savepoint);
            return () -> task.done().completeExceptionally(e);
        }
    }

    private void rollbackTo(Savepoint savepoint) {
        if (savepoint == null) {
            return;
        }
        try {
            connection.rollback(savepoint);
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            log.error("rollback to savepoint failed", e);
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.error("rollback failed", e);
        }
    }

    @Override
    public void close() throws SQLException {
        running = false;
        queue.add(new Task<>(c -> null, new CompletableFuture<>()));
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StatementCache.unregister(connection);
        connection.close();
    }
}
