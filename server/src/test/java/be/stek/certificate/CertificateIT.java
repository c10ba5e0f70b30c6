package be.stek.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.store.Sql;
import be.stek.testing.Browser;
import be.stek.testing.Concurrently;
import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A learner earns, downloads and re-downloads a certificate; anyone checks its code; nobody else gets it. */
class CertificateIT {
    static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-BE"))
            .withZone(ZoneId.of("Europe/Brussels"));

    record Issued(String code, String completedAt) {
        String display() {
            return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
        }
    }

    static Issued issued(TestServer server, String email) {
        return server.db().read(c -> Sql.one(c, """
                SELECT ce.code, ce.completed_at FROM certificate ce JOIN learner l ON l.id = ce.learner_id
                WHERE l.email = ?""", rs -> new Issued(rs.getString(1), rs.getString(2)), email)).orElseThrow();
    }

    static byte[] download(Page page) throws IOException {
        assertEquals(200, page.getWebResponse().getStatusCode(), page.getWebResponse().getContentAsString());
        assertEquals("application/pdf", page.getWebResponse().getContentType());
        return page.getWebResponse().getContentAsStream().readAllBytes();
    }

    @Test
    void a_learner_who_completes_and_passes_downloads_a_certificate_that_anyone_can_verify(@TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server);
             Browser stranger = new Browser(server)) {
            server.addUser("an@example.be", "Annelies Verhaegen", Role.LEARNER);
            browser.signIn("an@example.be", TestServer.PASSWORD);
            Instant before = Instant.now();
            ProefCourse.completeAndPass(browser);

            String coursePage = browser.open("/courses/proef").asNormalizedText();
            assertTrue(coursePage.contains("Opnieuw bekijken") && !coursePage.contains("Verder gaan"),
                    "a completed module offers to look again, not to continue: " + coursePage);
            Page pdf = Browser.click(browser.open("/courses/proef"), "Certificaat downloaden");
            assertTrue(pdf.getWebResponse().getResponseHeaderValue("Content-Disposition")
                    .contains("attachment; filename=\"certificaat-proef.pdf\""));
            String text = CertificatePdfTest.text(download(pdf));
            Issued issued = issued(server, "an@example.be");
            Instant completed = Instant.parse(issued.completedAt());
            assertFalse(completed.isBefore(before.minusSeconds(1)) || completed.isAfter(Instant.now()));
            assertTrue(text.contains("Annelies Verhaegen"), text);
            assertTrue(text.contains("Proefcursus"), text);
            assertTrue(text.contains("versie 1.0"), text);
            assertTrue(text.contains("heeft afgerond op " + DUTCH_DATE.format(completed)), text);
            assertTrue(text.contains("studietijd: 20 minuten (geschat)"), text);
            assertTrue(text.contains("Verificatiecode: " + issued.display()), text);
            assertTrue(text.contains("http://localhost/verify/" + issued.display()), text);

            String again = CertificatePdfTest.text(download(Browser.click(browser.open("/me"), "Certificaat downloaden")));
            assertEquals(text, again, "a later download, here from the dashboard, is the same certificate");
            assertEquals(1, server.count("SELECT count(*) FROM certificate"));

            HtmlPage verified = stranger.open("/verify/" + issued.display());
            assertTrue(verified.getFirstByXPath("//meta[@name='robots'][@content='noindex']") != null,
                    "a page that shows a person's name asks search engines not to index it");
            String check = verified.asNormalizedText();
            assertTrue(check.contains("Dit certificaat is echt"), check);
            assertTrue(check.contains("Annelies Verhaegen"), check);
            assertTrue(check.contains("Module\nProefcursus"), check);
            assertTrue(check.contains("Versie\n1.0"), check);
            assertTrue(check.contains("Afgerond op\n" + DUTCH_DATE.format(completed)), check);
            assertTrue(check.contains("Studietijd\n20 minuten (geschat)"), check);
            assertTrue(check.contains("Verificatiecode\n" + issued.display()), check);
        }
    }

    @Test
    void a_code_typed_into_the_form_is_found_whatever_its_case_spaces_or_dashes(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server);
             Browser stranger = new Browser(server)) {
            server.addUser("an@example.be", "Annelies Verhaegen", Role.LEARNER);
            browser.signIn("an@example.be", TestServer.PASSWORD);
            ProefCourse.completeAndPass(browser);
            download(browser.client().getPage(server.url("/courses/proef/certificate")));
            Issued issued = issued(server, "an@example.be");

            HtmlForm form = Browser.formWithAction(stranger.open("/verify"), "/verify");
            Browser.fill(form, "code", " " + issued.code().substring(0, 6).toLowerCase(Locale.ROOT) + " "
                    + issued.code().substring(6));
            HtmlPage result = Browser.submit(form);
            assertEquals(200, result.getWebResponse().getStatusCode());
            assertTrue(result.asNormalizedText().contains("Annelies Verhaegen"), result.asNormalizedText());
        }
    }

    @Test
    void a_made_up_code_is_not_found(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser stranger = new Browser(server)) {
            HtmlPage page = stranger.open("/verify/ABCD-EFGH-JKMN");
            assertEquals(404, page.getWebResponse().getStatusCode());
            String text = page.asNormalizedText();
            assertTrue(text.contains("Certificaat niet gevonden"), text);
            assertTrue(text.contains("We vinden geen certificaat met de code ‘ABCD-EFGH-JKMN’"), text);
            assertTrue(page.getFirstByXPath("//form[@action='/verify']//input[@name='code']") != null,
                    "the form to try again");

            HtmlForm form = Browser.formWithAction(stranger.open("/verify"), "/verify");
            Browser.fill(form, "code", "!!!");
            HtmlPage junk = Browser.submit(form);
            assertEquals(404, junk.getWebResponse().getStatusCode());
            assertTrue(junk.asNormalizedText().contains("met de code ‘!!!’"), junk.asNormalizedText());

            HtmlPage markup = stranger.open("/verify/%3Cb%3Ehallo");
            assertEquals(404, markup.getWebResponse().getStatusCode());
            assertTrue(markup.asNormalizedText().contains("met de code ‘<b>hallo’"), "shown as text, not as HTML");
            assertTrue(markup.getElementsByTagName("b").isEmpty());
        }
    }

    @Test
    void a_learner_who_has_not_completed_is_told_what_is_missing_and_gets_no_certificate(@TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server)) {
            server.addUser("an@example.be", "An", Role.LEARNER);
            browser.signIn("an@example.be", TestServer.PASSWORD);
            ProefCourse.choose(ProefCourse.start(browser, "tweede-les", "wannes"), "lezing", "best");
            Browser.submit(Browser.formWithAction(browser.open("/courses/proef/lessons/eerste-les"),
                    "/courses/proef/lessons/eerste-les/done"));

            assertFalse(browser.open("/courses/proef").asNormalizedText().contains("Certificaat downloaden"));
            HtmlPage refused = browser.open("/courses/proef/certificate");
            assertEquals(403, refused.getWebResponse().getStatusCode());
            String text = refused.asNormalizedText();
            assertTrue(text.contains("Je kan nog geen certificaat krijgen voor ‘Proefcursus’"), text);
            assertTrue(text.contains("nog 2 van de 3 lessen afronden"), text);
            assertTrue(text.contains("nog 2 van de 3 casussen maken"), text);
            assertEquals(0, server.count("SELECT count(*) FROM certificate"));
        }
    }

    @Test
    void a_learner_who_completed_below_the_pass_mark_is_told_the_score_to_reach(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server)) {
            server.addUser("an@example.be", "An", Role.LEARNER);
            browser.signIn("an@example.be", TestServer.PASSWORD);
            ProefCourse.completeAndFail(browser);
            HtmlPage refused = browser.open("/courses/proef/certificate");
            assertEquals(403, refused.getWebResponse().getStatusCode());
            String text = refused.asNormalizedText();
            assertTrue(text.contains("het gemiddelde van je beste poging per casus optrekken van 8% naar minstens 80%"), text);
            assertFalse(text.contains("lessen afronden"), text);
            assertEquals(0, server.count("SELECT count(*) FROM certificate"));
        }
    }

    @Test
    void nobody_gets_someone_elses_certificate(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser an = new Browser(server)) {
            server.addUser("an@example.be", "Annelies Verhaegen", Role.LEARNER);
            server.addUser("bo@example.be", "Bo", Role.LEARNER);
            an.signIn("an@example.be", TestServer.PASSWORD);
            ProefCourse.completeAndPass(an);
            download(an.client().getPage(server.url("/courses/proef/certificate")));

            // The address has no learner in it: Bo asking for it asks for Bo's own, which Bo has not earned.
            Http bo = new Http(server).signIn("bo@example.be");
            HttpResponse<String> r = bo.get("/courses/proef/certificate");
            assertEquals(403, r.statusCode());
            assertFalse(r.body().contains("Annelies"), r.body());
            assertEquals(403, bo.get("/courses/proef/certificate?learner=1").statusCode());
            assertEquals(1, server.count("SELECT count(*) FROM certificate"));

            Http anonymous = new Http(server);
            HttpResponse<String> signIn = anonymous.get("/courses/proef/certificate");
            assertEquals(303, signIn.statusCode());
            assertTrue(signIn.headers().firstValue("Location").orElseThrow().startsWith("/login"));
            assertEquals(404, new Http(server).signIn("bo@example.be").get("/courses/bestaat-niet/certificate")
                    .statusCode());
        }
    }

    @Test
    void first_downloads_at_the_same_moment_issue_one_certificate_with_one_code(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server)) {
            server.addUser("an@example.be", "Annelies Verhaegen", Role.LEARNER);
            browser.signIn("an@example.be", TestServer.PASSWORD);
            ProefCourse.completeAndPass(browser);
            Http an = new Http(server).signIn("an@example.be");
            List<Http> tabs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tabs.add(an.twin());
            }
            List<Callable<byte[]>> downloads = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Http tab = tabs.get(i % tabs.size());
                downloads.add(() -> {
                    HttpResponse<byte[]> r = tab.client().send(HttpRequest.newBuilder(
                            URI.create(server.url("/courses/proef/certificate"))).build(), HttpResponse.BodyHandlers.ofByteArray());
                    assertEquals(200, r.statusCode());
                    return r.body();
                });
            }

            List<byte[]> pdfs = Concurrently.run(8, downloads);

            assertEquals(1, server.count("SELECT count(*) FROM certificate"), "one certificate");
            String code = "Verificatiecode: " + issued(server, "an@example.be").display();
            for (byte[] pdf : pdfs) {
                assertTrue(CertificatePdfTest.text(pdf).contains(code), "every download shows the one code");
            }
        }
    }
}
