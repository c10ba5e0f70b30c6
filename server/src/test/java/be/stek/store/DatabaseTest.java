package be.stek.store;

import be.stek.testing.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store on a real database (a SQLite file, or PostgreSQL with STEK_TEST_DATABASE): migrations, concurrent
 * writes, isolation of failing writes; on SQLite also the group-commit writer's limits, a full disk and backup.
 */
class DatabaseTest {

    private static long cohort(Database db, String name) {
        return db.write(c -> Sql.insert(c, "INSERT INTO cohort (name, created_at) VALUES (?, ?)", name, Instant.now()));
    }

    private static long count(Database db) {
        return db.read(c -> Sql.one(c, "SELECT count(*) FROM cohort", rs -> rs.getLong(1)).orElseThrow());
    }

    @Test
    void concurrent_writes_are_all_committed_and_survive_reopening(@TempDir Path dir) throws Exception {
        try (Database db = TestDatabases.open(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                results.add(pool.submit(() -> cohort(db, "groep " + n)));
            }
            for (Future<Long> f : results) {
                assertTrue(f.get() > 0);
            }
            pool.shutdown();
            assertEquals(400, count(db));
        }
        try (Database reopened = TestDatabases.open(dir)) {
            assertEquals(400, count(reopened));
        }
    }

    @Test
    void a_failing_write_is_rolled_back_alone(@TempDir Path dir) {
        try (Database db = TestDatabases.open(dir)) {
            cohort(db, "eerste");
            StoreException e = assertThrows(StoreException.class, () -> db.write(c -> {
                Sql.insert(c, "INSERT INTO cohort (name, created_at) VALUES (?, ?)", "half", Instant.now());
                throw new SQLException("boom");
            }));
            assertEquals("boom", e.getMessage());
            cohort(db, "tweede");
            assertEquals(2, count(db));
        }
    }

    @Test
    void foreign_keys_are_enforced(@TempDir Path dir) {
        try (Database db = TestDatabases.open(dir)) {
            assertThrows(StoreException.class, () -> db.write(c -> Sql.update(c,
                    "INSERT INTO cohort_member (cohort_id, learner_id, joined_at) VALUES (999, 999, 'x')")));
        }
    }

    @Test
    void on_postgresql_every_integer_primary_key_numbers_itself_and_no_column_is_a_4_byte_float(@TempDir Path dir) {
        assumeTrue(TestDatabases.postgresql(), "afterEachMigrate.sql aligns SQLite's types on PostgreSQL only");
        try (Database db = TestDatabases.open(dir)) {
            List<String> notNumbering = db.read(c -> Sql.list(c, """
                    SELECT k.conrelid::regclass::text || '.' || a.attname
                    FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
                    WHERE k.contype = 'p' AND cardinality(k.conkey) = 1 AND k.connamespace = current_schema()::regnamespace
                      AND k.conrelid::regclass::text <> 'flyway_schema_history'
                      AND a.atttypid IN ('integer'::regtype, 'bigint'::regtype) AND a.attidentity = ''""",
                    rs -> rs.getString(1)));
            assertEquals(List.of(), notNumbering, "single-column integer primary keys that are not identity columns");
            List<String> reals = db.read(c -> Sql.list(c, """
                    SELECT a.attrelid::regclass::text || '.' || a.attname FROM pg_attribute a
                    JOIN pg_class c ON c.oid = a.attrelid
                    WHERE c.relnamespace = current_schema()::regnamespace AND a.attnum > 0
                      AND a.atttypid = 'real'::regtype""", rs -> rs.getString(1)));
            assertEquals(List.of(), reals, "REAL columns left as 4-byte floats");
            long numbered = db.read(c -> Sql.one(c, """
                    SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                    WHERE c.relnamespace = current_schema()::regnamespace AND a.attidentity <> ''""",
                    rs -> rs.getLong(1))
                    .orElseThrow());
            assertTrue(numbered >= 10, "identity columns: " + numbered);
            assertTrue(cohort(db, "eerste") < cohort(db, "tweede"), "ids number themselves");
        }
    }

    @Test
    void backup_writes_a_consistent_copy_while_in_use(@TempDir Path dir) throws Exception {
        assumeTrue(TestDatabases.sqlite(), "backup copies a SQLite file (PostgreSQL: pg_dump)");
        try (Database db = TestDatabases.open(dir)) {
            cohort(db, "Vroedkunde 1e bach 2026");
            Path copy = dir.resolve("backup.db");
            db.backupTo(copy);
            assertTrue(Files.size(copy) > 0);
            try (Database restored = Database.open(copy)) {
                assertEquals(1, count(restored));
            }
        }
    }

    @Test
    void timestamps_are_fixed_width_so_they_sort_as_text() {
        String whole = Sql.iso(Instant.parse("2026-11-23T10:00:00Z"));
        String later = Sql.iso(Instant.parse("2026-11-23T10:00:00.123Z"));
        assertEquals("2026-11-23T10:00:00.000Z", whole);
        assertTrue(whole.compareTo(later) < 0);
    }

    @Test
    void after_a_full_disk_the_failed_writes_say_so_and_the_next_write_succeeds_once_there_is_room(@TempDir Path dir) {
        assumeTrue(TestDatabases.sqlite(), "SQLite's max_page_count stands in for a full disk");
        try (Database db = TestDatabases.open(dir)) {
            cohort(db, "voor");
            long pages = db.read(c -> Sql.one(c, "PRAGMA page_count", rs -> rs.getLong(1)).orElseThrow());
            db.injectWriterSetup("PRAGMA max_page_count = " + pages);
            String big = "x".repeat(200_000);
            for (int i = 0; i < 3; i++) {
                assertThrows(be.stek.core.Unavailable.class, () -> cohort(db, big));
            }
            assertTrue(!db.healthy(java.time.Duration.ofSeconds(2)), "unhealthy while writes fail");
            assertEquals(1, count(db), "no failed write was stored");

            db.injectWriterSetup("PRAGMA max_page_count = 1073741823");
            cohort(db, big);
            assertEquals(2, count(db));
            assertTrue(db.healthy(java.time.Duration.ofSeconds(2)), "healthy again once writes succeed");
        }
    }

    @Test
    void an_error_thrown_inside_a_write_does_not_stop_the_writer(@TempDir Path dir) {
        try (Database db = TestDatabases.open(dir)) {
            assertThrows(be.stek.core.Unavailable.class, () -> db.write(c -> {
                throw new StackOverflowError("test");
            }));
            cohort(db, "daarna");
            assertEquals(1, count(db));
        }
    }

    @Test
    void a_full_queue_and_a_slow_writer_answer_unavailable_instead_of_waiting_forever(@TempDir Path dir)
            throws Exception {
        assumeTrue(TestDatabases.sqlite(), "the queue and the writer thread are SQLite's");
        var limits = new Database.Limits(java.time.Duration.ofMillis(300), 1);
        try (Database db = Database.open(TestDatabases.url(dir), limits)) {
            var release = new java.util.concurrent.CountDownLatch(1);
            var started = new java.util.concurrent.CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<?> blocker = pool.submit(() -> db.write(c -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            started.await();
            Future<?> queued = pool.submit(() -> cohort(db, "in de rij"));
            // The one place in the queue is taken (or soon will be): a third write is refused or times out.
            long t0 = System.nanoTime();
            assertThrows(be.stek.core.Unavailable.class, () -> cohort(db, "te veel"));
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "answered within the timeout");
            var timedOut = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> blocker.get(5, java.util.concurrent.TimeUnit.SECONDS), "a write stuck in the writer times out");
            assertTrue(timedOut.getCause() instanceof be.stek.core.Unavailable, timedOut.toString());
            release.countDown();
            try {
                queued.get();
            } catch (java.util.concurrent.ExecutionException e) {
                assertTrue(e.getCause() instanceof be.stek.core.Unavailable, e.toString());
            }
            pool.shutdown();
            // Once the writer is free again, writes go through (poll briefly: the queue drains first).
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (true) {
                try {
                    cohort(db, "later");
                    break;
                } catch (be.stek.core.Unavailable e) {
                    assertTrue(System.nanoTime() < deadline, "writes resume once the writer is free: " + e);
                    Thread.sleep(20);
                }
            }
        }
    }
}
