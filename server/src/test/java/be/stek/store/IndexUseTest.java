package be.stek.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queries that run for every learner of a cohort, or for every row of a big table, use an index: the query plan
 * of each (SQLite's EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN with sequential scans discouraged) reads no big
 * table from start to end. A new query on these paths that cannot use an index fails here, not at 10,000 learners.
 */
class IndexUseTest {
    /** The hot queries, by what they serve, with sample parameters. */
    private static final Map<String, String> HOT = Map.of(
            "session sweep", "DELETE FROM session WHERE expires_at < '2026-01-01'",
            "session lookup (every request on several nodes)", be.stek.learner.Sessions.VISITOR.replace("?", "'x'"),
            "cohort row (every facilitator page)", be.stek.cohort.CohortRepository.FIND_FOR.replaceFirst("\\?", "3")
                    .replaceFirst("\\?", "7").replaceFirst("\\?", "1"),
            "dashboard: lessons", """
                    SELECT p.learner_id, p.course, p.lesson, p.state, p.last_seen, p.done_at
                    FROM cohort_member m JOIN lesson_progress p ON p.learner_id = m.learner_id
                    WHERE m.cohort_id = 1 AND m.role = 'learner'""",
            "dashboard: attempts", """
                    SELECT t.learner_id, t.course, t.activity, max(t.score), count(t.finished_at), max(t.finished_at)
                    FROM cohort_member m JOIN quiz_attempt t ON t.learner_id = m.learner_id
                    WHERE m.cohort_id = 1 AND m.role = 'learner' GROUP BY t.learner_id, t.course, t.activity""",
            "item analysis", """
                    SELECT t.learner_id, t.activity, a.question, a.options, a.chosen, a.score
                    FROM cohort_member m JOIN quiz_attempt t ON t.learner_id = m.learner_id
                    JOIN answer a ON a.attempt_id = t.id
                    WHERE m.cohort_id = 1 AND m.role = 'learner' AND t.course = 'proef' AND t.finished_at IS NOT NULL
                      AND t.number = (SELECT min(x.number) FROM quiz_attempt x WHERE x.learner_id = t.learner_id
                                      AND x.course = t.course AND x.activity = t.activity AND x.finished_at IS NOT NULL)""",
            "export: answers", "SELECT a.* FROM answer a JOIN quiz_attempt t ON t.id = a.attempt_id WHERE t.learner_id = 7",
            "export: interactions", "SELECT i.* FROM scorm_interaction i JOIN scorm_attempt a ON a.id = i.attempt_id "
                    + "WHERE a.learner_id = 7");

    /** What deleting an account makes the database look up in every table that refers to the person. */
    private static final List<String> DELETION = List.of("session", "cohort_member", "lesson_progress",
            "quiz_attempt", "reflection", "certificate", "scorm_attempt", "scorm_session", "team_answer");

    @Test
    void the_hot_queries_and_the_lookups_of_an_account_deletion_use_indexes(@TempDir Path dir) {
        try (Database db = TestDatabases.open(dir)) {
            HOT.forEach((what, sql) -> assertIndexed(db, what, sql));
            DELETION.forEach(t -> assertIndexed(db, "deletion: " + t, "SELECT 1 FROM " + t + " WHERE learner_id = 7"));
            assertIndexed(db, "deletion: team_session", "SELECT 1 FROM team_session WHERE facilitator_id = 7");
            assertIndexed(db, "deletion: cohort", "SELECT 1 FROM cohort WHERE created_by = 7");
            assertIndexed(db, "deletion: scorm_package", "SELECT 1 FROM scorm_package WHERE imported_by = 7");
        }
    }

    private static void assertIndexed(Database db, String what, String sql) {
        List<String> plan = TestDatabases.sqlite()
                ? db.read(c -> Sql.list(c, "EXPLAIN QUERY PLAN " + sql, rs -> rs.getString("detail")))
                : db.write(c -> {
                    c.createStatement().execute("SET LOCAL enable_seqscan = off");
                    return Sql.list(c, "EXPLAIN " + sql, rs -> rs.getString(1));
                });
        // SQLite: "SCAN x" reads a whole table ("SCAN x USING ... INDEX" walks an index). PostgreSQL: "Seq Scan".
        boolean scans = plan.stream().anyMatch(line -> line.matches("(?s).*\\bSCAN \\w+\\b(?! USING).*")
                && !line.contains("USING COVERING INDEX") && !line.contains("USING INDEX")
                || line.contains("Seq Scan"));
        assertTrue(!scans, what + " reads a whole table:\n" + String.join("\n", plan));
    }
}
