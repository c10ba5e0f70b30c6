package be.stek.progress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Chromium;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** A lesson printed from the browser (print media in Chromium): its text, diagram and case, no navigation or buttons. */
class PrintStylesIT {

    private static boolean shown(Chromium chromium, String css) {
        return chromium.driver().findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed);
    }

    private static boolean textShown(Chromium chromium, String text) {
        return chromium.driver().findElements(By.xpath("//*[contains(text(), \"" + text + "\")]")).stream()
                .anyMatch(WebElement::isDisplayed);
    }

    @Test
    void a_printed_lesson_shows_text_diagram_and_case_without_navigation_buttons_or_forms(@TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data)) {
            server.addUser("an@example.be", "Annelies Verhaegen", Role.LEARNER);
            try (Chromium chromium = Chromium.start(server)) {
                chromium.signIn("an@example.be");
                chromium.open("/courses/proef/lessons/eerste-les");
                assertFalse(textShown(chromium, "Vroedvrouw Ines komt op kraambezoek"), "on screen the case waits");
                assertTrue(shown(chromium, "header.site") && shown(chromium, "button"));

                ((ChromeDriver) chromium.driver()).executeCdpCommand("Emulation.setEmulatedMedia",
                        Map.of("media", "print"));
                assertTrue(textShown(chromium, "Dit is de eerste les"), "the lesson text");
                assertTrue(shown(chromium, "article.lesson img"), "the diagram");
                assertTrue(textShown(chromium, "Vroedvrouw Ines komt op kraambezoek"), "the activity's case");
                assertTrue(textShown(chromium, "Denk aan een moment waarop je iets kleins zag."), "the reflection");
                for (String hidden : new String[] {"header.site", "footer.site", "nav", ".lesson-nav", "button",
                        "form", "textarea", ".button"}) {
                    assertFalse(shown(chromium, hidden), hidden + " is not printed");
                }
            }
        }
    }
}
