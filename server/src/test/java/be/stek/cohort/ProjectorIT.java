package be.stek.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Chromium;
import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.ChromiumDriver;

/**
 * The projector view in a real browser: when a member answers on their phone, the room's screen shows the new count
 * and, from the minimum on, the distribution, without a reload; it can be paused and resumed; when the facilitator
 * closes the session elsewhere, the join code goes away. It also fits a 320 px screen.
 */
class ProjectorIT {

    @Test
    void the_projector_view_updates_without_a_reload_when_a_member_answers(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            server.addUser("trainer@example.be", "Trainer", Role.FACILITATOR);
            Http trainer = new Http(server).signIn("trainer@example.be");
            String cohort = TeamSessionIT.cohortWithMembers(server, trainer);
            String view = trainer.post(cohort + "/sessions", Map.of("item", "proef|wannes|lezing", "minimum", "2"))
                    .headers().firstValue("Location").orElseThrow();
            String session = "/sessions" + view.substring(view.lastIndexOf('/'));
            new Http(server).signIn("lid0@example.be").post(session, Map.of("option", "best"));
            try (Chromium chromium = Chromium.start(server)) {
                chromium.signIn("trainer@example.be");
                chromium.open(view + "/projector");
                WebDriver d = chromium.driver();
                assertEquals("Antwoorden: 1", text(chromium, "count"));
                assertFalse(chromium.find(By.cssSelector("[data-live=bars]")).isDisplayed(), "nothing below the minimum");
                assertTrue(d.findElement(By.cssSelector("svg.qr")).isDisplayed(), "the QR code");
                assertTrue(d.findElement(By.cssSelector(".join-code")).getText().matches("[A-Z0-9]{3}-[A-Z0-9]{3}"));
                js(d, "window.stekStillHere = true;");

                new Http(server).signIn("lid1@example.be").post(session, Map.of("option", "half"));
                chromium.await(x -> text(chromium, "count").equals("Antwoorden: 2"));
                assertTrue(chromium.find(By.cssSelector("[data-live=bars]")).isDisplayed(), "the distribution appears");
                assertTrue(d.findElement(By.cssSelector("[data-live=bars]")).getText().contains("1 (50%)"));
                assertEquals(Boolean.TRUE, js(d, "return window.stekStillHere === true;"), "updated in place, not reloaded");
                assertEquals(java.util.List.of(), be.stek.testing.Axe.violations(d), "axe on the live projector view");
                assertTrue(text(chromium, "updated").matches("Bijgewerkt om \\d{2}:\\d{2}:\\d{2}"), text(chromium, "updated"));
                chromium.await(x -> js(x, "return document.querySelector('[data-live=announce]').textContent;")
                        .equals("Antwoorden: 2 De verdeling is nu zichtbaar."));

                By pause = By.cssSelector("[data-live=controls] button");
                chromium.find(pause).click();
                assertEquals("Automatisch bijwerken hervatten", d.findElement(pause).getText());
                new Http(server).signIn("lid2@example.be").post(session, Map.of("option", "best"));
                d.findElement(pause).click();
                chromium.await(x -> text(chromium, "count").equals("Antwoorden: 3"));

                trainer.post(view + "/close", Map.of());
                chromium.await(x -> text(chromium, "state").equals("De sessie is gesloten."));
                assertFalse(d.findElement(By.cssSelector("[data-live=joinblock]")).isDisplayed(), "no code once closed");
                assertTrue(d.findElements(pause).isEmpty(), "nothing left to pause");

                ((ChromiumDriver) d).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                        Map.of("width", 320, "height", 740, "deviceScaleFactor", 2, "mobile", false));
                for (String page : new String[] {view + "/projector", view, view + "/close", "/code"}) {
                    chromium.open(page);
                    assertEquals(320L, js(d, "return window.innerWidth;"));
                    assertTrue(((Number) js(d, "return document.documentElement.scrollWidth;")).longValue() <= 320,
                            page + " fits a 320 px screen");
                    assertEquals(java.util.List.of(), be.stek.testing.Axe.violations(d), "axe on " + page);
                }
            }
        }
    }

    private static String text(Chromium chromium, String part) {
        return chromium.find(By.cssSelector("[data-live=" + part + "]")).getText();
    }

    private static Object js(WebDriver d, String script) {
        return ((JavascriptExecutor) d).executeScript(script);
    }
}
