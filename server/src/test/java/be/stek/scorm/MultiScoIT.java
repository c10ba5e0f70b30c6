package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Chromium;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * A SCORM 2004 package with a heading, two SCOs and an asset: the package page shows its table of contents; the
 * learner plays the SCOs item by item (each asks to continue, and the player moves on), opens the asset, and the
 * package counts as completed and passed, with the mean of the two scores.
 */
class MultiScoIT {

    @Test
    void multi_sco_package_plays_item_by_item_and_rolls_up_like_a_course(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String slug = ResumeIT.importAsAdmin(server, "multi-sco-2004");
            long learner = server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            try (Chromium chromium = Chromium.start(server)) {
                chromium.signIn("lotte@example.be");
                chromium.open("/scorm/packages/" + slug);
                List<String> toc = chromium.driver().findElements(By.cssSelector(".scorm-toc li")).stream()
                        .map(e -> e.getText()).toList();
                assertEquals(4, toc.size());
                assertTrue(toc.get(0).startsWith("Deel 1: kennismaken"));

                chromium.driver().findElement(By.linkText("Eerste SCO")).click();
                completeAndContinue(chromium, "");
                chromium.await(d -> d.getCurrentUrl().endsWith("/play/sco-2"));
                completeAndContinue(chromium, "?part=2");
                chromium.await(d -> d.getCurrentUrl().endsWith("/play/info"));
                Player.enterSco(chromium);
                chromium.find(By.xpath("//h1[.='Meer lezen']"));
                chromium.driver().switchTo().defaultContent();

                Await.until("both SCOs' final commits are stored", () -> server.count(
                        "SELECT COUNT(*) FROM scorm_session WHERE closed_at IS NOT NULL") == 2);
                var standing = new PackageStandings(server.db(), new PackageRepository(server.db())).of(learner).get(0);
                assertEquals("completed", standing.completion());
                assertEquals("passed", standing.success());
                assertEquals(0.7, standing.score(), 1e-9);
                assertEquals(6.0, standing.totalSeconds(), 1e-9);
                chromium.open("/scorm/packages/" + slug);
                assertTrue(chromium.find(By.cssSelector("main")).getText().contains("Afgerond"));
            }
        }
    }

    private static void completeAndContinue(Chromium chromium, String query) {
        Player.enterSco(chromium);
        chromium.await(d -> d.findElement(By.id("query")).getText().equals(query));
        chromium.driver().findElement(By.id("done")).click();
        chromium.driver().switchTo().defaultContent();
    }
}
