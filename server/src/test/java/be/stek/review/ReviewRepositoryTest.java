package be.stek.review;

import static be.stek.testing.HandClock.dayOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.HandClock;
import be.stek.learner.LearnerRepository;
import be.stek.store.Database;
import be.stek.store.Sql;
import be.stek.web.Role;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule as stored: due questions, paused modules, and a review answer that moves its question on. */
class ReviewRepositoryTest {
    private final HandClock clock = new HandClock();

    private static long aLearner(Database db) {
        return new LearnerRepository(db).create("an@example.be", "An", "hash", Role.LEARNER, HandClock.DAY_0);
    }

    private static ReviewRepository.Due due(String course, String activity, String question, int day) {
        return new ReviewRepository.Due(course, activity, question, Sql.iso(dayOf(day)));
    }

    @Test
    void a_missed_question_is_due_from_day_2_and_a_good_review_moves_it_to_day_9(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("stek.db"))) {
            long an = aLearner(db);
            ReviewRepository repo = new ReviewRepository(db, new ReviewSchedule(clock));
            repo.scheduleModuleAnswer(an, "proef", "dag-vier", "reactie", 0.0);
            repo.scheduleModuleAnswer(an, "proef", "dag-vier", "signalen", 1.0);
            clock.day(1);
            assertEquals(List.of(), repo.due(an, clock.instant()));
            clock.day(2);
            assertEquals(List.of(due("proef", "dag-vier", "reactie", 2)), repo.due(an, clock.instant()));

            long id = repo.startSession(an, new ReviewPlan(List.of(
                    new ReviewPlan.Item("proef", "dag-vier", "reactie", List.of("b", "a")))), clock.instant());
            assertEquals(id, repo.startSession(an, new ReviewPlan(List.of()), clock.instant()), "one open session");
            assertEquals(new ReviewRepository.Outlook(List.of(due("proef", "dag-vier", "reactie", 2)),
                    Sql.iso(dayOf(21)), id), repo.outlook(an, clock.instant()),
                    "the dashboard's block: one due, the question answered well back on day 21, the open session");
            ReviewRepository.Session session = repo.session(id).orElseThrow();
            var answer = new ReviewRepository.Given(1, "proef", "dag-vier", "reactie", "Wat doet Ines?", "v1", "[]",
                    List.of("b"), "Ze benoemt wat Mona doet.", 1.0, Sql.iso(clock.instant()), 1200);
            assertTrue(repo.record(session, answer));
            assertFalse(repo.record(session, answer), "a resent answer is stored once");
            assertTrue(repo.session(id).orElseThrow().finishedAt() != null, "its only question answered: finished");
            assertEquals(List.of(), repo.due(an, clock.instant()));
            assertEquals(new ReviewRepository.Outlook(List.of(), Sql.iso(dayOf(9)), null),
                    repo.outlook(an, clock.instant()), "nothing due, the reviewed question back on day 9, no open session");
            clock.day(9);
            assertEquals(List.of(due("proef", "dag-vier", "reactie", 9)), repo.due(an, clock.instant()));
            assertEquals(repo.due(an, clock.instant()), repo.outlook(an, clock.instant()).due());
        }
    }

    @Test
    void a_paused_module_has_nothing_due_until_it_is_resumed(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("stek.db"))) {
            long an = aLearner(db);
            ReviewRepository repo = new ReviewRepository(db, new ReviewSchedule(clock));
            repo.scheduleModuleAnswer(an, "proef", "wannes", "lezing", 0.5);
            repo.scheduleModuleAnswer(an, "imh-basis", "dag-vier", "reactie", 0.0);
            clock.day(3);
            repo.setPaused(an, "proef", true, clock.instant());
            assertEquals(List.of("imh-basis"), repo.due(an, clock.instant()).stream()
                    .map(ReviewRepository.Due::course).toList());
            assertEquals(List.of("imh-basis"), repo.outlook(an, clock.instant()).due().stream()
                    .map(ReviewRepository.Due::course).toList(), "the dashboard leaves the paused module out too");
            repo.setPaused(an, "proef", false, clock.instant());
            assertEquals(2, repo.due(an, clock.instant()).size());
        }
    }

    @Test
    void a_session_mixes_modules_oldest_due_first_and_holds_at_most_ten() {
        List<ReviewRepository.Due> due = List.of(due("a", "v", "1", 1), due("a", "v", "2", 2), due("a", "v", "3", 3),
                due("b", "v", "1", 2), due("c", "v", "1", 4));
        assertEquals(List.of("a/1", "b/1", "c/1", "a/2", "a/3"), Reviews.mix(due, 10).stream()
                .map(d -> d.course() + "/" + d.question()).toList());
        List<ReviewRepository.Due> many = java.util.stream.IntStream.range(0, 25)
                .mapToObj(i -> due("a", "v", "q" + i, 1)).toList();
        assertEquals(10, Reviews.mix(many, Reviews.SESSION_SIZE).size());
    }
}
