package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Chromium;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Rustici's "Golf Explained" SCORM 1.2 sample (from ../shared, runs in CI): a learner reads three pages and closes
 * the tab; on relaunch the sample offers to resume and opens the page they were on; taking the test records status,
 * score and time.
 */
class GolfSampleIT {
    private static final String FIRST_PAGES = "Playing/OtherScoring.html";

    @Test
    void golf_sample_resumes_at_its_bookmark_and_records_the_test(@TempDir Path data) throws Exception {
        byte[] golf = TestPackages.golf();
        try (TestServer server = TestServer.start(data)) {
            server.addUser("beheer@example.be", "Bea Beheer", Role.ADMIN);
            String slug = TestPackages.imported(new be.stek.testing.Http(server).signIn("beheer@example.be"), server,
                    TestPackages.GOLF, golf);
            long learner = server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            try (Chromium chromium = Chromium.start(server)) {
                chromium.signIn("lotte@example.be");
                WebDriver d = chromium.driver();

                long opened = System.currentTimeMillis();
                chromium.openTab("/scorm/packages/" + slug + "/play/item_1");
                assertEquals("ab-initio", api(chromium, "cmi.core.entry"));
                for (int i = 0; i < 3; i++) {
                    next(chromium);
                }
                // The sample reports whole seconds: stay past one so that the session has a time to report.
                Await.until("a second has passed", () -> System.currentTimeMillis() - opened > 1500);
                chromium.closeTab();
                Await.until("the closed tab's LMSFinish is stored", () -> server.count(
                        "SELECT COUNT(*) FROM scorm_session WHERE closed_at IS NOT NULL") == 1);
                assertEquals("3", ResumeIT.attemptValue(server, learner, "location"));
                assertEquals("suspend", ResumeIT.attemptValue(server, learner, "exit_mode"));
                assertEquals("incomplete", ResumeIT.attemptValue(server, learner, "completion_status"));
                double firstTime = Double.parseDouble(ResumeIT.attemptValue(server, learner, "total_seconds"));
                assertTrue(firstTime > 0, "session time is recorded");

                long relaunched = System.currentTimeMillis();
                launch(chromium, slug);
                chromium.await(ExpectedConditions.alertIsPresent()).accept();
                assertEquals("resume", api(chromium, "cmi.core.entry"));
                chromium.await(x -> contentPage(chromium).endsWith(FIRST_PAGES));

                for (int i = 3; i < 14; i++) {
                    next(chromium);
                }
                Player.enterSco(chromium);
                d.switchTo().frame(chromium.find(By.id("contentFrame")));
                chromium.find(By.cssSelector("input[type=button][value='Submit Answers']")).click();
                String summary = chromium.find(By.xpath("//h3[starts-with(., 'Score: ')]")).getText();
                int score = Integer.parseInt(summary.substring("Score: ".length()).trim());
                d.switchTo().parentFrame();
                Await.until("a second has passed", () -> System.currentTimeMillis() - relaunched > 1500);
                d.findElement(By.id("butExit")).click();
                Await.until("the exit is stored", () -> server.count(
                        "SELECT COUNT(*) FROM scorm_session WHERE closed_at IS NOT NULL") == 2);

                assertEquals(String.valueOf((double) score), ResumeIT.attemptValue(server, learner, "score_raw"));
                assertEquals("completed", ResumeIT.attemptValue(server, learner, "completion_status"));
                assertEquals(score >= 70 ? "passed" : "failed", ResumeIT.attemptValue(server, learner, "success_status"));
                assertTrue(Double.parseDouble(ResumeIT.attemptValue(server, learner, "total_seconds")) > firstTime,
                        "total time adds up the sessions");
            }
        }
    }

    private static void launch(Chromium chromium, String slug) {
        chromium.driver().switchTo().defaultContent();
        chromium.open("/scorm/packages/" + slug + "/play/item_1");
    }

    private static void next(Chromium chromium) {
        WebDriver d = chromium.driver();
        d.switchTo().defaultContent();
        Player.enterSco(chromium);
        String before = contentSrc(chromium);
        chromium.find(By.id("butNext")).click();
        chromium.await(x -> !contentSrc(chromium).equals(before));
        d.switchTo().defaultContent();
    }

    private static String contentSrc(Chromium chromium) {
        return chromium.driver().findElement(By.id("contentFrame")).getAttribute("src");
    }

    private static String contentPage(Chromium chromium) {
        WebDriver d = chromium.driver();
        d.switchTo().defaultContent();
        Player.enterSco(chromium);
        String src = contentSrc(chromium);
        d.switchTo().defaultContent();
        return src;
    }

    /** A value from the run-time, which lives in the page on the content origin around the SCO. */
    private static String api(Chromium chromium, String element) {
        Player.enterRuntime(chromium);
        String value = chromium.await(d -> (String) ((JavascriptExecutor) d).executeScript(
                "return window.API && window.API.isInitialized() ? window.API.LMSGetValue(arguments[0]) : null;",
                element));
        chromium.driver().switchTo().defaultContent();
        return value;
    }
}
