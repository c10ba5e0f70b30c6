package be.stek.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.certificate.ProefCourse;
import be.stek.store.Sql;
import be.stek.testing.Browser;
import be.stek.testing.FormErrors;
import be.stek.testing.Http;
import be.stek.testing.Schema;
import be.stek.testing.TestDatabases;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting an account: only with the password, never the last admin, and afterwards nothing of the person is left. */
class AccountDeletionIT {
    static final String REFLECTION = "Ik zag hoe Mona naar haar mama keek.";

    /** The number of rows in every table: a fingerprint of the whole database. */
    static Map<String, Long> rowCounts(TestServer server) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables(server)) {
            counts.put(table, server.count("SELECT count(*) FROM \"" + table + "\""));
        }
        return counts;
    }

    static List<String> tables(TestServer server) {
        return Schema.tables(server.db());
    }

    /** Every (table, column) with a foreign key to learner(id). */
    static List<String[]> learnerColumns(TestServer server) {
        return Schema.foreignKeys(server.db()).stream().filter(k -> k.target().equals("learner"))
                .map(k -> new String[] {k.table(), k.column()}).toList();
    }

    /** How many text values anywhere in the database contain {@code needle}. */
    static long mentions(TestServer server, String needle) {
        // A plain substring test: PostgreSQL's case-insensitive e-mail column needs a binary collation for it.
        String contains = TestDatabases.sqlite() ? "instr(CAST(%s AS TEXT), ?) > 0"
                : "strpos(CAST(%s AS TEXT) COLLATE \"C\", ?) > 0";
        long n = 0;
        for (String table : tables(server)) {
            for (String column : Schema.columns(server.db(), table)) {
                n += server.count("SELECT count(*) FROM \"" + table + "\" WHERE "
                        + contains.formatted("\"" + column + "\""), needle);
            }
        }
        return n;
    }

    static long anWithEverything(TestServer server, Browser browser) throws Exception {
        long an = server.addUser("an@example.be", "Annelies Verhaegen", Role.LEARNER);
        PersonalDataIT.joinCohort(server, an, "Team De Linde");
        browser.signIn("an@example.be", TestServer.PASSWORD);
        ProefCourse.completeAndPass(browser);
        ProefCourse.reflect(browser, REFLECTION);
        browser.client().getPage(server.url("/courses/proef/certificate"));
        return an;
    }

    static HtmlPage deleteWith(Browser browser, String password) throws Exception {
        HtmlForm form = Browser.formWithAction(browser.open("/me/data"), "/me/data/delete");
        Browser.fill(form, "password", password);
        return Browser.submit(form);
    }

    @Test
    void a_wrong_or_missing_password_or_a_forged_form_deletes_nothing(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server)) {
            anWithEverything(server, browser);
            Map<String, Long> before = rowCounts(server);

            HtmlPage wrong = deleteWith(browser, "niet mijn wachtwoord");
            // At the top of the page and focused, not far below the fold: the summary, then the error at the field.
            FormErrors.assertShown(wrong, Map.of("password", "Dat wachtwoord klopt niet. Er is niets verwijderd."));

            Http an = new Http(server).signIn("an@example.be");
            HttpResponse<String> missing = an.post("/me/data/delete", Map.of());
            assertEquals(400, missing.statusCode());
            assertTrue(missing.body().contains("Typ je wachtwoord om het verwijderen te bevestigen."), missing.body());
            HttpResponse<String> forged = an.post("/me/data/delete",
                    Map.of("_csrf", "x".repeat(43), "password", TestServer.PASSWORD));
            assertEquals(403, forged.statusCode());
            assertTrue(forged.body().contains("Dit formulier is verlopen"), forged.body());
            HttpResponse<String> noToken = an.postRaw("/me/data/delete",
                    Http.encode(Map.of("password", TestServer.PASSWORD)), "application/x-www-form-urlencoded");
            assertEquals(403, noToken.statusCode());
            assertEquals(401, new Http(server).post("/me/data/delete", Map.of("password", TestServer.PASSWORD))
                    .statusCode(), "not signed in");

            Map<String, Long> after = rowCounts(server);
            after.remove("session");
            before.remove("session"); // signing in with the second client added a session, nothing else
            after.remove("login_failure");
            before.remove("login_failure"); // the wrong password counts for the throttle (in the database on PostgreSQL)
            assertEquals(before, after);
            assertEquals("/me", browser.open("/me").getUrl().getPath(), "still signed in");
            new Http(server).signIn("an@example.be");
        }
    }

    @Test
    void deleting_my_account_erases_me_everywhere_signs_me_out_and_voids_my_certificate(@TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server);
             Browser bo = new Browser(server)) {
            long an = anWithEverything(server, browser);
            String code = server.db().read(c -> Sql.one(c, "SELECT code FROM certificate WHERE learner_id = ?",
                    rs -> rs.getString(1), an)).orElseThrow();
            String oldSession = browser.client().getCookieManager().getCookie("stek_session").getValue();
            long boId = server.addUser("bo@example.be", "Bram Claes", Role.LEARNER);
            bo.signIn("bo@example.be", TestServer.PASSWORD);
            ProefCourse.reflect(bo, "Van Bram.");
            ProefCourse.choose(ProefCourse.start(bo, "tweede-les", "wannes"), "lezing", "half");
            assertTrue(server.count("SELECT count(*) FROM answer") > 1);

            HtmlPage home = deleteWith(browser, TestServer.PASSWORD);
            assertEquals("/", home.getUrl().getPath());
            assertTrue(home.asNormalizedText().contains("Je account en al je gegevens zijn verwijderd."));
            assertTrue(home.asNormalizedText().contains("Aanmelden"), "signed out");
            assertNull(browser.client().getCookieManager().getCookie("stek_session"), "the cookie is cleared");

            for (String[] fk : learnerColumns(server)) {
                assertEquals(0, server.count("SELECT count(*) FROM \"" + fk[0] + "\" WHERE \"" + fk[1] + "\" = ?", an),
                        fk[0] + "." + fk[1]);
            }
            for (String trace : List.of("an@example.be", "Annelies Verhaegen", REFLECTION, code)) {
                assertEquals(0, mentions(server, trace), "no table still holds " + trace);
            }
            assertEquals(0, server.count("SELECT count(*) FROM answer WHERE attempt_id NOT IN "
                    + "(SELECT id FROM quiz_attempt WHERE learner_id = ?)", boId), "An's answers went with An");
            assertEquals(1, server.count("SELECT count(*) FROM answer"), "Bo's answer stays");
            assertEquals(1, server.count("SELECT count(*) FROM quiz_attempt WHERE learner_id = ?", boId), "Bo keeps his");
            assertEquals(1, server.count("SELECT count(*) FROM reflection WHERE learner_id = ?", boId));

            HtmlPage login = browser.signIn("an@example.be", TestServer.PASSWORD);
            assertTrue(login.asNormalizedText().contains("Dat e-mailadres en wachtwoord horen niet bij elkaar."));
            HttpResponse<String> replayed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(server.url("/me"))).header("Cookie", "stek_session=" + oldSession).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(303, replayed.statusCode(), "an old session cookie no longer signs anyone in");
            HtmlPage verify = bo.open("/verify/" + code);
            assertEquals(404, verify.getWebResponse().getStatusCode());
            assertTrue(verify.asNormalizedText().contains("Certificaat niet gevonden"));
        }
    }

    @Test
    void the_last_admin_cannot_delete_their_account_but_one_of_two_admins_can(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server)) {
            server.addUser("beheer@example.be", "Beheer", Role.ADMIN);
            browser.signIn("beheer@example.be", TestServer.PASSWORD);
            HtmlPage page = browser.open("/me/data");
            assertTrue(page.asNormalizedText().contains("Je bent de enige beheerder van Stek"));
            assertNull(page.getFirstByXPath("//form[@action='/me/data/delete']"), "no form that cannot work");

            Http admin = new Http(server).signIn("beheer@example.be");
            HttpResponse<String> refused = admin.post("/me/data/delete", Map.of("password", TestServer.PASSWORD));
            assertEquals(400, refused.statusCode());
            assertTrue(refused.body().contains("Maak eerst iemand anders beheerder"), refused.body());
            assertEquals(1, server.count("SELECT count(*) FROM learner WHERE role = 'admin'"));

            server.addUser("tweede@example.be", "Tweede", Role.ADMIN);
            assertEquals(303, admin.post("/me/data/delete", Map.of("password", TestServer.PASSWORD)).statusCode());
            Http second = new Http(server).signIn("tweede@example.be");
            assertEquals(400, second.post("/me/data/delete", Map.of("password", TestServer.PASSWORD)).statusCode());
            assertEquals(List.of("tweede@example.be"), server.db().read(c -> Sql.list(c,
                    "SELECT email FROM learner", rs -> rs.getString(1))));
            assertFalse(browser.open("/me").getUrl().getPath().equals("/me"), "the deleted admin is signed out");
        }
    }
}
