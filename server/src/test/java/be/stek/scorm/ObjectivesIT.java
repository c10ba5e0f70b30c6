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
import org.openqa.selenium.WebDriver;

/**
 * Objectives declared in the manifest reach the SCO, which looks them up by id (no error 401, no alert), and global
 * objectives carry a test's result to the lesson that reads it; objective statuses and scores are stored and shown.
 */
class ObjectivesIT {

    @Test
    void a_sco_finds_its_objectives_by_id_and_reads_the_global_objective_another_sco_wrote(@TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String slug = ResumeIT.importAsAdmin(server, "objectives-2004");
            server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            try (Chromium chromium = Chromium.start(server)) {
                chromium.signIn("lotte@example.be");
                WebDriver d = chromium.driver();
                open(chromium, slug, "lesson");
                assertEquals("lesson-goal,extra", text(chromium, "ids"));
                assertEquals("unknown", text(chromium, "status"));
                d.findElement(By.id("extra")).click();
                d.findElement(By.id("finish")).click();
                assertEquals("", text(chromium, "error"), "every objective was found by its id");
                Await.until("the lesson's final commit", () -> server.count(
                        "SELECT COUNT(*) FROM scorm_session WHERE closed_at IS NOT NULL") == 1);

                open(chromium, slug, "test");
                d.findElement(By.id("pass")).click();
                d.findElement(By.id("finish")).click();
                Await.until("the test's final commit", () -> server.count(
                        "SELECT COUNT(*) FROM scorm_session WHERE closed_at IS NOT NULL") == 2);
                assertEquals(1, server.count("SELECT satisfied FROM scorm_global_objective WHERE objective_id = ?",
                        "golf.rules"));

                open(chromium, slug, "lesson");
                assertEquals("passed", text(chromium, "status"), "read from the global objective");
                assertEquals("0.9", text(chromium, "score"));

                d.switchTo().defaultContent();
                chromium.open("/scorm/packages/" + slug);
                String page = chromium.find(By.cssSelector("main")).getText();
                assertTrue(page.contains("extra: geslaagd · score 50%"), page);
            }
        }
    }

    private static void open(Chromium chromium, String slug, String item) {
        chromium.driver().switchTo().defaultContent();
        chromium.open("/scorm/packages/" + slug + "/play/" + item);
        Player.enterSco(chromium);
        chromium.await(d -> !d.findElement(By.id("ids")).getText().isEmpty());
    }

    private static String text(Chromium chromium, String id) {
        return chromium.driver().findElement(By.id(id)).getText();
    }
}
