package be.stek.testing;

import be.stek.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A cohort of many learners, written straight into the database (no password hashing: they never sign in), for
 * tests of paging and for the dashboard benchmark. Learner i is "Deelnemer i" (deelnemer{i}@example.be); each has
 * done a random number of the fixture course's lessons and has a first (sometimes a second) attempt at as many of its
 * graded vignettes, with three answers each. Seeded by {@code n}: the same cohort every time.
 */
public final class LargeCohort {
    private static final String[] ACTIVITIES = {"dag-vier", "wannes", "avonddienst"};
    private static final String[] LESSONS = {"eerste-les", "tweede-les", "derde-les"};

    private LargeCohort() {
    }

    /** Creates the cohort, facilitated by {@code trainer}, with {@code n} learners; returns its id. */
    public static long fill(TestServer server, long trainer, int n) {
        Instant t0 = Instant.parse("2026-09-01T08:00:00Z");
        long cohort = server.db().write(c -> {
            long id = Sql.insert(c, "INSERT INTO cohort (name, created_by, created_at) VALUES (?, ?, ?)",
                    "Provincie " + n, trainer, t0);
            Sql.update(c, "INSERT INTO cohort_member (cohort_id, learner_id, role, joined_at) VALUES (?, ?, ?, ?)",
                    id, trainer, "facilitator", t0);
            return id;
        });
        Random random = new Random(n);
        for (int from = 0; from < n; from += 500) {
            int first = from;
            server.db().write(c -> {
                for (int i = first; i < Math.min(n, first + 500); i++) {
                    learner(c, cohort, i, t0.plusSeconds(i * 60L), random);
                }
                return null;
            });
        }
        return cohort;
    }

    private static void learner(Connection c, long cohort, int i, Instant at, Random random)
            throws SQLException {
        long id = Sql.insert(c, """
                INSERT INTO learner (email, name, password_hash, role, created_at) VALUES (?, ?, 'x', 'learner', ?)""",
                "deelnemer" + i + "@example.be", "Deelnemer " + i, at);
        Sql.update(c, "INSERT INTO cohort_member (cohort_id, learner_id, role, joined_at) VALUES (?, ?, 'learner', ?)",
                cohort, id, at);
        int lessons = random.nextInt(LESSONS.length + 1);
        for (int l = 0; l < lessons; l++) {
            Sql.update(c, """
                    INSERT INTO lesson_progress (learner_id, course, lesson, state, first_seen, last_seen, done_at)
                    VALUES (?, 'proef', ?, 'done', ?, ?, ?)""", id, LESSONS[l], at, at.plusSeconds(600), at.plusSeconds(600));
        }
        for (int a = 0; a < lessons; a++) {
            int attempts = 1 + random.nextInt(2);
            for (int number = 1; number <= attempts; number++) {
                Instant started = at.plusSeconds(1000L * a + 300L * number);
                long attempt = Sql.insert(c, """
                        INSERT INTO quiz_attempt (learner_id, course, activity, kind, number, version, plan, started_at,
                                                  finished_at, score, graded)
                        VALUES (?, 'proef', ?, 'vignette', ?, '1', '{}', ?, ?, ?, 1)""", id, ACTIVITIES[a], number,
                        started, started.plusSeconds(120), 0.0);
                List<Double> scores = new ArrayList<>();
                for (int q = 1; q <= 3; q++) {
                    int chosen = random.nextInt(3);
                    double score = chosen == 0 ? 1.0 : chosen == 1 ? 0.5 : 0.0;
                    scores.add(score);
                    Sql.update(c, """
                            INSERT INTO answer (attempt_id, position, question, question_text, question_kind, version,
                                                options, chosen, chosen_text, score, answered_at, time_ms)
                            VALUES (?, ?, ?, ?, 'single', '1', ?, ?, ?, ?, ?, 9000)""", attempt, q, "v" + q,
                            "Vraag " + q + " bij " + ACTIVITIES[a],
                            "[{\"id\":\"a\",\"text\":\"Best\",\"weight\":1.0},{\"id\":\"b\",\"text\":\"Half\",\"weight\":0.5},"
                                    + "{\"id\":\"c\",\"text\":\"Fout\",\"weight\":0.0}]",
                            "[\"" + "abc".charAt(chosen) + "\"]", "Keuze", score, started.plusSeconds(30L * q));
                }
                Sql.update(c, "UPDATE quiz_attempt SET score = ? WHERE id = ?",
                        scores.stream().mapToDouble(Double::doubleValue).average().orElse(0), attempt);
            }
        }
    }
}
