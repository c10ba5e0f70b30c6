package be.stek.progress;

import be.stek.testing.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.learner.LearnerRepository;
import be.stek.store.Database;
import be.stek.web.Role;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    private static long aLearner(Database db) {
        return new LearnerRepository(db).create("an@example.be", "An", "hash", Role.LEARNER, T0);
    }

    @Test
    void first_visit_starts_a_lesson_and_done_finishes_it(@TempDir Path dir) {
        try (Database db = TestDatabases.open(dir)) {
            ProgressRepository progress = new ProgressRepository(db);
            long an = aLearner(db);
            progress.visit(an, "proef", "eerste-les", null, T0);
            assertEquals("started", progress.states(an, "proef").get("eerste-les").state());
            progress.markDone(an, "proef", "eerste-les", T0.plusSeconds(60));
            var state = progress.states(an, "proef").get("eerste-les");
            assertTrue(state.done());
            assertEquals("2026-11-23T09:01:00.000Z", state.doneAt());
        }
    }

    @Test
    void last_visited_is_the_most_recent_lesson_and_survives_reopening(@TempDir Path dir) {
        long an;
        try (Database db = TestDatabases.open(dir)) {
            ProgressRepository progress = new ProgressRepository(db);
            an = aLearner(db);
            progress.visit(an, "proef", "eerste-les", null, T0);
            progress.visit(an, "proef", "tweede-les", null, T0.plusSeconds(10));
            progress.visit(an, "proef", "eerste-les", progress.states(an, "proef").get("eerste-les"), T0.plusSeconds(120));
        }
        try (Database db = TestDatabases.open(dir)) {
            ProgressRepository progress = new ProgressRepository(db);
            assertEquals("eerste-les", progress.lastVisited(an, "proef").orElseThrow());
            assertEquals("2026-11-23T09:02:00.000Z", progress.lastSeenPerCourse(an).get("proef"));
        }
    }

    @Test
    void a_reload_within_a_minute_does_not_move_last_seen(@TempDir Path dir) {
        try (Database db = TestDatabases.open(dir)) {
            ProgressRepository progress = new ProgressRepository(db);
            long an = aLearner(db);
            progress.visit(an, "proef", "eerste-les", null, T0);
            progress.visit(an, "proef", "eerste-les", progress.states(an, "proef").get("eerste-les"), T0.plusSeconds(30));
            assertEquals("2026-11-23T09:00:00.000Z", progress.states(an, "proef").get("eerste-les").lastSeen());
        }
    }

    @Test
    void cached_states_follow_every_write(@TempDir Path dir) {
        try (Database db = TestDatabases.open(dir)) {
            ProgressRepository progress = new ProgressRepository(db);
            long an = aLearner(db);
            assertTrue(progress.states(an, "proef").isEmpty());
            progress.visit(an, "proef", "eerste-les", null, T0);
            assertEquals("started", progress.states(an, "proef").get("eerste-les").state());
            progress.markDone(an, "proef", "eerste-les", T0.plusSeconds(5));
            assertTrue(progress.states(an, "proef").get("eerste-les").done());
        }
    }

    @Test
    void finishing_again_keeps_the_first_finish_time(@TempDir Path dir) {
        try (Database db = TestDatabases.open(dir)) {
            ProgressRepository progress = new ProgressRepository(db);
            long an = aLearner(db);
            progress.markDone(an, "proef", "eerste-les", T0);
            progress.markDone(an, "proef", "eerste-les", T0.plusSeconds(3600));
            assertEquals("2026-11-23T09:00:00.000Z", progress.states(an, "proef").get("eerste-les").doneAt());
        }
    }

    @Test
    void deleting_a_learner_deletes_their_progress(@TempDir Path dir) {
        try (Database db = TestDatabases.open(dir)) {
            ProgressRepository progress = new ProgressRepository(db);
            long an = aLearner(db);
            progress.markDone(an, "proef", "eerste-les", T0);
            new LearnerRepository(db).delete(an);
            assertTrue(progress.states(an, "proef").isEmpty());
        }
    }
}
