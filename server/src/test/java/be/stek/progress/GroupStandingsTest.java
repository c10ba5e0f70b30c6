package be.stek.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import be.stek.cohort.CohortRepository;
import be.stek.course.Course;
import be.stek.learner.LearnerRepository;
import be.stek.quiz.AttemptRepository;
import be.stek.store.Database;
import be.stek.store.Sql;
import be.stek.testing.TestDatabases;
import be.stek.web.Role;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's grouped read gives every learner of a cohort the status the learner's own pages show. */
class GroupStandingsTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    private static long learner(Database db, String name) {
        return new LearnerRepository(db).create(name + "@example.be", name, "hash", Role.LEARNER, T0);
    }

    /** A vignette attempt, finished with {@code score} or (null) left open. */
    private static void attempt(Database db, long learner, String activity, int number, Double score, Instant at) {
        db.write(c -> Sql.insert(c, """
                INSERT INTO quiz_attempt (learner_id, course, activity, kind, number, version, plan, started_at,
                                          finished_at, score, graded)
                VALUES (?, 'proef', ?, 'vignette', ?, '1', '{}', ?, ?, ?, 1)""", learner, activity, number, at,
                score == null ? null : at.plusSeconds(60), score));
    }

    @Test
    void a_cohort_read_at_once_stands_where_each_learner_stands_alone(@TempDir Path dir) {
        Course proef = CourseStatusTest.proef();
        try (Database db = TestDatabases.open(dir)) {
            CohortRepository cohorts = new CohortRepository(db);
            long trainer = new LearnerRepository(db).create("t@example.be", "Trainer", "hash", Role.FACILITATOR, T0);
            long cohort = cohorts.create("Groep", trainer, T0);
            long an = learner(db, "an");
            long bo = learner(db, "bo");
            long cas = learner(db, "cas");
            long outsider = learner(db, "dirk");
            for (long id : List.of(an, bo, cas)) {
                cohorts.addMember(cohort, id, "learner", T0);
            }
            ProgressRepository progress = new ProgressRepository(db);
            progress.markDone(an, "proef", "eerste-les", T0.plusSeconds(10));
            progress.visit(an, "proef", "tweede-les", null, T0.plusSeconds(20));
            attempt(db, an, "wannes", 1, 0.5, T0.plusSeconds(30));
            attempt(db, an, "wannes", 2, 1.0, T0.plusSeconds(40));
            attempt(db, an, "avonddienst", 1, null, T0.plusSeconds(50));
            for (String lesson : List.of("eerste-les", "tweede-les", "derde-les")) {
                progress.markDone(cas, "proef", lesson, T0.plusSeconds(5));
            }
            attempt(db, cas, "wannes", 1, 0.9, T0.plusSeconds(6));
            attempt(db, cas, "avonddienst", 1, 0.7, T0.plusSeconds(7));
            attempt(db, cas, "dag-vier", 1, 0.8, T0.plusSeconds(8));
            progress.markDone(outsider, "proef", "eerste-les", T0);

            Map<Long, Map<String, CourseStatus>> group = new GroupStandings(db).ofCohort(cohort, List.of(proef));
            Standings alone = new Standings(progress, new AttemptRepository(db));
            for (long id : List.of(an, bo, cas)) {
                CourseStatus read = group.getOrDefault(id, Map.of()).getOrDefault("proef",
                        GroupStandings.untouched(proef));
                assertEquals(alone.of(id, proef), read, "learner " + id);
            }
            assertEquals(alone.of(cas, proef).complete(), true, "one of them completed the course");
            assertFalse(group.containsKey(outsider), "only the cohort's learners are read");
            assertFalse(group.containsKey(trainer), "nor its facilitator");
        }
    }
}
