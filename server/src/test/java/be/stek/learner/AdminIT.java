package be.stek.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Browser;
import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import java.util.Map;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First run creates the first admin through a one-time link; an admin resets a password and changes roles. */
class AdminIT {

    @Test
    void the_one_time_link_creates_the_first_admin_and_then_dies(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server)) {
            String link = server.app().setupPath();
            HtmlForm form = browser.open(link).getFirstByXPath("//main//form");
            Browser.fill(form, "name", "Eerste Beheerder");
            Browser.fill(form, "email", "beheer@example.be");
            Browser.fill(form, "password", TestServer.PASSWORD);
            Browser.fill(form, "password2", TestServer.PASSWORD);
            HtmlPage users = Browser.submit(form);
            assertEquals("/admin/users", users.getUrl().getPath());
            assertTrue(users.asNormalizedText().contains("Je beheerdersaccount is klaar."));
            assertEquals(1, server.count("SELECT count(*) FROM learner WHERE role = 'admin'"));
            assertEquals(410, new Http(server).get(link).statusCode(), "the link works only once");
            server.restart();
            assertEquals(null, server.app().setupPath(), "no new link once an admin exists");
        }
    }

    @Test
    void an_admin_resets_a_password_which_signs_the_person_out_everywhere(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser admin = new Browser(server)) {
            server.addUser("beheer@example.be", "Beheer", Role.ADMIN);
            long an = server.addUser("an@example.be", "An", Role.LEARNER);
            Http anSession = new Http(server).signIn("an@example.be");
            admin.signIn("beheer@example.be", TestServer.PASSWORD);
            HtmlPage page = Browser.submit(Browser.formWithAction(admin.open("/admin/users"), "/admin/users/" + an + "/password"));
            String temporary = page.getFirstByXPath("//p[@class='code-box']/code/text()").toString();
            assertEquals(12, temporary.length());
            assertEquals(303, anSession.get("/me").statusCode(), "the old session has ended");
            assertEquals(400, new Http(server).post("/login", Map.of("email", "an@example.be", "password",
                    TestServer.PASSWORD)).statusCode(), "the old password no longer works");
            assertEquals(303, new Http(server).post("/login", Map.of("email", "an@example.be", "password", temporary))
                    .statusCode());
        }
    }

    @Test
    void an_admin_makes_someone_a_facilitator_but_cannot_demote_themselves(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            long admin = server.addUser("beheer@example.be", "Beheer", Role.ADMIN);
            long an = server.addUser("an@example.be", "An", Role.LEARNER);
            Http h = new Http(server).signIn("beheer@example.be");
            Http anSession = new Http(server).signIn("an@example.be");
            assertEquals(403, anSession.get("/cohorts").statusCode());
            assertEquals(303, h.post("/admin/users/" + an + "/role", Map.of("role", "facilitator")).statusCode());
            assertEquals(200, anSession.get("/cohorts").statusCode(), "the new role applies to the running session");
            var notSelf = h.post("/admin/users/" + admin + "/role", Map.of("role", "learner"));
            assertEquals(400, notSelf.statusCode());
            assertTrue(notSelf.body().contains("<a href=\"#role-" + admin + "\">Je kan jezelf geen andere rol geven"),
                    "the users page again, the summary linking to the admin's own role field");
            assertTrue(notSelf.body().contains("id=\"role-" + admin + "-error\""), "and the error beside it");
            assertEquals(400, h.post("/admin/users/" + an + "/role", Map.of("role", "koning")).statusCode());
            assertEquals(1, server.count("SELECT count(*) FROM learner WHERE role = 'admin'"));
        }
    }
}
