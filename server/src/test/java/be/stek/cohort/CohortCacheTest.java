package be.stek.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import be.stek.course.Course;
import be.stek.course.CourseLoader;
import be.stek.learner.LearnerRepository;
import be.stek.progress.CourseStatus;
import be.stek.progress.GroupStandings;
import be.stek.progress.ProgressRepository;
import be.stek.quiz.AttemptRepository;
import be.stek.quiz.QuizBlocks;
import be.stek.store.Database;
import be.stek.store.Sql;
import be.stek.testing.TestDatabases;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facilitator pages' cache of a cohort shows what a fresh read of the database shows, after learners work, join
 * and leave, on one node and across nodes; and it reads again only the learners whose data changed (a change made
 * behind the versions' back stays unseen, which is how the test tells).
 */
class CohortCacheTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final String OPTIONS = "[{\"id\":\"k1\",\"text\":\"Eén\",\"weight\":1.0},"
            + "{\"id\":\"k2\",\"text\":\"Twee\",\"weight\":0.0}]";

    private static Course proef() {
        return new CourseLoader(TestServer.fixture("courses"), TestServer.fixture("media"), List.of(new QuizBlocks()))
                .load().courses().get(0);
    }

    /** A group of {@code n} learners, each with a lesson done and a first attempt at a case with two answers. */
    private record Group(long cohort, List<Long> learners) {
    }

    private static Group group(Database db, int n) {
        CohortRepository cohorts = new CohortRepository(db);
        LearnerRepository people = new LearnerRepository(db);
        long trainer = people.create("trainer@example.be", "Trainer", "hash", Role.FACILITATOR, T0);
        long cohort = cohorts.create("Groep", trainer, T0);
        ProgressRepository progress = new ProgressRepository(db);
        List<Long> learners = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = people.create("l" + i + "@example.be", "Deelnemer " + i, "hash", Role.LEARNER, T0);
            cohorts.addMember(cohort, id, "learner", T0);
            progress.markDone(id, "proef", "eerste-les", T0.plusSeconds(i));
            attempt(db, id, 1, i % 3 == 0 ? "k2" : "k1", false);
            learners.add(id);
        }
        return new Group(cohort, learners);
    }

    /**
     * A finished attempt at the case "wannes" with its answer; {@code versioned} as the repositories write (the
     * learner's version raised with it), or behind the versions' back.
     */
    private static void attempt(Database db, long learner, int number, String chosen, boolean versioned) {
        double score = chosen.equals("k1") ? 1.0 : 0.0;
        Instant at = T0.plusSeconds(600 + number);
        db.write(c -> {
            if (versioned) {
                db.versions().touch(c, learner);
            }
            long attempt = Sql.insert(c, """
                    INSERT INTO quiz_attempt (learner_id, course, activity, kind, number, version, plan, started_at,
                                              finished_at, score, graded)
                    VALUES (?, 'proef', 'wannes', 'vignette', ?, '1', '{}', ?, ?, ?, 1)""", learner, number, at,
                    at.plusSeconds(30), score);
            return Sql.update(c, """
                    INSERT INTO answer (attempt_id, position, question, question_text, question_kind, version, options,
                                        chosen, chosen_text, score, answered_at, time_ms)
                    VALUES (?, 0, 'v1', 'Wat doe je?', 'single', '1', ?, ?, '', ?, ?, 1000)""", attempt, OPTIONS,
                    "[\"" + chosen + "\"]", score, at.plusSeconds(30));
        });
        if (versioned) {
            db.versions().bump(learner);
        }
    }

    private static CohortCache cache(Database db) {
        return new CohortCache(db, new CohortRepository(db), new GroupStandings(db), new AttemptRepository(db));
    }

    /** The cohort's stamp as a facilitator page reads it, with the cohort itself. */
    private static CohortRepository.Stamp stamp(Database db, long cohort) {
        return new CohortRepository(db).findFor(cohort, 0).orElseThrow().stamp();
    }

    /** What a dashboard view gets from the cache. */
    private static CohortCache.Standings standings(Database db, CohortCache cache, long cohort, Course course) {
        return cache.standings(cohort, stamp(db, cohort), List.of(course));
    }

    /** What an item analysis view gets from the cache. */
    private static List<ItemAnalysis.Item> items(Database db, CohortCache cache, long cohort, Course course) {
        return cache.items(cohort, stamp(db, cohort), course);
    }

    private static CourseStatus status(CohortCache.Standings s, long learner, Course course) {
        return s.statuses().getOrDefault(learner, Map.of()).getOrDefault(course.slug(), GroupStandings.untouched(course));
    }

    private static void assertSameAsFreshRead(Database db, CohortCache cache, Group g, Course course) {
        var cached = standings(db, cache, g.cohort(), course);
        var fresh = new GroupStandings(db).ofCohort(g.cohort(), List.of(course));
        for (CohortRepository.Member m : cached.learners()) {
            assertEquals(fresh.getOrDefault(m.id(), Map.of()).getOrDefault("proef", GroupStandings.untouched(course)),
                    status(cached, m.id(), course), m.name());
        }
        assertEquals(ItemAnalysis.analyse(new AttemptRepository(db).firstAttemptAnswers("proef", g.cohort())).toString(),
                items(db, cache, g.cohort(), course).toString(), "item analysis");
    }

    @Test
    void a_learner_who_works_is_seen_at_the_next_view_and_only_they_are_read_again(@TempDir Path dir) {
        Course proef = proef();
        try (Database db = TestDatabases.open(dir)) {
            Group g = group(db, 40);
            CohortCache cache = cache(db);
            assertSameAsFreshRead(db, cache, g, proef);
            var before = standings(db, cache, g.cohort(), proef);
            assertEquals(40, before.learners().size());
            assertEquals("Deelnemer 0", before.learners().get(0).name(), "sorted by name");

            long worker = g.learners().get(5);
            long sneaky = g.learners().get(6);
            new ProgressRepository(db).markDone(worker, "proef", "tweede-les", T0.plusSeconds(900));
            // Learner 6 gets a lesson done behind the versions' back: a cache that read everyone again would see it.
            db.write(c -> Sql.update(c, """
                    INSERT INTO lesson_progress (learner_id, course, lesson, state, first_seen, last_seen, done_at)
                    VALUES (?, 'proef', 'tweede-les', 'done', ?, ?, ?)""", sneaky, T0, T0, T0));

            var after = standings(db, cache, g.cohort(), proef);
            assertNotEquals(status(before, worker, proef).percent(), status(after, worker, proef).percent(),
                    "the worker's progress moved");
            assertEquals(status(before, sneaky, proef), status(after, sneaky, proef),
                    "the learner whose version did not move was not read again");
            assertTrue(status(after, worker, proef).lastActivity().startsWith("2026-11-23T09:15"), "last activity");

            // Item analysis: a first attempt of a learner who had none counts; a second attempt does not.
            List<ItemAnalysis.Item> items = items(db, cache, g.cohort(), proef);
            assertEquals(40, items.get(0).responses());
            attempt(db, worker, 2, "k2", true);
            assertEquals(items.toString(), items(db, cache, g.cohort(), proef).toString(),
                    "a retry leaves first answers");
            long newcomer = new LearnerRepository(db).create("nieuw@example.be", "Aa Nieuw", "hash", Role.LEARNER, T0);
            new CohortRepository(db).addMember(g.cohort(), newcomer, "learner", T0);
            attempt(db, newcomer, 1, "k1", true);
            assertEquals(41, items(db, cache, g.cohort(), proef).get(0).responses(),
                    "the newcomer's first answer counts");
            assertEquals("Aa Nieuw", standings(db, cache, g.cohort(), proef).learners().get(0).name(),
                    "a learner who joined is listed");

            new CohortRepository(db).removeMember(g.cohort(), g.learners().get(0));
            new LearnerRepository(db).delete(g.learners().get(1));
            new CohortRepository(db).addMember(g.cohort(), g.learners().get(2), "facilitator", T0);
            var left = standings(db, cache, g.cohort(), proef);
            assertEquals(38, left.learners().size(), "a learner removed, an account deleted, a learner made facilitator");
            assertFalse(left.learners().stream().anyMatch(m -> g.learners().subList(0, 3).contains(m.id())));
            assertEquals(38, items(db, cache, g.cohort(), proef).get(0).responses(), "and so are their answers");
        }
    }

    @Test
    void a_cache_starts_afresh_for_a_reloaded_course(@TempDir Path dir) {
        try (Database db = TestDatabases.open(dir)) {
            Group g = group(db, 5);
            CohortCache cache = cache(db);
            var first = standings(db, cache, g.cohort(), proef());
            db.write(c -> Sql.update(c, """
                    INSERT INTO lesson_progress (learner_id, course, lesson, state, first_seen, last_seen, done_at)
                    VALUES (?, 'proef', 'tweede-les', 'done', ?, ?, ?)""", g.learners().get(0), T0, T0, T0));
            Course reloaded = proef();
            var second = standings(db, cache, g.cohort(), reloaded);
            assertNotEquals(status(first, g.learners().get(0), reloaded).percent(),
                    status(second, g.learners().get(0), reloaded).percent(), "read again for the new course");
        }
    }

    @Test
    void a_write_on_one_node_is_seen_by_the_other_nodes_cache(@TempDir Path dir) {
        assumeTrue(TestDatabases.postgresql(), "two nodes share a database on PostgreSQL only (STEK_TEST_DATABASE)");
        Course proef = proef();
        try (Database one = TestDatabases.open(dir); Database two = TestDatabases.open(dir)) {
            Group g = group(one, 10);
            CohortCache onTwo = cache(two);
            long worker = g.learners().get(3);
            int before = status(standings(two, onTwo, g.cohort(), proef), worker, proef).percent();
            int itemsBefore = items(two, onTwo, g.cohort(), proef).get(0).options().get(0).count();
            new ProgressRepository(one).markDone(worker, "proef", "tweede-les", T0.plusSeconds(900));
            attempt(one, g.learners().get(0), 2, "k1", true);
            long newcomer = new LearnerRepository(one).create("nieuw@example.be", "Nieuw", "hash", Role.LEARNER, T0);
            new CohortRepository(one).addMember(g.cohort(), newcomer, "learner", T0);
            attempt(one, newcomer, 1, "k1", true);
            assertNotEquals(before, status(standings(two, onTwo, g.cohort(), proef), worker, proef).percent());
            assertEquals(itemsBefore + 1, items(two, onTwo, g.cohort(), proef).get(0).options().get(0).count());
            assertSameAsFreshRead(two, onTwo, g, proef);
        }
    }
}
