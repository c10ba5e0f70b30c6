package be.stek.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Browser;
import be.stek.testing.TestServer;
import java.nio.file.Path;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public catalogue: learning paths, the glossary, and the switch between Dutch and English. */
class CatalogueIT {

    @Test
    void a_visitor_picks_a_learning_path_and_sees_its_courses_in_order(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server)) {
            HtmlPage home = browser.open("/");
            assertEquals("Aanbod · Stek", home.getTitleText());
            HtmlPage picked = Browser.click(home, "Starters");
            String text = picked.asNormalizedText();
            assertTrue(text.contains("De modules van het leerpad ‘Starters’, in volgorde"), text);
            assertTrue(text.contains("Proefcursus"), text);
        }
    }

    @Test
    void glossary_links_in_lessons_lead_to_the_entry(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server)) {
            HtmlPage glossary = browser.open("/woordenlijst");
            assertTrue(glossary.getElementById("veerkracht") != null, "the entry has its anchor");
            assertTrue(glossary.asNormalizedText().contains("Het vermogen om na tegenslag weer op te veren."));
        }
    }

    @Test
    void the_interface_switches_to_english_and_back(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server)) {
            HtmlPage home = browser.open("/courses/proef");
            HtmlPage english = home.getFirstByXPath("//button[@value='en']") == null ? null
                    : ((org.htmlunit.html.HtmlButton) home.getFirstByXPath("//button[@value='en']")).click();
            assertEquals("/courses/proef", english.getUrl().getPath(), "the switch returns to the same page");
            assertTrue(english.asNormalizedText().contains("Sign in to start"), english.asNormalizedText());
            assertEquals("en", english.getDocumentElement().getAttribute("lang"));
            assertEquals("nl-BE", ((org.htmlunit.html.HtmlElement) english.getFirstByXPath("//h1")).getAttribute("lang"),
                    "the Dutch course title is marked as Dutch under an English interface");
            assertTrue(english.getByXPath("//div[contains(@class,'prose') and @lang='nl-BE']").size() > 0,
                    "and so is the course text");
            HtmlPage dutch = ((org.htmlunit.html.HtmlButton) english.getFirstByXPath("//button[@value='nl']")).click();
            assertTrue(dutch.asNormalizedText().contains("Meld je aan om te beginnen"));
            assertEquals("nl-BE", dutch.getDocumentElement().getAttribute("lang"));
            assertEquals("", ((org.htmlunit.html.HtmlElement) dutch.getFirstByXPath("//h1")).getAttribute("lang"),
                    "no extra mark when interface and course speak the same language");
        }
    }
}
