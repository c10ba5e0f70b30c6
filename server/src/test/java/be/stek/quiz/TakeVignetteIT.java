package be.stek.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.store.Sql;
import be.stek.testing.Browser;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import java.util.List;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A learner takes each kind of vignette question; what is stored matches what was chosen. */
class TakeVignetteIT {

    record Row(String question, String chosen, String chosenText, double score, String questionText, long timeMs) {
    }

    static List<Row> answers(TestServer server, String activity) {
        return server.db().read(c -> Sql.list(c, """
                SELECT a.* FROM answer a JOIN quiz_attempt t ON t.id = a.attempt_id
                WHERE t.activity = ? ORDER BY t.number, a.position""",
                rs -> new Row(rs.getString("question"), rs.getString("chosen"), rs.getString("chosen_text"),
                        rs.getDouble("score"), rs.getString("question_text"), rs.getLong("time_ms")), activity));
    }

    static HtmlPage start(Browser browser, String lesson, String activity) throws Exception {
        HtmlPage page = browser.open("/courses/proef/lessons/" + lesson);
        return Browser.submit(Browser.formWithAction(page, "/courses/proef/activities/" + activity + "/start"));
    }

    static HtmlForm questionForm(HtmlPage page, String question) {
        return page.getFirstByXPath("//section[@id='q-" + question + "']//form");
    }

    static HtmlPage choose(HtmlPage page, String question, String... options) throws Exception {
        HtmlForm form = questionForm(page, question);
        for (String o : options) {
            var input = form.getFirstByXPath(".//input[@value='" + o + "']");
            if (input instanceof HtmlRadioButtonInput r) {
                r.setChecked(true);
            } else {
                ((HtmlCheckBoxInput) input).setChecked(true);
            }
        }
        return Browser.submit(form);
    }

    @Test
    void single_and_multiple_response_questions_give_feedback_and_are_recorded(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server)) {
            server.addUser("an@example.be", "An", Role.LEARNER);
            browser.signIn("an@example.be", TestServer.PASSWORD);

            HtmlPage page = start(browser, "eerste-les", "dag-vier");
            assertTrue(page.asNormalizedText().contains("Vroedvrouw Ines komt op kraambezoek"));
            page = choose(page, "reactie", "b");
            String text = page.asNormalizedText();
            assertTrue(text.contains("Jouw keuze"), text);
            assertTrue(text.contains("Benoemen steunt de band."), "feedback on the chosen option");
            assertTrue(page.getByXPath("//details[contains(., 'Dat is de muur van het niet-weten.')]").size() == 1,
                    "feedback on the other option too, folded");
            assertTrue(!text.contains("Dat is de muur van het niet-weten."), "folded until opened: " + text);
            assertTrue(text.indexOf("Score op deze vraag: 100%") < text.indexOf("Benoemen steunt de band."),
                    "the score and verdict come before the options: " + text);
            assertTrue(text.contains("Juist.") && text.contains("✓ juist"), text);
            assertTrue(text.contains("Bron: Vliegen & Verhaest (2020)"));
            assertTrue(text.contains("Score op deze vraag: 100%"));
            assertTrue(page.getFirstByXPath("//a[@href='/courses/proef/lessons/eerste-les']") != null, "link to the lesson");

            page = choose(page, "signalen", "huilen", "lachen");
            text = page.asNormalizedText();
            assertTrue(text.contains("Score op deze vraag: 0%") && text.contains("Niet juist."), text);
            assertTrue(text.contains("✗ niet juist"), "a wrong tick is marked: " + text);
            assertTrue(text.contains("✓ ook juist, niet aangeduid"), "a missed right answer is marked: " + text);
            assertTrue(text.contains("Je score: 50% (poging 1)"), text);

            List<Row> rows = answers(server, "dag-vier");
            assertEquals(2, rows.size());
            assertEquals(new Row("reactie", "[\"b\"]", "Ze benoemt wat Mona doet.", 1.0, "Wat doet Ines?",
                    rows.get(0).timeMs()), rows.get(0));
            assertEquals("[\"huilen\",\"lachen\"]", rows.get(1).chosen());
            assertEquals("Veel huilen | Lachen naar mama", rows.get(1).chosenText());
            assertEquals(0.5, server.count("SELECT score * 2 FROM quiz_attempt WHERE activity = 'dag-vier'") / 2.0);

            page = Browser.click(page, "Opnieuw proberen");
            assertTrue(page.asNormalizedText().contains("poging 2"));
            assertEquals(2, server.count("SELECT count(*) FROM quiz_attempt WHERE activity = 'dag-vier'"));
        }
    }

    @Test
    void a_graded_dilemma_says_there_is_no_single_right_answer_and_scores_the_weight(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server)) {
            server.addUser("an@example.be", "An", Role.LEARNER);
            browser.signIn("an@example.be", TestServer.PASSWORD);
            HtmlPage page = start(browser, "tweede-les", "wannes");
            assertTrue(page.asNormalizedText().contains("niet één juist antwoord"));
            page = choose(page, "lezing", "half");
            String text = page.asNormalizedText();
            assertTrue(text.contains("begrijpelijk, maar mist iets belangrijks"), text);
            assertTrue(text.contains("beste keuze"), text);
            assertTrue(text.contains("af te raden"), text);
            assertTrue(text.contains("Score op deze vraag: 50%"), text);
            assertEquals(0.5, answers(server, "wannes").get(0).score());
        }
    }

    @Test
    void an_answer_sent_twice_is_recorded_once(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server)) {
            server.addUser("an@example.be", "An", Role.LEARNER);
            browser.signIn("an@example.be", TestServer.PASSWORD);
            HtmlPage page = start(browser, "tweede-les", "wannes");
            HtmlForm form = questionForm(page, "lezing");
            ((HtmlRadioButtonInput) form.getFirstByXPath(".//input[@value='best']")).setChecked(true);
            Browser.submit(form);
            HtmlPage again = Browser.submit(form);
            assertEquals(1, answers(server, "wannes").size());
            assertTrue(again.asNormalizedText().contains("Je score: 100% (poging 1)"));
        }
    }

    @Test
    void finishing_every_lesson_and_vignette_completes_and_passes_the_course(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server)) {
            server.addUser("an@example.be", "An", Role.LEARNER);
            browser.signIn("an@example.be", TestServer.PASSWORD);
            choose(choose(start(browser, "eerste-les", "dag-vier"), "reactie", "b"), "signalen", "huilen", "slapen");
            choose(start(browser, "tweede-les", "wannes"), "lezing", "best");
            BranchingIT.walk(start(browser, "derde-les", "avonddienst"), "opnemen", "luisteren");
            HtmlPage page = browser.open("/courses/proef/lessons/eerste-les");
            for (String lesson : List.of("eerste-les", "tweede-les", "derde-les")) {
                page = Browser.submit(Browser.formWithAction(browser.open("/courses/proef/lessons/" + lesson),
                        "/courses/proef/lessons/" + lesson + "/done"));
            }
            String text = page.asNormalizedText();
            assertTrue(text.contains("Proficiat, je hebt deze module afgerond!"), text);
            assertTrue(text.contains("Afronding: afgerond"), text);
            assertTrue(text.contains("Resultaat: geslaagd"), text);
            assertTrue(text.contains("minstens 80%"), "the learner is told the rule");
        }
    }
}
