package be.stek.scorm;

import be.stek.testing.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Where a test finds the SCO in Chromium: the player's frame on the content origin, and the SCO's frame in it. */
final class Player {
    private Player() {
    }

    /** Switches from anywhere into the SCO's document. */
    static void enterSco(Chromium chromium) {
        WebDriver d = chromium.driver();
        d.switchTo().defaultContent();
        enterRuntime(chromium);
        d.switchTo().frame(chromium.find(By.id("scorm-frame")));
    }

    /** Switches from anywhere into the run-time page on the content origin. */
    static void enterRuntime(Chromium chromium) {
        WebDriver d = chromium.driver();
        d.switchTo().defaultContent();
        d.switchTo().frame(chromium.find(By.id("scorm-launcher")));
    }
}
