package be.stek.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** The database on a real SQLite file: migrations, group commit, isolation of failing writes, backup. */
class DatabaseTest {

    private static long cohort(Database db, String name) {
        return db.write(c -> Sql.insert(c, "INSERT INTO cohort (name, created_at) VALUES (?, ?)", name, Instant.now()));
    }

    private static long count(Database db) {
        return db.read(c -> Sql.one(c, "SELECT count(*) FROM cohort", rs -> rs.getLong(1)).orElseThrow());
    }

    @Test
    void concurrent_writes_are_all_committed_and_survive_reopening(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stek.db");
        try (Database db = Database.open(file)) {
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
        try (Database reopened = Database.open(file)) {
            assertEquals(400, count(reopened));
        }
    }

    @Test
    void a_failing_write_is_rolled_back_alone(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("stek.db"))) {
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
        try (Database db = Database.open(dir.resolve("stek.db"))) {
            assertThrows(StoreException.class, () -> db.write(c -> Sql.update(c,
                    "INSERT INTO cohort_member (cohort_id, learner_id, joined_at) VALUES (999, 999, 'x')")));
        }
    }

    @Test
    void backup_writes_a_consistent_copy_while_in_use(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("stek.db"))) {
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
}
