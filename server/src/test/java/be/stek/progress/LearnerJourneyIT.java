package be.stek.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Browser;
import be.stek.testing.TestServer;
import java.nio.file.Path;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A learner signs up with a code, signs in, reads two lessons, comes back, and finds their place, even after a restart. */
class LearnerJourneyIT {

    @Test
    void learner_resumes_where_they_left_off_across_sign_out_and_restart(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server)) {
            String code = server.invitation("Onboarding jeugdhulp maart");

            HtmlPage page = signUp(browser, code);
            assertEquals("/login", page.getUrl().getPath());
            assertTrue(page.asNormalizedText().contains("Meld je nu aan"), page.asNormalizedText());
            page = browser.signIn("lotte@example.be", TestServer.PASSWORD);
            assertEquals("/me", page.getUrl().getPath());

            page = Browser.click(browser.open("/courses/proef"), "Beginnen");
            assertEquals("Eerste les", page.getElementsByTagName("h1").get(0).getTextContent());
            page = Browser.submit(Browser.formWithAction(page, "/courses/proef/lessons/eerste-les/done"));
            assertEquals("Tweede les", page.getElementsByTagName("h1").get(0).getTextContent());
            assertTrue(page.asNormalizedText().contains("Les afgerond"));

            page = Browser.submit(Browser.formWithAction(page, "/logout"));
            assertTrue(page.asNormalizedText().contains("Je bent afgemeld"));
            page = browser.signIn("lotte@example.be", TestServer.PASSWORD);
            assertEquals("/me", page.getUrl().getPath());
            page = Browser.click(browser.open("/courses/proef"), "Verder gaan");
            assertEquals("Tweede les", page.getElementsByTagName("h1").get(0).getTextContent());
            assertEquals("a-wannes", page.getUrl().getRef(), "lands on the unfinished vignette of that lesson");

            server.restart();

            page = browser.open("/courses/proef");
            assertTrue(page.asNormalizedText().contains("1 van 3 lessen"), page.asNormalizedText());
            page = Browser.click(page, "Verder gaan");
            assertEquals("Tweede les", page.getElementsByTagName("h1").get(0).getTextContent());
        }
    }

    static HtmlPage signUp(Browser browser, String code) throws Exception {
        HtmlPage page = browser.open("/signup?code=" + code);
        assertTrue(page.asNormalizedText().contains("Onboarding jeugdhulp maart"));
        HtmlForm form = Browser.formWithAction(page, "/signup");
        Browser.fill(form, "name", "Lotte Peeters");
        Browser.fill(form, "email", "lotte@example.be");
        Browser.fill(form, "password", TestServer.PASSWORD);
        Browser.fill(form, "password2", TestServer.PASSWORD);
        return Browser.submit(form);
    }
}
