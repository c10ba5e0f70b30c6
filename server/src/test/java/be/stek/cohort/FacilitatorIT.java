package be.stek.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Browser;
import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import java.util.Map;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trainer follows a cohort: create it, invite two learners, see their progress and the item statistics. */
class FacilitatorIT {

    static String createCohortWithCode(Browser trainer, String name) throws Exception {
        HtmlPage page = trainer.open("/cohorts");
        HtmlForm form = Browser.formWithAction(page, "/cohorts");
        Browser.fill(form, "name", name);
        page = Browser.submit(form);
        String cohortPath = page.getUrl().getPath();
        HtmlForm assign = Browser.formWithAction(page, cohortPath + "/courses");
        assign.getInputByName("due").setValue("2020-01-31");
        page = Browser.submit(assign);
        page = Browser.submit(Browser.formWithAction(page, cohortPath + "/codes"));
        return page.getFirstByXPath("//section[@id='codes']//tbody/tr/th/code/text()").toString();
    }

    static void signUp(Browser b, String code, String name, String email) throws Exception {
        HtmlForm form = Browser.formWithAction(b.open("/signup?code=" + code), "/signup");
        Browser.fill(form, "name", name);
        Browser.fill(form, "email", email);
        Browser.fill(form, "password", TestServer.PASSWORD);
        Browser.fill(form, "password2", TestServer.PASSWORD);
        assertEquals("/login", Browser.submit(form).getUrl().getPath(), "signing in is the next step");
        b.signIn(email, TestServer.PASSWORD);
    }

    static void answerDagVier(Http h, String reactie) {
        var r = h.post("/courses/proef/activities/dag-vier/start", Map.of());
        String attempt = r.headers().firstValue("Location").orElseThrow();
        h.post(attempt + "/questions/reactie", Map.of("option", reactie));
        h.post(attempt + "/questions/signalen", Map.of("option", "huilen"));
    }

    @Test
    void a_trainer_sees_the_progress_and_item_statistics_of_their_cohort_and_exports_csv(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser trainer = new Browser(server);
             Browser sara = new Browser(server); Browser tom = new Browser(server)) {
            server.addUser("trainer@example.be", "Trainer", Role.FACILITATOR);
            trainer.signIn("trainer@example.be", TestServer.PASSWORD);
            String code = createCohortWithCode(trainer, "Vroedkunde 1e bach 2026");

            signUp(sara, code, "Sara Janssens", "sara@example.be");
            signUp(tom, code, "Tom Claes", "tom@example.be");
            Browser.submit(Browser.formWithAction(sara.open("/courses/proef/lessons/eerste-les"),
                    "/courses/proef/lessons/eerste-les/done"));
            answerDagVier(new Http(server).signIn("sara@example.be"), "b");
            answerDagVier(new Http(server).signIn("tom@example.be"), "a");

            HtmlPage dashboard = Browser.click(trainer.open("/cohorts"), "Voortgang");
            String text = dashboard.asNormalizedText();
            assertTrue(text.contains("Sara Janssens") && text.contains("Tom Claes"), text);
            assertTrue(text.contains("te laat (was af tegen 31 januari 2020)"), "overdue work is marked");
            assertTrue(text.contains("Gemiddelde voortgang per module"), "a chart per course");

            HtmlSelect sort = dashboard.getElementByName("sort");
            HtmlPage sorted = Browser.submit(sort.getEnclosingForm());
            assertTrue(sorted.asNormalizedText().indexOf("Sara") < sorted.asNormalizedText().indexOf("Tom"));
            HtmlPage byProgress = trainer.open(dashboard.getUrl().getPath() + "?sort=progress&state=in-progress");
            assertTrue(byProgress.asNormalizedText().indexOf("Sara") < byProgress.asNormalizedText().indexOf("Tom"));

            Page csv = Browser.click(dashboard, "Download als CSV");
            String content = csv.getWebResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            byte[] raw = csv.getWebResponse().getContentAsStream().readNBytes(3);
            assertTrue(raw.length == 3 && (raw[0] & 0xff) == 0xEF && (raw[1] & 0xff) == 0xBB && (raw[2] & 0xff) == 0xBF,
                    "a byte order mark so that Excel reads UTF-8");
            assertTrue(content.startsWith("naam;\"e-mail\";module"), "semicolons for Belgian Excel: " + content);
            assertTrue(content.contains("\"Sara Janssens\";\"sara@example.be\";Proefcursus"), content);
            assertTrue(content.contains("\"2020-01-31\";ja"), content);
            assertTrue(content.contains("laatst actief (Brusselse tijd)")
                    && content.matches("(?s).*;\"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\";.*"), "last activity in local time: " + content);

            HtmlPage items = Browser.click(dashboard, "Vraaganalyse");
            text = items.asNormalizedText();
            assertTrue(text.contains("Wat doet Ines?"), "the question text is shown");
            assertTrue(text.contains("Makkelijkheid: 50%"), text);
            assertTrue(text.contains("Ze benoemt wat Mona doet.") && text.contains("1 (50%)"), text);
            assertTrue(text.contains("Het vaakst gemist"), text);
        }
    }

    @Test
    void learners_and_other_facilitators_cannot_open_a_cohort(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            server.addUser("trainer@example.be", "Trainer", Role.FACILITATOR);
            server.addUser("ander@example.be", "Andere begeleider", Role.FACILITATOR);
            server.addUser("an@example.be", "An", Role.LEARNER);
            server.addUser("beheer@example.be", "Beheer", Role.ADMIN);
            Http trainer = new Http(server).signIn("trainer@example.be");
            String location = trainer.post("/cohorts", Map.of("name", "Team Zonnebloem")).headers()
                    .firstValue("Location").orElseThrow();
            Http learner = new Http(server).signIn("an@example.be");
            Http other = new Http(server).signIn("ander@example.be");
            Http admin = new Http(server).signIn("beheer@example.be");
            for (String page : new String[] {"", "/dashboard", "/dashboard.csv", "/items", "/sessions"}) {
                assertEquals(403, learner.get(location + page).statusCode(), "learner " + page);
                assertEquals(403, other.get(location + page).statusCode(), "other facilitator " + page);
                assertEquals(200, trainer.get(location + page).statusCode(), "own facilitator " + page);
                assertEquals(200, admin.get(location + page).statusCode(), "admin " + page);
            }
            long members = server.count("SELECT count(*) FROM cohort_member");
            assertEquals(403, other.post("/admin" + location + "/members", Map.of("email", "ander@example.be")).statusCode());
            assertEquals(403, trainer.post("/admin" + location + "/members", Map.of("email", "an@example.be")).statusCode());
            assertEquals(403, learner.post(location + "/codes", Map.of()).statusCode());
            assertEquals(members, server.count("SELECT count(*) FROM cohort_member"));
            assertEquals(0, server.count("SELECT count(*) FROM invitation"));
            assertTrue(!other.get("/cohorts").body().contains("Team Zonnebloem"), "other cohorts are not listed");
        }
    }

    @Test
    void bad_cohort_input_is_refused_with_a_message(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            server.addUser("trainer@example.be", "Trainer", Role.FACILITATOR);
            Http trainer = new Http(server).signIn("trainer@example.be");
            String location = trainer.post("/cohorts", Map.of("name", "Groep")).headers().firstValue("Location").orElseThrow();
            var unnamed = trainer.post("/cohorts", Map.of());
            assertEquals(400, unnamed.statusCode());
            assertTrue(unnamed.body().contains("Vul de naam van de groep in."), "the field in words, not ‘name’");
            var r = trainer.post(location + "/courses", Map.of("course", "proef", "due", "31/01/2026"));
            assertEquals(400, r.statusCode());
            assertTrue(r.body().contains("‘31/01/2026’ is geen geldige datum voor ‘Af tegen’"), r.body());
            assertTrue(r.body().contains("value=\"31/01/2026\""), "what was typed stays in the field");
            assertEquals(400, trainer.post(location + "/courses", Map.of("course", "bestaat-niet")).statusCode());
            assertEquals(400, trainer.post(location + "/codes", Map.of("days", "-3")).statusCode());
            server.addUser("beheer@example.be", "Beheer", Role.ADMIN);
            Http admin = new Http(server).signIn("beheer@example.be");
            assertEquals(400, admin.post("/admin" + location + "/members", Map.of("email", "niemand@example.be")).statusCode());
            assertEquals(404, trainer.get("/cohorts/99999").statusCode());
            assertEquals(0, server.count("SELECT count(*) FROM cohort_course"));
            assertEquals(0, server.count("SELECT count(*) FROM invitation"));
        }
    }

    @Test
    void a_facilitator_cannot_add_an_existing_account_and_sees_only_those_who_joined_with_an_invitation(@TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data)) {
            server.addUser("trainer@example.be", "Trainer", Role.FACILITATOR);
            server.addUser("an@example.be", "An Peeters", Role.LEARNER);
            server.addUser("bo@example.be", "Bo Maes", Role.LEARNER);
            Http trainer = new Http(server).signIn("trainer@example.be");
            String location = trainer.post("/cohorts", Map.of("name", "Team Zonnebloem")).headers()
                    .firstValue("Location").orElseThrow();
            assertFalse(trainer.get(location).body().contains("name=\"email\""), "no form to add someone by e-mail");

            var existing = trainer.post(location + "/members", Map.of("email", "an@example.be"));
            var unknown = trainer.post(location + "/members", Map.of("email", "niemand@example.be"));
            assertEquals(404, existing.statusCode(), "the route is gone");
            assertEquals(existing.body(), unknown.body(), "the answer does not tell which address has an account");
            assertEquals(403, trainer.post("/admin" + location + "/members", Map.of("email", "an@example.be")).statusCode());

            trainer.post(location + "/codes", Map.of());
            new Http(server).signIn("bo@example.be").join(server.codeOf(location));

            String dashboard = trainer.get(location + "/dashboard").body();
            assertFalse(dashboard.contains("An Peeters"), "An did not join");
            assertTrue(dashboard.contains("Bo Maes"), "Bo joined with the invitation");
            assertFalse(trainer.get(location + "/dashboard.csv").body().contains("an@example.be"));
            assertEquals(0, server.count("SELECT count(*) FROM cohort_member m JOIN learner l ON l.id = m.learner_id"
                    + " WHERE l.email = 'an@example.be'"));
        }
    }
}
