package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard keeps what it built (rows, the rendered grid, the item analysis) while nothing changes; every kind of
 * change a facilitator expects to see shows at the next view: a lesson done, a case answered, a SCORM commit, a
 * learner who joins, one who leaves, an account deleted, a new due date.
 */
class DashboardFreshnessIT {

    @Test
    void every_change_shows_at_the_next_view(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String slug = ResumeIT.importAsAdmin(server, "resume-2004");
            server.addUser("trainer@example.be", "Trainer", Role.FACILITATOR);
            server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            long jonasId = server.addUser("jonas@example.be", "Jonas Maes", Role.LEARNER);
            Http trainer = new Http(server).signIn("trainer@example.be");
            String cohort = trainer.post("/cohorts", Map.of("name", "Vroedkunde")).headers().firstValue("Location")
                    .orElseThrow();
            trainer.post(cohort + "/codes", Map.of());
            Http lotte = new Http(server).signIn("lotte@example.be").join(server.codeOf(cohort));

            String before = trainer.get(cohort + "/dashboard").body();
            assertTrue(before.contains("Lotte Peeters") && !before.contains("· bezig"), before);
            assertTrue(trainer.get(cohort + "/dashboard").body().contains("Lotte Peeters"), "a second view, kept");

            lotte.post("/courses/proef/lessons/eerste-les/done", Map.of());
            assertTrue(trainer.get(cohort + "/dashboard").body().contains("% · bezig"), "a lesson done shows");

            String commit = CommitEndpointIT.launch(lotte, slug);
            assertEquals(200, lotte.postRaw(commit, "{\"commitSequence\":1,\"cmi\":{\"completion_status\":\"completed\","
                    + "\"success_status\":\"passed\",\"score\":{\"scaled\":\"0.8\"},\"session_time\":\"PT1M\","
                    + "\"exit\":\"suspend\"}}", "application/json").statusCode());
            String afterCommit = trainer.get(cohort + "/dashboard").body();
            assertTrue(afterCommit.contains("score 80%") && afterCommit.contains("geslaagd"),
                    "a SCORM commit shows in the package column: " + afterCommit);

            new Http(server).signIn("jonas@example.be").join(server.codeOf(cohort));
            assertTrue(trainer.get(cohort + "/dashboard").body().contains("Jonas Maes"), "a learner who joined");
            assertTrue(trainer.get(cohort + "/dashboard.csv").body().contains("Jonas Maes"), "also in the CSV");

            assertEquals(303, trainer.post(cohort + "/courses", Map.of("course", "proef", "due", "2020-01-10"))
                    .statusCode());
            assertTrue(trainer.get(cohort + "/dashboard").body().contains("te laat (was af tegen 10 januari 2020)"),
                    "a new due date");

            server.db().write(c -> be.stek.store.Sql.update(c, "DELETE FROM learner WHERE id = ?", jonasId));
            String gone = trainer.get(cohort + "/dashboard").body();
            assertFalse(gone.contains("Jonas Maes"), "a deleted account is gone from the grid");
            assertFalse(trainer.get(cohort + "/dashboard.csv").body().contains("Jonas Maes"), "and from the CSV");
        }
    }
}
