package be.stek.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.store.Sql;
import be.stek.testing.Browser;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import java.util.List;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One branching vignette down two different paths: each step is recorded and the path is scored. */
class BranchingIT {

    static HtmlPage walk(HtmlPage page, String... choices) throws Exception {
        for (String choice : choices) {
            HtmlForm form = page.getFirstByXPath("//section[@id='current']//form");
            ((HtmlRadioButtonInput) form.getFirstByXPath(".//input[@value='" + choice + "']")).setChecked(true);
            page = Browser.submit(form);
        }
        return page;
    }

    static List<String> steps(TestServer server, int attempt) {
        return server.db().read(c -> Sql.list(c, """
                SELECT a.question || '=' || a.chosen FROM answer a JOIN quiz_attempt t ON t.id = a.attempt_id
                WHERE t.activity = 'avonddienst' AND t.number = ? ORDER BY a.position""", rs -> rs.getString(1), attempt));
    }

    @Test
    void two_paths_through_one_case_are_recorded_step_by_step_and_scored(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server)) {
            server.addUser("an@example.be", "An", Role.LEARNER);
            browser.signIn("an@example.be", TestServer.PASSWORD);

            HtmlPage page = walk(TakeVignetteIT.start(browser, "derde-les", "avonddienst"), "opnemen", "luisteren");
            String text = page.asNormalizedText();
            assertTrue(text.contains("Einde: Samen verder"), text);
            assertTrue(text.contains("Je bleef in contact."), "the ending's debrief");
            assertTrue(text.contains("Luisteren is een interventie."), "feedback on the choices along the path");
            assertTrue(text.contains("Score voor deze weg: 100% over 2 keuzes."), text);
            assertTrue(text.contains("Een sterke weg"), "a good ending says it is good: " + text);
            assertEquals(List.of("telefoon=[\"opnemen\"]", "gesprek=[\"luisteren\"]"), steps(server, 1));

            page = Browser.click(page, "Een andere weg proberen");
            page = walk(page, "laten", "terugbellen");
            text = page.asNormalizedText();
            assertTrue(text.contains("Zo mis je een signaal."), text);
            assertTrue(text.contains("Score voor deze weg: 25% over 2 keuzes."), text);
            assertTrue(text.contains("Een weg met risico's") && !text.contains("Een sterke weg"),
                    "a poor ending does not look like a good one: " + text);
            assertTrue(text.contains("af te raden"), "each choice taken carries its label: " + text);
            assertTrue(page.querySelector(".summary.outcome-poor") != null, "the poor ending is styled as poor");
            assertEquals(List.of("telefoon=[\"laten\"]", "stilte=[\"terugbellen\"]"), steps(server, 2));
            assertEquals(1.0, server.db().read(c -> Sql.one(c,
                    "SELECT max(score) FROM quiz_attempt WHERE activity = 'avonddienst'", rs -> rs.getDouble(1)).orElseThrow()));
        }
    }
}
