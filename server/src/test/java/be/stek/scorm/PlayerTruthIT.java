package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Chromium;
import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The player tells the truth: a SCO that never calls Initialize gets a message with the likely cause and a link
 * back, and nothing is recorded as started. The package page says where the learner stands in words: status,
 * result, the score and the rule that counts (the best attempt, also for the item after a failed retry), and the
 * time in hours and minutes.
 */
class PlayerTruthIT {

    @Test
    void a_sco_that_never_starts_gets_a_message_and_nothing_is_recorded(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String slug = ResumeIT.importAsAdmin(server, "silent-2004");
            server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            try (Chromium chromium = Chromium.start(server)) {
                chromium.signIn("lotte@example.be");
                chromium.open("/scorm/packages/" + slug + "/play/sco");
                WebElement problem = chromium.await(d -> d.findElement(By.id("player-problem")).isDisplayed()
                        ? d.findElement(By.id("player-problem")) : null);
                assertTrue(problem.getText().contains("nog niet gestart") && problem.getText().contains("script"),
                        problem.getText());
                chromium.driver().findElement(By.id("player-problem-back")).click();
                chromium.await(d -> d.getCurrentUrl().endsWith("/scorm/packages/" + slug));
                assertEquals("Nog niet begonnen", chromium.find(By.id("package-status")).getText());
            }
            assertEquals(0, server.count("SELECT COUNT(*) FROM scorm_attempt"));
            assertEquals(0, server.count("SELECT COUNT(*) FROM scorm_session"));
        }
    }

    @Test
    void the_package_page_shows_the_result_that_counts_in_words(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String slug = ResumeIT.importAsAdmin(server, "resume-2004");
            server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            Http lotte = new Http(server).signIn("lotte@example.be");
            finish(lotte, slug, "0.9", "PT1H4M50S");
            finish(lotte, slug, "0.4", "PT10M");
            String page = lotte.get("/scorm/packages/" + slug).body();
            assertTrue(page.contains("id=\"package-status\">Afgerond<"), page);
            assertTrue(page.contains("id=\"package-result\">geslaagd<"), "a failed retry does not undo a pass");
            assertTrue(page.contains("id=\"package-score\">90%<"), page);
            assertTrue(page.contains("id=\"package-time\">1 u 15 min<"), page);
            assertTrue(page.contains(">geslaagd</span>") && page.contains("beste score 90%")
                    && page.contains("pogingen: 2, laatste: niet geslaagd"), "the item agrees with the header: " + page);
            assertTrue(page.contains("Per onderdeel telt je beste poging"), page);
        }
    }

    /** One attempt of the test SCO, from launch to a normal exit with a scaled score (passing score 0.7). */
    private static void finish(Http http, String slug, String scaled, String time) {
        String url = CommitEndpointIT.launch(http, slug);
        String body = "{\"commitSequence\":1,\"cmi\":{\"completion_status\":\"completed\",\"exit\":\"normal\","
                + "\"session_time\":\"" + time + "\",\"score\":{\"scaled\":\"" + scaled + "\"}}}";
        assertEquals(200, http.postRaw(url + "?final=true", body, "application/json").statusCode());
    }
}
