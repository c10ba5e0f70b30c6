package be.stek.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.HandClock;
import be.stek.certificate.ProefCourse;
import be.stek.store.Sql;
import be.stek.testing.Browser;
import be.stek.testing.PdfText;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner misses a question, sees it come back two days later on Mijn leertraject, reviews it without JavaScript,
 * and keeps the same course score and certificate; a facilitator sees only counts.
 */
class ReviewIT {

    private static TestServer server(Path data, HandClock clock) throws Exception {
        return TestServer.start(data, TestServer.fixture("courses"), TestServer.fixture("media"), clock);
    }

    /** Every lesson and vignette done, with question "reactie" of "Dag vier" missed: 83 %, passed (mark 80 %). */
    private static void passWithOneMiss(Browser browser) throws Exception {
        ProefCourse.choose(ProefCourse.choose(ProefCourse.start(browser, "eerste-les", "dag-vier"), "reactie", "a"),
                "signalen", "huilen", "slapen");
        ProefCourse.choose(ProefCourse.start(browser, "tweede-les", "wannes"), "lezing", "best");
        ProefCourse.walk(ProefCourse.start(browser, "derde-les", "avonddienst"), "opnemen", "luisteren");
        ProefCourse.finishLessons(browser);
    }

    private static String dashboard(Browser browser) throws Exception {
        return browser.open("/me").asNormalizedText();
    }

    /** Starts a review from the dashboard and answers its first question with {@code option}. */
    private static HtmlPage review(Browser browser, String option) throws Exception {
        return answer(Browser.click(browser.open("/me"), "Nu herhalen"), option);
    }

    private static HtmlPage answer(HtmlPage question, String option) throws Exception {
        ((HtmlRadioButtonInput) question.getFirstByXPath("//input[@value='" + option + "']")).setChecked(true);
        return Browser.submit(Browser.formWithAction(question, question.getUrl().getPath()));
    }

    @Test
    void a_missed_question_comes_back_on_day_2_and_a_review_leaves_score_and_certificate_as_they_were(
            @TempDir Path data) throws Exception {
        HandClock clock = new HandClock();
        try (TestServer server = server(data, clock); Browser browser = new Browser(server)) {
            server.addUser("an@example.be", "Annelies Verhaegen", Role.LEARNER);
            browser.signIn("an@example.be", TestServer.PASSWORD);
            passWithOneMiss(browser);
            String course = browser.open("/courses/proef").asNormalizedText();
            assertTrue(course.contains("geslaagd (gemiddelde score 83%)"), course);
            String certificate = PdfText.of(download(browser.client().getPage(
                    server.url("/courses/proef/certificate"))));
            long answers = server.count("SELECT count(*) FROM answer");

            assertTrue(dashboard(browser).contains("De volgende vraag komt terug op 25 november 2026."));
            clock.day(2);
            assertTrue(dashboard(browser).contains("1 vraag staat klaar om te herhalen."), dashboard(browser));
            HtmlPage question = Browser.click(browser.open("/me"), "Nu herhalen");
            String asked = question.asNormalizedText();
            assertTrue(asked.contains("Vroedvrouw Ines komt op kraambezoek bij Amira en baby Mona."), "the case");
            assertTrue(asked.contains("Wat doet Ines?"), asked);
            assertFalse(asked.contains("Benoemen steunt de band."), "no feedback before answering");

            HtmlPage feedback = answer(question, "b");
            String shown = feedback.asNormalizedText();
            assertTrue(shown.contains("Benoemen steunt de band."), "the module's feedback: " + shown);
            assertTrue(shown.contains("beste keuze"), shown);
            assertTrue(shown.contains("Kleine dingen benoemen helpt."), "the explanation");
            String summary = Browser.<HtmlPage>click(feedback, "Klaar").asNormalizedText();
            assertTrue(summary.contains("Je herhaalde 1 vraag, 1 met de volle score."), summary);

            assertEquals("[\"b\"]", server.db().read(c -> Sql.one(c, "SELECT chosen FROM review_answer",
                    rs -> rs.getString(1))).orElseThrow(), "every choice is stored");
            assertEquals(answers, server.count("SELECT count(*) FROM answer"), "no attempt answer added");
            assertEquals(course, browser.open("/courses/proef").asNormalizedText(), "course page and score unchanged");
            assertEquals(certificate, PdfText.of(download(browser.client().getPage(
                    server.url("/courses/proef/certificate")))), "the same certificate");
            assertTrue(dashboard(browser).contains("De volgende vraag komt terug op 2 december 2026."),
                    "answered well on day 2: back on day 9");
            clock.day(9);
            assertTrue(dashboard(browser).contains("1 vraag staat klaar om te herhalen."));
        }
    }

    private static byte[] download(Page page) throws Exception {
        assertEquals(200, page.getWebResponse().getStatusCode());
        assertEquals("application/pdf", page.getWebResponse().getContentType());
        return page.getWebResponse().getContentAsStream().readAllBytes();
    }

    @Test
    void a_paused_module_stays_away_until_resumed_and_nobody_else_opens_my_review(@TempDir Path data)
            throws Exception {
        HandClock clock = new HandClock();
        try (TestServer server = server(data, clock); Browser browser = new Browser(server);
             Browser other = new Browser(server)) {
            server.addUser("an@example.be", "Annelies Verhaegen", Role.LEARNER);
            server.addUser("bo@example.be", "Bram Claes", Role.LEARNER);
            browser.signIn("an@example.be", TestServer.PASSWORD);
            other.signIn("bo@example.be", TestServer.PASSWORD);
            ProefCourse.choose(ProefCourse.start(browser, "tweede-les", "wannes"), "lezing", "half");
            clock.day(2);
            HtmlPage overview = browser.open("/review");
            HtmlPage paused = Browser.click(overview, "Pauzeren");
            assertTrue(paused.asNormalizedText().contains("gepauzeerd"), paused.asNormalizedText());
            assertFalse(dashboard(browser).contains("klaar om te herhalen"));
            Browser.click(paused, "Weer herhalen");
            assertTrue(dashboard(browser).contains("1 vraag staat klaar om te herhalen."));

            HtmlPage question = Browser.click(browser.open("/me"), "Nu herhalen");
            assertEquals(403, other.open(question.getUrl().getPath()).getWebResponse().getStatusCode());
        }
    }

    @Test
    void a_facilitator_sees_how_many_reviewed_and_what_is_still_missed_but_no_names(@TempDir Path data)
            throws Exception {
        HandClock clock = new HandClock();
        try (TestServer server = server(data, clock); Browser browser = new Browser(server);
             Browser trainer = new Browser(server)) {
            long an = server.addUser("an@example.be", "Annelies Verhaegen", Role.LEARNER);
            long fien = server.addUser("fien@example.be", "Fien Trainer", Role.FACILITATOR);
            long cohort = server.db().write(c -> {
                long id = Sql.insert(c, "INSERT INTO cohort (name, created_at) VALUES ('Team Noord', ?)", clock.now);
                Sql.update(c, "INSERT INTO cohort_member VALUES (?, ?, 'learner', ?)", id, an, clock.now);
                Sql.update(c, "INSERT INTO cohort_member VALUES (?, ?, 'facilitator', ?)", id, fien, clock.now);
                return id;
            });
            browser.signIn("an@example.be", TestServer.PASSWORD);
            trainer.signIn("fien@example.be", TestServer.PASSWORD);
            ProefCourse.choose(ProefCourse.start(browser, "tweede-les", "wannes"), "lezing", "fout");
            clock.day(2);
            Browser.click(review(browser, "half"), "Klaar");

            String report = trainer.open("/cohorts/" + cohort + "/reviews").asNormalizedText();
            assertTrue(report.contains("Proefcursus\t1\t1\t0"), report);
            assertTrue(report.contains("1 van 1 deelnemers misten ze de laatste keer"), report);
            assertFalse(report.contains("Annelies") || report.contains("an@example.be"), "no names");
            assertEquals(403, browser.open("/cohorts/" + cohort + "/reviews").getWebResponse().getStatusCode());
        }
    }
}
