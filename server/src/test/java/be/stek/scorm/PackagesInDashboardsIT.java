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
 * SCORM packages are treated like native courses: in the catalogue, on the learner's dashboard and on the cohort
 * dashboard; and a facilitator sees the results of their own cohorts' learners only.
 */
class PackagesInDashboardsIT {

    static void commit(Http http, String slug, String completion) {
        String url = CommitEndpointIT.launch(http, slug);
        String body = "{\"commitSequence\":1,\"cmi\":{\"completion_status\":\"" + completion
                + "\",\"success_status\":\"passed\",\"score\":{\"scaled\":\"0.9\"},\"session_time\":\"PT2M\",\"exit\":\"suspend\"}}";
        assertEquals(200, http.postRaw(url, body, "application/json").statusCode());
    }

    @Test
    void packages_appear_in_catalogue_and_dashboards_and_results_follow_cohort_lines(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String slug = ResumeIT.importAsAdmin(server, "resume-2004");
            server.addUser("trainer@example.be", "Trainer", Role.FACILITATOR);
            server.addUser("ander@example.be", "Andere begeleider", Role.FACILITATOR);
            server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            server.addUser("jonas@example.be", "Jonas Maes", Role.LEARNER);
            Http trainer = new Http(server).signIn("trainer@example.be");
            String cohort = trainer.post("/cohorts", Map.of("name", "Vroedkunde")).headers().firstValue("Location").orElseThrow();
            trainer.post(cohort + "/codes", Map.of());

            Http lotte = new Http(server).signIn("lotte@example.be").join(server.codeOf(cohort));
            Http jonas = new Http(server).signIn("jonas@example.be");
            commit(lotte, slug, "completed");
            commit(jonas, slug, "incomplete");

            String catalogue = new Http(server).get("/").body();
            assertTrue(catalogue.contains("Pakketten (SCORM)") && catalogue.contains("/scorm/packages/" + slug), catalogue);
            String mine = lotte.get("/me").body();
            assertTrue(mine.contains("Pakketten (SCORM)") && mine.contains("afgerond") && mine.contains("geslaagd"), mine);

            String dashboard = trainer.get(cohort + "/dashboard").body();
            assertTrue(dashboard.contains("Lotte Peeters") && dashboard.contains("90%"), dashboard);
            assertFalse(dashboard.contains("Jonas Maes"), "not in this cohort");
            assertTrue(trainer.get(cohort + "/dashboard.csv").body().contains("\"Lotte Peeters\";\"lotte@example.be\""));

            String results = trainer.get("/scorm/packages/" + slug + "/results").body();
            assertTrue(results.contains("Lotte Peeters"), results);
            assertFalse(results.contains("Jonas Maes"), "a facilitator sees only the learners of their own cohorts");
            assertFalse(new Http(server).signIn("ander@example.be").get("/scorm/packages/" + slug + "/results").body()
                    .contains("Lotte Peeters"));
            assertEquals(403, jonas.get("/scorm/packages/" + slug + "/results").statusCode());
        }
    }
}
