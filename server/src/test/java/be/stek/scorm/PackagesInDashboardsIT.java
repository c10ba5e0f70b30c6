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

    @Test
    void a_package_assigned_with_a_due_date_shows_on_mijn_leertraject_in_the_grid_the_csv_and_the_learner_page(
            @TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String slug = ResumeIT.importAsAdmin(server, "resume-2004");
            server.addUser("trainer@example.be", "Trainer", Role.FACILITATOR);
            long lotteId = server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            Http trainer = new Http(server).signIn("trainer@example.be");
            String cohort = trainer.post("/cohorts", Map.of("name", "Vroedkunde")).headers().firstValue("Location").orElseThrow();
            trainer.post(cohort + "/codes", Map.of());
            assertEquals(400, trainer.post(cohort + "/packages", Map.of("package", "bestaat-niet")).statusCode());
            assertEquals(0, server.count("SELECT count(*) FROM cohort_package"), "nothing stored for a wrong package");
            assertEquals(303, trainer.post(cohort + "/packages", Map.of("package", slug, "due", "2020-02-01")).statusCode());
            assertTrue(trainer.get(cohort).body().contains("Hervatten 2004 · af tegen 1 februari 2020"), "listed on the cohort");

            Http lotte = new Http(server).signIn("lotte@example.be").join(server.codeOf(cohort));
            commit(lotte, slug, "incomplete");

            String mine = lotte.get("/me").body();
            int assigned = mine.indexOf("Toegewezen door je groep");
            assertTrue(assigned >= 0 && mine.indexOf("Hervatten 2004", assigned) > assigned, mine);
            assertTrue(mine.contains("Toegewezen door Vroedkunde") && mine.contains("over tijd: af tegen 1 februari 2020"),
                    "who assigned it, its due date and that it is overdue: " + mine);
            assertTrue(mine.contains("card overdue"), "the overdue package stands out");

            String grid = trainer.get(cohort + "/dashboard").body();
            assertTrue(grid.contains(">Hervatten 2004</a> <span class=\"meta\">(SCORM)</span></th>"), "a column: " + grid);
            assertTrue(grid.contains("score 90%") && grid.contains("te laat (was af tegen 1 februari 2020)"), grid);
            assertTrue(trainer.get(cohort + "/dashboard?state=overdue").body().contains("Lotte Peeters"),
                    "the overdue filter looks at packages too (no module is overdue)");
            assertFalse(trainer.get(cohort + "/dashboard?state=complete").body().contains("Lotte Peeters"));
            String csv = trainer.get(cohort + "/dashboard.csv").body();
            assertTrue(csv.contains("\"Lotte Peeters\";\"lotte@example.be\";\"Hervatten 2004\";\"0\";bezig;geslaagd;\"90\";")
                    && csv.contains(";\"2020-02-01\";ja"), csv);

            String page = trainer.get(cohort + "/learners/" + lotteId).body();
            assertTrue(page.contains("Hervatten 2004") && page.contains("te laat (was af tegen 1 februari 2020)"), page);
            assertTrue(page.contains("<dd>2 min</dd>") && page.contains("beste score 90%"), "time and the attempt that counts: " + page);

            trainer.post(cohort + "/packages/" + slug + "/remove", Map.of());
            assertFalse(lotte.get("/me").body().contains("Toegewezen door je groep"), "no longer assigned");
        }
    }
}
