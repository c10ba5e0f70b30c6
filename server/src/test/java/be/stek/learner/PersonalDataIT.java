package be.stek.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.certificate.ProefCourse;
import be.stek.store.Sql;
import be.stek.testing.Browser;
import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A learner downloads everything Stek keeps about them, and only about them. */
class PersonalDataIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String AN_REFLECTION = "Ik zag hoe Mona naar haar mama keek.";
    static final String BO_REFLECTION = "Bram schreef iets heel persoonlijks.";

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    static void joinCohort(TestServer server, long learnerId, String cohort) {
        server.invitation(cohort);
        server.db().write(c -> Sql.update(c, """
                INSERT INTO cohort_member (cohort_id, learner_id, role, joined_at)
                SELECT id, ?, 'learner', created_at FROM cohort WHERE name = ?""", learnerId, cohort));
    }

    @Test
    void the_export_holds_my_account_answers_reflections_and_certificate_and_no_password(@TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data); Browser browser = new Browser(server)) {
            long an = server.addUser("an@example.be", "Annelies Verhaegen", Role.LEARNER);
            joinCohort(server, an, "Onboarding jeugdhulp maart");
            browser.signIn("an@example.be", TestServer.PASSWORD);
            ProefCourse.completeAndPass(browser);
            ProefCourse.reflect(browser, AN_REFLECTION);
            browser.client().getPage(server.url("/courses/proef/certificate"));

            HtmlPage dataPage = Browser.click(browser.open("/me"), "Mijn gegevens downloaden of verwijderen");
            String explained = dataPage.asNormalizedText();
            assertTrue(explained.contains("Wat Stek over jou bewaart"), explained);
            assertTrue(explained.contains("kan niet ongedaan gemaakt worden"), explained);
            assertTrue(explained.contains("De verificatiecodes van je certificaten werken daarna niet meer"), explained);
            Page download = Browser.click(dataPage, "Download al mijn gegevens (JSON)");
            assertTrue(download.getWebResponse().getContentType().startsWith("application/json"));
            assertTrue(download.getWebResponse().getResponseHeaderValue("Content-Disposition")
                    .matches("attachment; filename=\"stek-mijn-gegevens-\\d{4}-\\d{2}-\\d{2}\\.json\""));
            String raw = download.getWebResponse().getContentAsString();
            JsonNode export = JSON.readTree(raw);

            assertEquals("an@example.be", export.at("/account/email").asText());
            assertEquals("Annelies Verhaegen", export.at("/account/name").asText());
            assertFalse(export.at("/account/sessions").isEmpty(), "sign-in sessions are listed");
            assertFalse(raw.contains("password") || raw.contains("$argon2") || raw.contains("token_hash"), raw);
            assertEquals(List.of("Onboarding jeugdhulp maart"), texts(export.at("/cohorts/memberships"), "cohort"));
            assertEquals(3, export.at("/lesson_progress").size());

            JsonNode attempts = export.at("/quiz_attempts");
            assertEquals(List.of("dag-vier", "wannes", "avonddienst"), texts(attempts, "activity"));
            JsonNode firstAnswer = attempts.get(0).at("/answers/0");
            assertEquals("Wat doet Ines?", firstAnswer.at("/question_text").asText());
            assertEquals("b", firstAnswer.at("/chosen/0").asText(), "the answer as chosen, readable JSON");
            assertEquals("Ze benoemt wat Mona doet.", firstAnswer.at("/chosen_text").asText());
            assertEquals(List.of("opnemen", "luisteren"), List.of(attempts.get(2).at("/answers/0/chosen/0").asText(),
                    attempts.get(2).at("/answers/1/chosen/0").asText()), "every step of the branching vignette");

            assertEquals(List.of(AN_REFLECTION), texts(export.at("/reflections"), "body"));
            String code = server.db().read(c -> Sql.one(c, "SELECT code FROM certificate", rs -> rs.getString(1)))
                    .orElseThrow();
            assertEquals(code.substring(0, 4), export.at("/certificates/0/code").asText().substring(0, 4));
            assertTrue(export.at("/certificates/0/verify_url").asText().startsWith("http://localhost/verify/"));
            assertTrue(export.at("/scorm/attempts").isArray(), "the SCORM section is there, empty");
        }
    }

    @Test
    void the_export_only_ever_contains_the_signed_in_persons_data(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data); Browser an = new Browser(server);
             Browser bo = new Browser(server)) {
            long anId = server.addUser("an@example.be", "Annelies Verhaegen", Role.LEARNER);
            server.addUser("bo@example.be", "Bram Claes", Role.LEARNER);
            an.signIn("an@example.be", TestServer.PASSWORD);
            ProefCourse.completeAndPass(an);
            ProefCourse.reflect(an, AN_REFLECTION);
            an.client().getPage(server.url("/courses/proef/certificate"));
            bo.signIn("bo@example.be", TestServer.PASSWORD);
            ProefCourse.reflect(bo, BO_REFLECTION);
            ProefCourse.choose(ProefCourse.start(bo, "tweede-les", "wannes"), "lezing", "half");

            // There is no id in the address to change; an id slipped into the query string changes nothing.
            Http boHttp = new Http(server).signIn("bo@example.be");
            for (String path : List.of("/me/data/export", "/me/data/export?learner=" + anId, "/me/data/export?id=" + anId)) {
                HttpResponse<String> r = boHttp.get(path);
                assertEquals(200, r.statusCode());
                JsonNode export = JSON.readTree(r.body());
                assertEquals("bo@example.be", export.at("/account/email").asText());
                assertEquals(List.of(BO_REFLECTION), texts(export.at("/reflections"), "body"));
                assertEquals(List.of("wannes"), texts(export.at("/quiz_attempts"), "activity"));
                assertTrue(export.at("/certificates").isEmpty());
                for (String other : List.of("an@example.be", "Annelies", AN_REFLECTION, "dag-vier", "avonddienst")) {
                    assertFalse(r.body().contains(other), "Bo's export mentions " + other);
                }
            }
            String anExport = new Http(server).signIn("an@example.be").get("/me/data/export").body();
            for (String other : List.of("bo@example.be", "Bram", BO_REFLECTION)) {
                assertFalse(anExport.contains(other), "An's export mentions " + other);
            }
            assertEquals(303, new Http(server).get("/me/data/export").statusCode(), "strangers are sent to sign in");
        }
    }
}
