package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.store.Sql;
import be.stek.testing.Chromium;
import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * A learner opens a SCO built for the tests, bookmarks, saves 64,000 characters of suspend_data and answers, then
 * closes the tab. On relaunch the SCO resumes at its bookmark with every character of its suspend_data; finishing
 * records status, score, time and the answer with its question text. Both versions, in Chromium.
 */
class ResumeIT {

    @Test
    void scorm_2004_sco_resumes_after_the_tab_closes_and_its_results_are_recorded(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String slug = importAsAdmin(server, "resume-2004");
            long learner = server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            try (Chromium chromium = Chromium.start(server)) {
                chromium.signIn("lotte@example.be");
                WebDriver d = chromium.driver();

                firstVisitThenCloseTab(chromium, server, slug, "ab-initio");
                assertEquals("suspend", attemptValue(server, learner, "exit_mode"));
                assertEquals(64_000L, server.count("SELECT LENGTH(suspend_data) FROM scorm_attempt WHERE learner_id = ?", learner));

                openSco(chromium, slug);
                assertEquals("resume", text(chromium, "entry"));
                assertEquals("page-3", text(chromium, "location"));
                assertEquals("64000", text(chromium, "suspend-length"));
                assertEquals("yes", text(chromium, "suspend-intact"));
                assertEquals("1", text(chromium, "interactions"), "2004 interactions are seeded back on resume");
                assertTrue(text(chromium, "total-time").matches("PT[0-9.]+S"), text(chromium, "total-time"));
                assertEquals("Peeters, Lotte", text(chromium, "learner"));

                finishAndLeave(chromium, server, learner);
                assertEquals("completed", attemptValue(server, learner, "completion_status"));
                assertEquals("passed", attemptValue(server, learner, "success_status"), "0.9 against a passing score of 0.7");
                assertEquals("0.9", attemptValue(server, learner, "score_scaled"));
                assertTrue(Double.parseDouble(attemptValue(server, learner, "total_seconds")) > 0);
                assertEquals("Wat doet Ines als Mona huilt?|b|correct|PT4.5S", server.db().read(c -> Sql.one(c,
                        "SELECT description || '|' || learner_response || '|' || result || '|' || latency "
                                + "FROM scorm_interaction", rs -> rs.getString(1)).orElseThrow()));

                openSco(chromium, slug);
                assertEquals("ab-initio", text(chromium, "entry"), "a 2004 attempt ends on a normal exit");
                assertEquals("0", text(chromium, "interactions"));
            }
        }
    }

    @Test
    void scorm_12_sco_resumes_after_the_tab_closes_and_mastery_decides_success(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String slug = importAsAdmin(server, "resume-12");
            long learner = server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            try (Chromium chromium = Chromium.start(server)) {
                chromium.signIn("lotte@example.be");

                firstVisitThenCloseTab(chromium, server, slug, "ab-initio");

                openSco(chromium, slug);
                assertEquals("resume", text(chromium, "entry"));
                assertEquals("page-3", text(chromium, "location"));
                assertEquals("64000", text(chromium, "suspend-length"), "1.2 keeps 64,000 characters too");
                assertEquals("yes", text(chromium, "suspend-intact"));
                assertTrue(text(chromium, "total-time").matches("\\d{2,4}:\\d{2}:\\d{2}(\\.\\d{1,2})?"));

                finishAndLeave(chromium, server, learner);
                assertEquals("completed", attemptValue(server, learner, "completion_status"));
                assertEquals("passed", attemptValue(server, learner, "success_status"), "raw 90 against mastery 80");
                assertEquals("passed", attemptValue(server, learner, "lesson_status"), "the run-time applies mastery too");
                assertEquals(1L, server.count("SELECT COUNT(*) FROM scorm_interaction WHERE result = 'correct'"));

                openSco(chromium, slug);
                assertEquals("", text(chromium, "entry"), "1.2 keeps one attempt; no suspend means no resume");
            }
        }
    }

    static String importAsAdmin(TestServer server, String folder) {
        return importAsAdmin(server, TestPackages.zip(folder));
    }

    static String importAsAdmin(TestServer server, byte[] zip) {
        server.addUser("beheer@example.be", "Bea Beheer", Role.ADMIN);
        Http admin = new Http(server).signIn("beheer@example.be");
        return TestPackages.imported(admin, server, "package.zip", zip);
    }

    private static void firstVisitThenCloseTab(Chromium chromium, TestServer server, String slug, String entry) {
        WebDriver d = chromium.driver();
        chromium.openTab("/scorm/packages/" + slug + "/play/sco");
        enterSco(chromium);
        assertEquals(entry, text(chromium, "entry"));
        d.findElement(By.id("page-3")).click();
        d.findElement(By.id("big-state")).click();
        d.findElement(By.id("answer")).click();
        chromium.await(x -> x.findElement(By.id("log")).getText().contains("answered true"));
        chromium.closeTab();
        Await.until("the closing tab's final commit is stored", () -> server.count(
                "SELECT COUNT(*) FROM scorm_session WHERE closed_at IS NOT NULL") == 1);
    }

    private static void finishAndLeave(Chromium chromium, TestServer server, long learner) {
        WebDriver d = chromium.driver();
        d.findElement(By.id("score")).click();
        chromium.await(x -> x.findElement(By.id("log")).getText().contains("scored true"));
        d.switchTo().defaultContent();
        chromium.open("/scorm");
        Await.until("the final commit is stored", () -> server.count(
                "SELECT COUNT(*) FROM scorm_session WHERE closed_at IS NOT NULL") == 2);
    }

    static void openSco(Chromium chromium, String slug) {
        chromium.driver().switchTo().defaultContent();
        chromium.open("/scorm/packages/" + slug + "/play/sco");
        enterSco(chromium);
    }

    static void enterSco(Chromium chromium) {
        Player.enterSco(chromium);
        chromium.await(x -> !x.findElements(By.id("entry")).isEmpty() && !x.findElement(By.id("suspend-length"))
                .getText().isEmpty());
    }

    static String text(Chromium chromium, String id) {
        return chromium.driver().findElement(By.id(id)).getText();
    }

    static String attemptValue(TestServer server, long learner, String column) {
        return server.db().read(c -> Sql.one(c, "SELECT " + column + " FROM scorm_attempt WHERE learner_id = ? "
                + "ORDER BY number DESC LIMIT 1", rs -> String.valueOf(rs.getObject(1)), learner).orElse(null));
    }
}
