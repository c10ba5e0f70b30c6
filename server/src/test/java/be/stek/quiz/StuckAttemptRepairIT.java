package be.stek.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import be.stek.learner.Passwords;
import be.stek.store.Sql;
import be.stek.testing.Http;
import be.stek.testing.TestDatabases;
import be.stek.testing.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An attempt that the old answer code left open with every question answered (and two answers at one position) is
 * finished by the upgrade: the learner sees the result and can start a new attempt. An attempt that really is open
 * stays open, and no answer is lost.
 */
class StuckAttemptRepairIT {
    private static final String PLAN = """
            {"questions":["reactie","signalen"],"options":{"reactie":["a","b"],"signalen":["huilen","slapen","lachen"]}}""";

    /** A database at schema version 5 (before the repair) with a stuck attempt and an open one of another learner. */
    private static void oldDatabase(Path data) throws Exception {
        String url = "jdbc:sqlite:" + data.resolve("stek.db").toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration", "classpath:db/vendor/sqlite").target("5").load().migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            String hash = Passwords.hash(TestServer.PASSWORD);
            for (String[] l : new String[][] {{"1", "vast@example.be"}, {"2", "bezig@example.be"}}) {
                run(c, "INSERT INTO learner (id, email, name, password_hash, role, created_at) VALUES (?, ?, 'X', ?, 'learner', "
                        + "'2026-01-05T09:00:00.000Z')", l[0], l[1], hash);
            }
            run(c, "INSERT INTO quiz_attempt (id, learner_id, course, activity, kind, number, version, plan, started_at, graded)"
                    + " VALUES (?, ?, 'proef', 'dag-vier', 'vignette', 1, '1', ?, '2026-01-05T10:00:00.000Z', 1)", 10, 1, PLAN);
            run(c, "INSERT INTO quiz_attempt (id, learner_id, course, activity, kind, number, version, plan, started_at, graded)"
                    + " VALUES (?, ?, 'proef', 'dag-vier', 'vignette', 1, '1', ?, '2026-01-05T10:00:00.000Z', 1)", 11, 2, PLAN);
            answer(c, 10, "reactie", "a", 0.0, "2026-01-05T10:01:00.000Z");
            answer(c, 10, "signalen", "huilen", 1.0, "2026-01-05T10:01:00.020Z");
            answer(c, 11, "reactie", "b", 1.0, "2026-01-05T10:02:00.000Z");
        }
    }

    /** Both answers of attempt 10 at position 1: what two answers posted at once stored. */
    private static void answer(Connection c, long attempt, String question, String option, double score, String at)
            throws Exception {
        run(c, "INSERT INTO answer (attempt_id, position, question, question_text, question_kind, version, options, chosen,"
                + " chosen_text, score, answered_at, time_ms) VALUES (?, 1, ?, 'vraag', 'single', '1', '[]', ?, 'tekst', ?, ?, 5)",
                attempt, question, "[\"" + option + "\"]", score, at);
    }

    private static void run(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.executeUpdate();
        }
    }

    record Row(String finishedAt, Double score) {
    }

    private static Row attempt(TestServer server, long id) {
        return server.db().read(c -> Sql.one(c, "SELECT finished_at, score FROM quiz_attempt WHERE id = ?",
                rs -> new Row(rs.getString(1), Sql.doubleOrNull(rs, "score")), id)).orElseThrow();
    }

    @BeforeAll
    static void sqliteOnly() {
        assumeTrue(TestDatabases.sqlite(), "repairs what older versions left in SQLite files; PostgreSQL starts clean");
    }

    @Test
    void the_upgrade_finishes_an_attempt_left_open_with_every_question_answered(@TempDir Path data) throws Exception {
        oldDatabase(data);
        try (TestServer server = TestServer.start(data)) {
            Row repaired = attempt(server, 10);
            assertEquals("2026-01-05T10:01:00.020Z", repaired.finishedAt(), "finished at its last answer");
            assertEquals(0.5, repaired.score(), 1e-9, "the mean of its answers' scores");
            assertEquals(List.of(1, 2), server.db().read(c -> Sql.list(c,
                    "SELECT position FROM answer WHERE attempt_id = 10 ORDER BY position", rs -> rs.getInt(1))));
            assertNull(attempt(server, 11).finishedAt(), "an attempt with a question still open stays open");
            assertEquals(3, server.count("SELECT count(*) FROM answer"), "no answer lost");

            Http learner = new Http(server).signIn("vast@example.be");
            assertTrue(learner.get("/courses/proef/lessons/eerste-les").body().contains("Beste score 50%"),
                    "the learner sees the result");
            var again = learner.post("/courses/proef/activities/dag-vier/start", Map.of());
            assertNotEquals("/courses/proef/attempts/10", again.headers().firstValue("Location").orElseThrow(),
                    "a new attempt starts instead of the stuck one");
        }
    }
}
