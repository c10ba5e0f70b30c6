package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Chromium;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Rustici's Golf sequencing samples (ADL SCORM 2004 3rd edition, from ../shared; CI always has them), played in
 * Chromium through Stek's sequencer: remediation sends a learner who failed the tests back to the content, forced
 * order keeps later items closed until the one before is passed (also after a restart of the server), and all items
 * of a package of 22 are reachable. A small 4th edition package of Stek's own shares adl.data between two SCOs and
 * reads adl.nav.request_valid (runs without ../shared too).
 */
class SequencingIT {
    private static final String REMEDIATION = "SequencingSimpleRemediation_SCORM20043rdEdition.zip";
    private static final String FORCED = "SequencingForcedSequential_SCORM20043rdEdition.zip";
    private static final String ONE_FILE_PER_SCO = "ContentPackagingOneFilePerSCO_SCORM20043rdEdition.zip";

    @Test
    void failing_the_tests_sends_the_learner_back_to_the_content_they_missed(@TempDir Path data) throws Exception {
        byte[] zip = shared(REMEDIATION);
        try (TestServer server = TestServer.start(data)) {
            String slug = ResumeIT.importAsAdmin(server, zip);
            long learner = server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            try (Chromium chromium = Chromium.start(server)) {
                chromium.signIn("lotte@example.be");
                chromium.open("/scorm/packages/" + slug);
                chromium.find(By.id("sequencing-start")).click();
                at(chromium, "playing_item");
                assertFalse(linked(chromium, "test_1"),
                        "choice is off in this package: no item can be chosen from the contents");
                for (String item : List.of("etuqiette_item", "handicapping_item", "havingfun_item", "test_1")) {
                    continueTo(chromium, item);
                }
                for (String item : List.of("test_2", "test_3", "test_4", "playing_item")) {
                    submitEmptyTest(chromium);
                    continueTo(chromium, item);
                }
                // back at the first content: the tests' failures were written to the global objectives it reads
                assertEquals(4, server.count("""
                        SELECT COUNT(*) FROM scorm_global_objective WHERE learner_id = ? AND satisfied = 0""", learner));
                assertEquals(4, server.count("""
                        SELECT COUNT(*) FROM scorm_attempt WHERE learner_id = ? AND success_status = 'failed'""",
                        learner), "each test's failed attempt is stored");
                String state = server.db().read(c -> be.stek.store.Sql.one(c,
                        "SELECT state FROM scorm_sequencing_state WHERE learner_id = ?", rs -> rs.getString(1),
                        learner)).orElseThrow();
                SeqState seq = SeqState.fromJson(state);
                assertEquals(2, seq.act("content_wrapper").attempts, "the wrapper's post-condition retried it");
                assertEquals(2, seq.act("playing_item").attempts);
                SeqState.Obj course = seq.act("golf_sample_default_org").objectives.get("");
                assertTrue(course.known && !course.satisfied, "rollup: the course is not satisfied");
                double tests = server.db().read(c -> be.stek.store.Sql.one(c, """
                        SELECT AVG(score_scaled) FROM scorm_attempt WHERE learner_id = ? AND item_id LIKE 'test_%'""",
                        rs -> rs.getDouble(1), learner)).orElseThrow();
                assertEquals(tests, course.measure, 1e-9, "rollup: the mean of the tests' scores (weight 1 each; "
                        + "the content has weight 0)");

                chromium.driver().switchTo().defaultContent();
                chromium.open("/scorm/packages/" + slug);
                String status = chromium.find(By.id("sequencing-status")).getText();
                assertTrue(status.contains("niet geslaagd")
                        && status.contains("Score volgens het pakket: " + Math.round(tests * 100) + "%"), status);
            }
        }
    }

    @Test
    void later_items_stay_closed_until_the_one_before_is_passed_also_after_a_restart(@TempDir Path data)
            throws Exception {
        byte[] zip = shared(FORCED);
        try (TestServer server = TestServer.start(data)) {
            String slug = ResumeIT.importAsAdmin(server, zip);
            server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            try (Chromium chromium = Chromium.start(server)) {
                chromium.signIn("lotte@example.be");
                chromium.open("/scorm/packages/" + slug);
                assertEquals(List.of("etuqiette_item", "handicapping_item", "havingfun_item", "assessment_item"),
                        closedOnPackagePage(chromium));
                chromium.find(By.id("sequencing-start")).click();
                at(chromium, "playing_item");
                WebDriver d = chromium.driver();
                assertFalse(d.findElement(By.id("player-next")).isDisplayed(), "continue leads to a closed item");
                assertFalse(d.findElement(By.id("player-previous")).isDisplayed());
                assertFalse(linked(chromium, "etuqiette_item"), "a closed item has no link in the contents");
                // opening a closed item by its address is refused
                chromium.open("/scorm/packages/" + slug + "/play/handicapping_item");
                assertTrue(chromium.find(By.tagName("main")).getText().contains("nu niet beschikbaar"),
                        d.getPageSource());
                chromium.open("/scorm/packages/" + slug + "/play/playing_item");
                at(chromium, "playing_item");
                Player.enterSco(chromium);
                for (int page = 1; page < 5; page++) {
                    chromium.find(By.id("butNext")).click();
                }
                d.switchTo().defaultContent();
                // the SCO passed on its last page and committed: the player refreshes what the sequencer allows
                chromium.await(x -> x.findElement(By.id("player-next")).isDisplayed());
                chromium.await(x -> linked(chromium, "etuqiette_item"));
                assertFalse(linked(chromium, "handicapping_item"));
                continueTo(chromium, "etuqiette_item");
                d.findElement(By.id("player-previous")).click();
                at(chromium, "playing_item");
                continueTo(chromium, "etuqiette_item");

                server.restart();
                // the learner's session is kept in the database too: the same browser goes on, signed in
                chromium.open("/scorm/packages/" + slug);
                assertEquals(List.of("handicapping_item", "havingfun_item", "assessment_item"),
                        closedOnPackagePage(chromium));
                chromium.find(By.id("sequencing-start")).click();
                at(chromium, "etuqiette_item");
            }
        }
    }

    @Test
    void every_item_of_a_package_of_22_is_reachable(@TempDir Path data) throws Exception {
        byte[] zip = shared(ONE_FILE_PER_SCO);
        try (TestServer server = TestServer.start(data)) {
            String slug = ResumeIT.importAsAdmin(server, zip);
            server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            try (Chromium chromium = Chromium.start(server)) {
                chromium.signIn("lotte@example.be");
                chromium.open("/scorm/packages/" + slug);
                List<WebElement> entries = chromium.driver().findElements(By.cssSelector(".scorm-toc li"));
                assertEquals(22, entries.size(), "the table of contents has all 22 items");
                List<String> links = chromium.driver().findElements(By.cssSelector(".scorm-toc li a")).stream()
                        .map(a -> a.getAttribute("href")).toList();
                assertEquals(18, links.size(), "18 SCOs under 4 headings");
                chromium.driver().get(links.get(0));
                for (int i = 0; i < links.size(); i++) {
                    String expected = links.get(i);
                    chromium.await(x -> x.getCurrentUrl().equals(expected));
                    Player.enterSco(chromium);
                    chromium.await(x -> !x.findElement(By.tagName("body")).getText().isBlank());
                    chromium.driver().switchTo().defaultContent();
                    if (i < links.size() - 1) {
                        chromium.find(By.id("player-next")).click();
                    }
                }
            }
        }
    }

    @Test
    void shared_data_goes_from_the_sco_that_writes_it_to_the_one_that_reads_it(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String slug = ResumeIT.importAsAdmin(server, "shared-data-2004");
            long learner = server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            try (Chromium chromium = Chromium.start(server)) {
                chromium.signIn("lotte@example.be");
                chromium.open("/scorm/packages/" + slug + "/start");
                chromium.await(x -> x.getCurrentUrl().endsWith("/play/writer"));
                Player.enterSco(chromium);
                assertEquals("writer", chromium.await(x -> blankToNull(x.findElement(By.id("role")).getText())));
                WebDriver d = chromium.driver();
                assertEquals("1", d.findElement(By.id("count")).getText());
                assertEquals("stek.shared.notes", d.findElement(By.id("bucket")).getText());
                assertEquals("true", d.findElement(By.id("continue")).getText(), "adl.nav.request_valid.continue");
                assertEquals("false", d.findElement(By.id("previous")).getText(), "the first item has no previous");
                assertEquals("true", d.findElement(By.id("choice")).getText());
                d.findElement(By.id("write")).click();
                Await.until("the writer's final commit", () -> server.count(
                        "SELECT COUNT(*) FROM scorm_session WHERE closed_at IS NOT NULL") == 1);
                assertEquals(1, server.count("""
                        SELECT COUNT(*) FROM scorm_shared_data WHERE learner_id = ? AND target_id = 'stek.shared.notes'
                        AND store = 'gedeeld-42'""", learner));

                d.switchTo().defaultContent();
                chromium.await(x -> x.findElement(By.id("player-next")).isDisplayed());
                d.findElement(By.id("player-next")).click();
                chromium.await(x -> x.getCurrentUrl().endsWith("/play/reader"));
                Player.enterSco(chromium);
                assertEquals("reader", chromium.await(x -> blankToNull(x.findElement(By.id("role")).getText())));
                assertEquals("gedeeld-42", d.findElement(By.id("store")).getText(), "read from the shared bucket");
                assertEquals("true", d.findElement(By.id("previous")).getText());
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Presses the player's Continue and waits until the sequencer delivered {@code item}. */
    private static void continueTo(Chromium chromium, String item) {
        WebDriver d = chromium.driver();
        d.switchTo().defaultContent();
        chromium.await(x -> x.findElement(By.id("player-next")).isDisplayed());
        d.findElement(By.id("player-next")).click();
        at(chromium, item);
    }

    /**
     * Waits until the player shows {@code item} and its SCO has started. A SCO opened again asks whether to resume
     * (a confirm): the browser dismisses it (start at the first page) and the wait goes on.
     */
    private static void at(Chromium chromium, String item) {
        WebDriver d = chromium.driver();
        for (int tries = 0; ; tries++) {
            try {
                d.switchTo().defaultContent();
                chromium.await(x -> x.getCurrentUrl().endsWith("/play/" + item));
                Player.enterSco(chromium);
                chromium.await(x -> {
                    String src = x.findElement(By.id("contentFrame")).getAttribute("src");
                    return src != null && !src.isBlank();
                });
                d.switchTo().defaultContent();
                return;
            } catch (org.openqa.selenium.UnhandledAlertException e) {
                if (tries > 2) {
                    throw e;
                }
            }
        }
    }

    /** Whether the player's table of contents links to {@code item} (its link is not hidden). */
    private static boolean linked(Chromium chromium, String item) {
        WebElement link = chromium.driver().findElement(By.cssSelector("#player-toc [data-item='" + item + "'] a"));
        return !Boolean.parseBoolean(link.getDomProperty("hidden"));
    }

    /** Submits a test without answers (a score of 0, failed). */
    private static void submitEmptyTest(Chromium chromium) {
        WebDriver d = chromium.driver();
        Player.enterSco(chromium);
        d.switchTo().frame(chromium.find(By.id("contentFrame")));
        chromium.find(By.cssSelector("input[type=button][value='Submit Answers']")).click();
        chromium.find(By.xpath("//h3[starts-with(., 'Score: ')]"));
        d.switchTo().defaultContent();
    }

    private static List<String> closedOnPackagePage(Chromium chromium) {
        return chromium.driver().findElements(By.cssSelector(".scorm-toc .toc-closed")).stream()
                .map(e -> e.findElement(By.xpath("./ancestor::li")).getAttribute("data-item")).toList();
    }

    private static byte[] shared(String name) {
        Path zip = TestPackages.SHARED.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(zip),
                "needs ../shared/testdata/scorm/" + name + " (the repository root's sibling); runs in CI");
        try {
            return Files.readAllBytes(zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
