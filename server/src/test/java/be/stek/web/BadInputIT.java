package be.stek.web;

import static be.stek.testing.Answers.assertAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Http;
import be.stek.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input on every form and endpoint of the core: each gets a clear 4xx answer that says what is wrong, and
 * nothing is stored.
 */
class BadInputIT {
    @TempDir
    static Path data;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(data);
        server.addUser("an@example.be", "An", Role.LEARNER);
        server.addUser("beheer@example.be", "Beheer", Role.ADMIN);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static long rows(String table) {
        return server.count("SELECT count(*) FROM " + table);
    }

    @Test
    void a_tampered_or_missing_csrf_token_is_refused_and_nothing_is_stored() {
        Http an = new Http(server).signIn("an@example.be");
        long progress = rows("lesson_progress");
        assertAnswer(an.post("/courses/proef/lessons/eerste-les/done", Map.of("_csrf", "x".repeat(43))), 403,
                "Dit formulier is verlopen");
        assertAnswer(an.postRaw("/courses/proef/lessons/eerste-les/done", "", "application/x-www-form-urlencoded"),
                403, "Dit formulier is verlopen");
        assertEquals(progress, rows("lesson_progress"));

        Http stranger = new Http(server);
        String code = server.invitation("Team De Linde");
        long learners = rows("learner");
        assertAnswer(stranger.post("/signup", Map.of("_csrf", "vervalst", "code", code, "name", "X",
                "email", "x@example.be", "password", TestServer.PASSWORD, "password2", TestServer.PASSWORD)), 403,
                "Dit formulier is verlopen");
        assertEquals(learners, rows("learner"));
    }

    @Test
    void unknown_courses_lessons_and_ids_are_404_and_store_nothing() {
        Http an = new Http(server).signIn("an@example.be");
        long progress = rows("lesson_progress");
        assertAnswer(an.get("/courses/bestaat-niet"), 404, "Deze cursus bestaat niet");
        assertAnswer(an.get("/courses/proef/lessons/bestaat-niet"), 404, "Deze les bestaat niet");
        assertAnswer(an.post("/courses/proef/lessons/bestaat-niet/done", Map.of()), 404, "Deze les bestaat niet");
        assertAnswer(an.post("/courses/bestaat-niet/lessons/eerste-les/done", Map.of()), 404, "Deze cursus bestaat niet");
        assertAnswer(an.get("/courses/proef/attempts/abc"), 404, "Pagina niet gevonden");
        assertAnswer(an.get("/nergens"), 404, "Pagina niet gevonden");
        assertEquals(progress, rows("lesson_progress"));
    }

    @Test
    void errors_are_json_for_clients_that_ask_for_json() {
        HttpResponse<String> r = new Http(server).send(HttpRequest.newBuilder(URI.create(server.url("/courses/niets")))
                .header("Accept", "application/json").GET().build());
        assertEquals(404, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(r.body().contains("\"error\":\"Deze cursus bestaat niet.\""), r.body());
    }

    @Test
    void sign_up_with_missing_or_wrong_fields_says_what_is_wrong_keeps_what_was_typed_and_stores_nothing() {
        Http h = new Http(server);
        String code = server.invitation("Vroedkunde 1e bach 2026");
        long learners = rows("learner");
        HttpResponse<String> r = h.post("/signup", Map.of("code", code, "name", "", "email", "jo@example.be",
                "password", TestServer.PASSWORD, "password2", TestServer.PASSWORD));
        assertAnswer(r, 400, "Vul je naam in");
        assertTrue(r.body().contains("value=\"jo@example.be\""), "the typed e-mail address is kept");
        assertAnswer(h.post("/signup", Map.of("code", "ONBEKEND", "name", "Jo", "email", "jo@example.be",
                "password", TestServer.PASSWORD, "password2", TestServer.PASSWORD)), 400, "Deze uitnodigingscode kennen we niet");
        assertAnswer(h.post("/signup", Map.of("code", code, "name", "Jo", "email", "geen-adres",
                "password", TestServer.PASSWORD, "password2", TestServer.PASSWORD)), 400, "geldig e-mailadres");
        assertAnswer(h.post("/signup", Map.of("code", code, "name", "Jo", "email", "jo@example.be",
                "password", "kort", "password2", "kort")), 400, "minstens 10 tekens");
        assertAnswer(h.post("/signup", Map.of("code", code, "name", "Jo", "email", "jo@example.be",
                "password", TestServer.PASSWORD, "password2", "iets anders dan dat")), 400, "niet gelijk");
        assertEquals(learners, rows("learner"));
    }

    @Test
    void an_expired_invitation_code_is_refused() {
        String code = server.invitation("Oude groep", java.time.Instant.parse("2020-01-01T00:00:00Z"), null);
        long learners = rows("learner");
        assertAnswer(new Http(server).post("/signup", Map.of("code", code, "name", "Jo", "email", "oud@example.be",
                "password", TestServer.PASSWORD, "password2", TestServer.PASSWORD)), 400, "verlopen");
        assertEquals(learners, rows("learner"));
    }

    @Test
    void wrong_password_and_other_form_mistakes_are_400_with_a_message() {
        Http an = new Http(server).signIn("an@example.be");
        assertAnswer(new Http(server).post("/login", Map.of("email", "an@example.be", "password", "fout fout fout")),
                400, "horen niet bij elkaar");
        assertAnswer(an.post("/account/password", Map.of("current", "fout fout fout", "password", "nieuw wachtwoord!",
                "password2", "nieuw wachtwoord!")), 400, "huidige wachtwoord klopt niet");
        assertAnswer(an.post("/language", Map.of()), 400, "‘language’ ontbreekt");
        assertAnswer(an.post("/language", Map.of("language", "fr")), 400, "geen taal die Stek spreekt");
        assertAnswer(an.post("/courses/proef/lessons/bijlage/done", Map.of()), 400, "bijlage");
    }

    @Test
    void an_oversized_body_is_413_before_it_is_read() throws Exception {
        // A raw request announcing 2 MB and sending none of it: the answer must come from the announced length alone.
        // (Streaming the body instead races the server's early answer; Java 17's HttpClient hangs on 100-continue.)
        String answer = be.stek.testing.RawHttp.exchange(server, "POST /login HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + 2 * 1024 * 1024 + "\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("Wat je verstuurde is te groot."), answer);
    }


    @Test
    void pages_a_role_may_not_see_are_403_and_anonymous_changes_are_401() {
        Http an = new Http(server).signIn("an@example.be");
        assertAnswer(an.get("/admin/users"), 403, "Je hebt geen toegang");
        long learnerId = server.count("SELECT id FROM learner WHERE email = 'beheer@example.be'");
        String hashBefore = server.db().read(c -> be.stek.store.Sql.one(c, "SELECT password_hash FROM learner WHERE id = ?",
                rs -> rs.getString(1), learnerId).orElseThrow());
        assertAnswer(an.post("/admin/users/" + learnerId + "/password", Map.of()), 403, "Je hebt geen toegang");
        assertEquals(hashBefore, server.db().read(c -> be.stek.store.Sql.one(c,
                "SELECT password_hash FROM learner WHERE id = ?", rs -> rs.getString(1), learnerId).orElseThrow()));
        Http anonymous = new Http(server);
        assertAnswer(anonymous.post("/courses/proef/lessons/eerste-les/done", Map.of()), 401, "aangemeld");
        assertEquals(303, anonymous.get("/me").statusCode());
    }

    @Test
    void an_admin_resetting_an_unknown_user_gets_404() {
        Http admin = new Http(server).signIn("beheer@example.be");
        assertAnswer(admin.post("/admin/users/999999/password", Map.of()), 404, "Deze gebruiker bestaat niet");
        assertAnswer(admin.post("/admin/users/999999/role", Map.of("role", "admin")), 404, "Deze gebruiker bestaat niet");
    }

    @Test
    void health_answers_when_the_database_does() {
        HttpResponse<String> r = new Http(server).get("/healthz");
        assertEquals(200, r.statusCode());
        assertEquals("{\"status\":\"ok\"}", r.body());
    }
}
