package be.stek.quiz;

import static be.stek.testing.Answers.assertAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tampered or impossible answers are refused with a message, and no answer is stored. */
class QuizBadInputIT {
    @TempDir
    static Path data;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(data);
        server.addUser("an@example.be", "An", Role.LEARNER);
        server.addUser("bo@example.be", "Bo", Role.LEARNER);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** Starts an attempt and returns its id. */
    static long startAttempt(Http h, String activity) {
        HttpResponse<String> r = h.post("/courses/proef/activities/" + activity + "/start", Map.of());
        assertEquals(303, r.statusCode());
        String location = r.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static long answers() {
        return server.count("SELECT count(*) FROM answer");
    }

    @Test
    void tampered_option_ids_are_refused() {
        Http an = new Http(server).signIn("an@example.be");
        long attempt = startAttempt(an, "dag-vier");
        long before = answers();
        String path = "/courses/proef/attempts/" + attempt + "/questions/reactie";
        assertAnswer(an.post(path, Map.of("option", "zz")), 400, "Dit antwoord hoort niet bij deze vraag");
        assertAnswer(an.postRaw(path, "option=a&option=b&_csrf=" + an.csrf(), "application/x-www-form-urlencoded"),
                400, "Dit antwoord hoort niet bij deze vraag");
        assertAnswer(an.post("/courses/proef/attempts/" + attempt + "/questions/verzonnen", Map.of("option", "a")), 400,
                "De vraag ‘verzonnen’ hoort niet bij deze poging");
        assertEquals(before, answers());
    }

    @Test
    void a_missing_answer_is_asked_for_again() {
        Http an = new Http(server).signIn("an@example.be");
        long attempt = startAttempt(an, "wannes");
        long before = answers();
        HttpResponse<String> r = an.post("/courses/proef/attempts/" + attempt + "/questions/lezing", Map.of());
        assertAnswer(r, 400, "Kies eerst een antwoord.");
        assertTrue(r.body().contains("name=\"option\""), "the question is shown again");
        assertEquals(before, answers());
    }

    @Test
    void an_answer_to_a_quiz_that_was_not_started_is_refused() {
        Http an = new Http(server).signIn("an@example.be");
        long before = answers();
        assertAnswer(an.post("/courses/proef/attempts/987654/questions/reactie", Map.of("option", "b")), 400,
                "start de oefening eerst");
        assertEquals(before, answers());
    }

    @Test
    void an_answer_to_another_learners_attempt_is_forbidden() {
        Http an = new Http(server).signIn("an@example.be");
        Http bo = new Http(server).signIn("bo@example.be");
        long attempt = startAttempt(an, "dag-vier");
        long before = answers();
        assertAnswer(bo.post("/courses/proef/attempts/" + attempt + "/questions/reactie", Map.of("option", "b")), 403,
                "Dit is de poging van iemand anders");
        assertAnswer(bo.get("/courses/proef/attempts/" + attempt), 403, "Dit is de poging van iemand anders");
        assertEquals(before, answers());
    }

    @Test
    void a_branching_step_that_is_not_current_or_a_choice_that_does_not_exist_is_refused() {
        Http an = new Http(server).signIn("an@example.be");
        long attempt = startAttempt(an, "avonddienst");
        long before = answers();
        String base = "/courses/proef/attempts/" + attempt + "/steps/";
        assertAnswer(an.post(base + "gesprek", Map.of("choice", "luisteren")), 400, "niet (meer) aan de beurt");
        assertAnswer(an.post(base + "telefoon", Map.of("choice", "weglopen")), 400, "hoort niet bij deze vraag");
        assertAnswer(an.post(base + "telefoon", Map.of()), 400, "Kies eerst een antwoord.");
        assertEquals(before, answers());
    }

    @Test
    void starting_something_that_is_not_a_quiz_or_does_not_exist_is_refused() {
        Http an = new Http(server).signIn("an@example.be");
        long attempts = server.count("SELECT count(*) FROM quiz_attempt");
        assertAnswer(an.post("/courses/proef/activities/kleine-dingen/start", Map.of()), 400, "Dit is geen casus of quiz");
        assertAnswer(an.post("/courses/proef/activities/niets/start", Map.of()), 404, "Deze oefening bestaat niet");
        assertEquals(attempts, server.count("SELECT count(*) FROM quiz_attempt"));
    }

    @Test
    void a_reflection_without_text_or_with_too_much_is_refused() {
        Http an = new Http(server).signIn("an@example.be");
        long before = server.count("SELECT count(*) FROM reflection");
        assertAnswer(an.post("/courses/proef/reflections/kleine-dingen", Map.of("nonce", "n1")), 400, "Schrijf eerst je reflectie");
        assertAnswer(an.post("/courses/proef/reflections/kleine-dingen", Map.of("nonce", "n2", "body", "x".repeat(20_001))),
                400, "te lang");
        assertAnswer(an.post("/courses/proef/reflections/dag-vier", Map.of("nonce", "n3", "body", "tekst")), 404,
                "Deze oefening bestaat niet");
        assertEquals(before, server.count("SELECT count(*) FROM reflection"));
    }
}
