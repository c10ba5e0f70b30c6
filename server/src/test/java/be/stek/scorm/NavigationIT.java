package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.stek.testing.Chromium;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Every SCORM 2004 navigation request a SCO can make between items is followed: choice and jump to their target
 * (scorm-again 3.4.3 hands the player the target alone), continue, previous, exit and exitAll.
 */
class NavigationIT {

    @Test
    void each_navigation_request_leads_where_it_says(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String slug = ResumeIT.importAsAdmin(server, "nav-2004");
            server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            try (Chromium chromium = Chromium.start(server)) {
                chromium.signIn("lotte@example.be");
                String packagePage = "/scorm/packages/" + slug;
                chromium.open(packagePage + "/play/a");
                assertEquals("c", request(chromium, "{target=c}choice", "/play/c"));
                assertEquals("b", request(chromium, "previous", "/play/b"));
                assertEquals("a", request(chromium, "{target=a}jump", "/play/a"));
                assertEquals("b", request(chromium, "continue", "/play/b"));
                request(chromium, "exit", packagePage);
                chromium.open(packagePage + "/play/c");
                request(chromium, "exitAll", packagePage);
            }
        }
    }

    /** Makes the request in the SCO, waits until the player is at {@code lands} and says which item shows there. */
    private static String request(Chromium chromium, String request, String lands) {
        Player.enterSco(chromium);
        chromium.find(By.id("request")).sendKeys(request);
        chromium.driver().findElement(By.id("go")).click();
        chromium.driver().switchTo().defaultContent();
        chromium.await(d -> d.getCurrentUrl().endsWith(lands));
        if (lands.contains("/play/")) {
            Player.enterSco(chromium);
            String item = chromium.await(d -> d.findElement(By.id("item")).getText().isEmpty() ? null
                    : d.findElement(By.id("item")).getText());
            chromium.driver().switchTo().defaultContent();
            return item;
        }
        return null;
    }
}
