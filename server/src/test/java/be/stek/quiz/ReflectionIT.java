package be.stek.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Browser;
import be.stek.testing.FormErrors;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import java.util.Map;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reflections go into a private journal the learner can read and download; a resent form is stored once. */
class ReflectionIT {

    @Test
    void a_reflection_is_kept_in_the_journal_and_downloads(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server)) {
            server.addUser("an@example.be", "An", Role.LEARNER);
            browser.signIn("an@example.be", TestServer.PASSWORD);
            HtmlPage lesson = browser.open("/courses/proef/lessons/eerste-les");
            HtmlPage empty = Browser.submit(Browser.formWithAction(lesson, "/courses/proef/reflections/kleine-dingen"));
            FormErrors.assertShown(empty, Map.of("r-kleine-dingen", "Schrijf eerst je reflectie"));
            assertEquals(0, server.count("SELECT count(*) FROM reflection"));
            HtmlForm form = Browser.formWithAction(empty, "/courses/proef/reflections/kleine-dingen");
            ((HtmlTextArea) form.getTextAreaByName("body")).setText("Ik zag hoe Mona naar haar mama keek.");
            HtmlPage after = Browser.submit(form);
            assertTrue(after.asNormalizedText().contains("Je reflectie staat in je reflectiedagboek."));
            Browser.submit(form);
            assertEquals(1, server.count("SELECT count(*) FROM reflection"), "a resent form is stored once");

            HtmlPage journal = browser.open("/courses/proef/journal");
            assertTrue(journal.asNormalizedText().contains("Ik zag hoe Mona naar haar mama keek."));
            Page download = Browser.click(journal, "Download als tekstbestand");
            String md = download.getWebResponse().getContentAsString();
            assertTrue(download.getWebResponse().getResponseHeaderValue("Content-Disposition").contains("attachment"));
            assertTrue(md.contains("## Kleine dingen zien"), md);
            assertTrue(md.contains("Ik zag hoe Mona naar haar mama keek."), md);
        }
    }

    @Test
    void another_learner_never_sees_my_reflections(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser an = new Browser(server); Browser bo = new Browser(server)) {
            server.addUser("an@example.be", "An", Role.LEARNER);
            server.addUser("bo@example.be", "Bo", Role.LEARNER);
            an.signIn("an@example.be", TestServer.PASSWORD);
            HtmlForm form = Browser.formWithAction(an.open("/courses/proef/lessons/eerste-les"),
                    "/courses/proef/reflections/kleine-dingen");
            ((HtmlTextArea) form.getTextAreaByName("body")).setText("Iets heel persoonlijks.");
            Browser.submit(form);
            bo.signIn("bo@example.be", TestServer.PASSWORD);
            assertTrue(!bo.open("/courses/proef/journal").asNormalizedText().contains("Iets heel persoonlijks."));
            assertTrue(!bo.open("/courses/proef/lessons/eerste-les").asNormalizedText().contains("Iets heel persoonlijks."));
        }
    }
}
