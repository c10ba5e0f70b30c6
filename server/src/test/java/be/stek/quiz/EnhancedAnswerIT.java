package be.stek.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Browser;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With JavaScript on, feedback appears in place, without loading another page. */
class EnhancedAnswerIT {

    @Test
    void with_javascript_the_feedback_replaces_the_form_without_a_reload(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server)) {
            server.addUser("an@example.be", "An", Role.LEARNER);
            browser.signIn("an@example.be", TestServer.PASSWORD);
            browser.client().getOptions().setJavaScriptEnabled(true);
            HtmlPage page = TakeVignetteIT.start(browser, "tweede-les", "wannes");
            String url = page.getUrl().toString();
            HtmlForm form = TakeVignetteIT.questionForm(page, "lezing");
            ((HtmlRadioButtonInput) form.getFirstByXPath(".//input[@value='best']")).setChecked(true);
            HtmlPage after = Browser.submit(form);
            browser.client().waitForBackgroundJavaScript(5_000);
            assertEquals(url, after.getUrl().toString(), "no navigation happened");
            assertTrue(after == page, "the same page was updated in place");
            String text = page.asNormalizedText();
            assertTrue(text.contains("Dat sluit aan bij de bronnen."), text);
            assertTrue(text.contains("Je score: 100%"), text);
            assertEquals(1, server.count("SELECT count(*) FROM answer"));
        }
    }
}
