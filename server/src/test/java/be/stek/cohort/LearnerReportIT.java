package be.stek.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Browser;
import be.stek.testing.CourseTree;
import be.stek.testing.HandClock;
import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trainer follows one learner: scores in the dashboard grid, the page per learner reached from the grid (status,
 * scores of the first and the best attempt, time on cases, reflections counted but never shown, due date), refused
 * to facilitators of other cohorts; and the item analysis filtered per module with a table of contents.
 */
class LearnerReportIT {
    private static final Instant T0 = HandClock.DAY_0;

    private static final String SECOND_MODULE = """
            ```vignette
            id: wout
            title: Wout op de crèche
            case: |
              Wout huilt als zijn vader vertrekt.
            questions:
              - id: afscheid
                type: single
                prompt: Wat doet de begeleider?
                options:
                  - id: a
                    correct: true
                    text: Ze helpt Wout afscheid nemen.
                    feedback: Ja.
                  - id: b
                    text: Ze leidt hem af tot papa weg is.
                    feedback: Nee.
                explanation: Afscheid nemen geeft houvast.
            shuffle: false
            ```
            """;

    /** Answers dag-vier with one option per question, the clock at {@code start}, then +{@code first}, then +1 more. */
    private static void answerDagVier(Http h, HandClock clock, long start, long first, String reactie, String signaal) {
        clock.minutes(start);
        String attempt = h.post("/courses/proef/activities/dag-vier/start", Map.of()).headers()
                .firstValue("Location").orElseThrow();
        clock.minutes(start + first);
        h.post(attempt + "/questions/reactie", Map.of("option", reactie));
        clock.minutes(start + first + 1);
        h.post(attempt + "/questions/signalen", Map.of("option", signaal));
    }

    @Test
    void a_trainer_sees_one_learners_numbers_but_never_their_reflections_and_only_in_their_own_cohort(
            @TempDir Path data, @TempDir Path tree) throws Exception {
        CourseTree courses = CourseTree.copyOfFixture(tree).course("tweede", SECOND_MODULE);
        HandClock clock = new HandClock();
        try (TestServer server = TestServer.start(data, courses.courses(), courses.media(), clock);
             Browser trainer = new Browser(server)) {
            server.addUser("trainer@example.be", "Trainer", Role.FACILITATOR);
            server.addUser("ander@example.be", "Andere begeleider", Role.FACILITATOR);
            long saraId = server.addUser("sara@example.be", "Sara Janssens", Role.LEARNER);
            server.addUser("tom@example.be", "Tom Claes", Role.LEARNER);
            Http trainerHttp = new Http(server).signIn("trainer@example.be");
            String cohort = trainerHttp.post("/cohorts", Map.of("name", "Vroedkunde")).headers()
                    .firstValue("Location").orElseThrow();
            trainerHttp.post(cohort + "/courses", Map.of("course", "proef", "due", "2020-01-31"));
            trainerHttp.post(cohort + "/courses", Map.of("course", "tweede"));
            trainerHttp.post(cohort + "/codes", Map.of());
            Http other = new Http(server).signIn("ander@example.be");
            String otherCohort = other.post("/cohorts", Map.of("name", "Andere groep")).headers()
                    .firstValue("Location").orElseThrow();

            Http sara = new Http(server).signIn("sara@example.be").join(server.codeOf(cohort));
            Http tom = new Http(server).signIn("tom@example.be").join(server.codeOf(cohort));
            // First attempt: both wrong (0 %), 45 minutes on the first question (counted as 30) and 1 on the second.
            answerDagVier(sara, clock, 0, 45, "a", "lachen");
            // Second attempt: right, and one of two right signals (1 and 0.5: 75 %), 2 + 1 minutes.
            answerDagVier(sara, clock, 50, 2, "b", "huilen");
            sara.post("/courses/proef/reflections/kleine-dingen", Map.of("body", "Geheim: ik twijfel aan mezelf.",
                    "nonce", "n-1"));
            String wout = tom.post("/courses/tweede/activities/wout/start", Map.of()).headers()
                    .firstValue("Location").orElseThrow();
            tom.post(wout + "/questions/afscheid", Map.of("option", "b"));
            assertEquals(List.of(0.0, 0.75), server.db().read(c -> be.stek.store.Sql.list(c,
                    "SELECT score FROM quiz_attempt WHERE learner_id = ? ORDER BY number", rs -> rs.getDouble(1), saraId)),
                    "the attempts the page reports");

            trainer.signIn("trainer@example.be", TestServer.PASSWORD);
            HtmlPage dashboard = trainer.open(cohort + "/dashboard");
            String grid = dashboard.asNormalizedText();
            assertTrue(grid.contains("bezig · score 25%"), "the module score (75 % on one of three cases) beside the state, as text: " + grid);

            HtmlPage learner = Browser.click(dashboard, "Sara Janssens");
            assertEquals(cohort + "/learners/" + saraId, learner.getUrl().getPath());
            String text = learner.asNormalizedText();
            assertTrue(text.contains("Proefcursus") && text.contains("Cursus tweede"), "the assigned modules: " + text);
            assertTrue(text.contains("Dag vier\t0%\t75%\t2\t34 min"), "first, best, attempts, time per case: " + text);
            assertTrue(text.contains("Tijd aan casussen\n34 min"), "30 (capped) + 1 + 2 + 1 minutes: " + text);
            assertTrue(text.contains("Reflecties\n1"), "the reflection is counted: " + text);
            assertFalse(learner.asXml().contains("twijfel"), "and its text is never shown");
            assertTrue(text.contains("te laat (was af tegen 31 januari 2020)"), "due date and overdue: " + text);
            assertTrue(text.contains("Score\n25% · nog niet geslaagd"), "the module score and the pass mark: " + text);

            assertEquals(403, other.get(cohort + "/learners/" + saraId).statusCode(), "another cohort's facilitator");
            assertEquals(404, other.get(otherCohort + "/learners/" + saraId).statusCode(), "not in their cohort");
            assertEquals(403, tom.get(cohort + "/learners/" + saraId).statusCode(), "a learner");
            assertEquals(404, trainerHttp.get(cohort + "/learners/999999").statusCode());

            HtmlPage items = trainer.open(cohort + "/items");
            assertTrue(items.asNormalizedText().contains("Wat doet Ines?"), "the cohort's first module by default");
            HtmlSelect module = items.getElementByName("course");
            module.setSelectedAttribute("tweede", true);
            items = Browser.submit(module.getEnclosingForm());
            assertEquals("course=tweede", items.getUrl().getQuery(), "a plain GET form");
            String only = items.asNormalizedText();
            assertTrue(only.contains("Wat doet de begeleider?") && !only.contains("Wat doet Ines?"), only);
            assertContentsLinkToAnchors(items, 1);
            assertContentsLinkToAnchors(trainer.open(cohort + "/items?course=all"), 2);
        }
    }

    /** Every link of the table of contents leads to an element of the page; {@code modules} modules are listed. */
    private static void assertContentsLinkToAnchors(HtmlPage page, int modules) {
        List<HtmlAnchor> links = page.getByXPath("//nav[contains(@class,'contents')]//a");
        assertEquals(modules, page.getByXPath("//nav[contains(@class,'contents')]/ol/li").size(), page.asNormalizedText());
        assertTrue(links.size() > modules, "modules and their cases");
        for (HtmlAnchor a : links) {
            String href = a.getHrefAttribute();
            assertTrue(href.startsWith("#"), href);
            assertNotNull(page.getElementById(href.substring(1)), "an anchor for " + href);
        }
    }
}
