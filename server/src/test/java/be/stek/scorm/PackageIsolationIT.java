package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.Config;
import be.stek.testing.Chromium;
import be.stek.testing.HttpsStub;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Package scripts run on the content origin: played by an admin, a hostile package told Stek's address reads
 * nothing of Stek (not the data export, not a page with a CSRF token, not the player page, not a cookie) and its
 * posts to Stek's admin forms change nothing, even under a package policy that lets it connect anywhere. A package that loads its script library from another address over
 * https (a stub here, as a CDN would serve jQuery) starts and is tracked under the default policy.
 */
class PackageIsolationIT {

    /** The loosest package policy: what keeps Stek safe here is the origin, not the policy. */
    private static final String ANYTHING_GOES = "default-src * 'unsafe-inline' 'unsafe-eval' data: blob:";

    @Test
    void a_hostile_package_played_by_an_admin_gets_nothing_of_stek(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data, c -> c.withContent(new Config.Content(0, null,
                ANYTHING_GOES)))) {
            String slug = ResumeIT.importAsAdmin(server, "attack-2004");
            long jonas = server.addUser("jonas@example.be", "Jonas Maes", Role.LEARNER);
            long fien = server.addUser("fien@example.be", "Fien Claes", Role.FACILITATOR);
            String fienHash = passwordHash(server, fien);
            try (Chromium chromium = Chromium.start(server)) {
                chromium.signIn("beheer@example.be");
                chromium.open("/scorm/packages/" + slug + "/play/sco");
                Player.enterSco(chromium);
                WebDriver d = chromium.driver();
                d.findElement(By.id("stek")).sendKeys(server.url(""));
                d.findElement(By.id("learner")).sendKeys(String.valueOf(jonas));
                d.findElement(By.id("facilitator")).sendKeys(String.valueOf(fien));
                d.findElement(By.id("go")).click();
                chromium.await(x -> x.findElement(By.id("done")).getText().equals("yes"));

                assertEquals("blocked", d.findElement(By.id("export")).getText(), "the admin's data export");
                assertEquals("blocked", d.findElement(By.id("csrf")).getText(), "a Stek page with a CSRF token");
                assertEquals("blocked", d.findElement(By.id("player")).getText(), "the player page around it");
                assertEquals("none", d.findElement(By.id("cookies")).getText());
                assertEquals("sent, sent, sent", d.findElement(By.id("forms")).getText(),
                        "the posts went out (with the admin's cookie), so Stek itself refused them");
            }
            assertEquals("learner", server.db().read(c -> be.stek.store.Sql.one(c,
                    "SELECT role FROM learner WHERE id = ?", rs -> rs.getString(1), jonas).orElseThrow()));
            assertEquals(fienHash, passwordHash(server, fien), "the facilitator's password is unchanged");
        }
    }

    @Test
    void a_package_whose_launch_page_loads_a_script_from_elsewhere_starts_and_is_tracked(@TempDir Path data)
            throws Exception {
        String library = """
                window.outsideLibrary = { start: function (state, done) {
                  var w = window; while (!w.API_1484_11 && w.parent !== w) { w = w.parent; }
                  var api = w.API_1484_11;
                  api.Initialize('');
                  state.textContent = 'started';
                  done.addEventListener('click', function () {
                    api.SetValue('cmi.completion_status', 'completed');
                    api.SetValue('cmi.exit', 'normal');
                    api.Terminate('');
                    state.textContent = 'finished';
                  });
                } };""";
        try (TestServer server = TestServer.start(data);
             HttpsStub cdn = HttpsStub.start(data, Map.of("/lib/tracker.js", library))) {
            Map<String, byte[]> files = TestPackages.files("cdn-2004");
            files.put("sco/index.html", new String(files.get("sco/index.html"), StandardCharsets.UTF_8)
                    .replace("STUB_ORIGIN", cdn.origin()).getBytes(StandardCharsets.UTF_8));
            String slug = ResumeIT.importAsAdmin(server, TestPackages.zip(files));
            long lotte = server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            try (Chromium chromium = Chromium.start(server, "--ignore-certificate-errors")) {
                chromium.signIn("lotte@example.be");
                chromium.open("/scorm/packages/" + slug + "/play/sco");
                Player.enterSco(chromium);
                chromium.await(d -> d.findElement(By.id("state")).getText().equals("started"));
                chromium.driver().findElement(By.id("done")).click();
                Await.until("the final commit is stored", () -> server.count(
                        "SELECT COUNT(*) FROM scorm_attempt WHERE learner_id = ? AND completion_status = 'completed'",
                        lotte) == 1);
            }
            assertTrue(cdn.hits() >= 1, "the script came from the other address");
        }
    }

    private static String passwordHash(TestServer server, long id) {
        return server.db().read(c -> be.stek.store.Sql.one(c, "SELECT password_hash FROM learner WHERE id = ?",
                rs -> rs.getString(1), id).orElseThrow());
    }
}
