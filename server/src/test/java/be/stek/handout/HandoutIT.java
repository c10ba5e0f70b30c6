package be.stek.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Browser;
import be.stek.testing.PdfText;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who gets which handout: signed-in people the module's, facilitators also theirs, nobody else either. */
class HandoutIT {

    private static String pdfText(Page page) throws Exception {
        assertEquals(200, page.getWebResponse().getStatusCode(), page.getWebResponse().getContentAsString());
        assertEquals("application/pdf", page.getWebResponse().getContentType());
        return PdfText.of(page.getWebResponse().getContentAsStream().readAllBytes());
    }

    @Test
    void a_learner_downloads_the_handout_from_the_course_page_but_not_the_facilitators_version(@TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server);
             Browser stranger = new Browser(server)) {
            server.addUser("an@example.be", "Annelies Verhaegen", Role.LEARNER);
            browser.signIn("an@example.be", TestServer.PASSWORD);
            HtmlPage course = browser.open("/courses/proef");
            assertFalse(course.asNormalizedText().contains("Hand-out voor begeleiders"));
            String text = pdfText(Browser.click(course, "Hand-out (pdf)"));
            assertTrue(text.startsWith("Proefcursus"), text);
            assertTrue(text.contains("Je kan een vignet maken."), "the objectives");
            assertFalse(text.contains("Vroedvrouw Ines komt op kraambezoek"), "no cases for learners");

            Page refused = browser.client().getPage(server.url("/courses/proef/handout-facilitator.pdf"));
            assertEquals(403, refused.getWebResponse().getStatusCode());
            HtmlPage login = stranger.open("/courses/proef/handout.pdf");
            assertEquals("/login", login.getUrl().getPath(), "signed-in only");
            assertEquals(404, browser.client().getPage(server.url("/courses/geen-cursus/handout.pdf"))
                    .getWebResponse().getStatusCode());
        }
    }

    @Test
    void a_facilitator_downloads_the_version_with_the_cases_without_their_keys(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server)) {
            server.addUser("fien@example.be", "Fien Trainer", Role.FACILITATOR);
            browser.signIn("fien@example.be", TestServer.PASSWORD);
            String text = pdfText(Browser.click(browser.open("/courses/proef"), "Hand-out voor begeleiders"));
            assertTrue(text.contains("Casussen voor een sessie"), text);
            assertTrue(text.contains("Vroedvrouw Ines komt op kraambezoek bij Amira en baby Mona."), text);
            assertTrue(text.contains("Ze benoemt wat Mona doet."), "the options");
            assertFalse(text.contains("Benoemen steunt de band."), "no feedback");
            assertFalse(text.contains("beste keuze"), "no label");
            assertFalse(text.contains("Kleine dingen benoemen helpt."), "no explanation");
        }
    }
}
