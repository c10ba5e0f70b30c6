package be.stek.learner;

import static be.stek.testing.Answers.assertAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Browser;
import be.stek.testing.Concurrently;
import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing up with an invitation code: a code with one use admits one person however many try at once; the answer
 * never tells whether an e-mail address has an account; someone with an account joins with the code themselves.
 */
class SignUpIT {
    @TempDir
    static Path data;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(data);
        server.addUser("an@example.be", "An Peeters", Role.LEARNER);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<String> signUp(Http h, String code, String email, String password) {
        return h.post("/signup", Map.of("code", code, "name", "Nieuw", "email", email, "password", password,
                "password2", password));
    }

    @Test
    void two_sign_ups_at_once_with_a_code_for_one_person_create_one_account() throws Exception {
        for (int round = 0; round < 5; round++) {
            String code = server.invitation("Eenmalig " + round, null, 1);
            Http first = new Http(server);
            Http second = new Http(server);
            first.csrf();
            second.csrf();
            String a = "eerste" + round + "@example.be";
            String b = "tweede" + round + "@example.be";
            List<Callable<Integer>> both = List.of(() -> signUp(first, code, a, TestServer.PASSWORD).statusCode(),
                    () -> signUp(second, code, b, TestServer.PASSWORD).statusCode());

            List<Integer> statuses = Concurrently.run(2, both);

            assertEquals(List.of(303, 400), statuses.stream().sorted().toList(), "one is admitted, one is told why not");
            assertEquals(1, server.count("SELECT count(*) FROM learner WHERE email IN (?, ?)", a, b));
            assertEquals(1, server.count("SELECT uses FROM invitation WHERE code = ?", code));
            assertEquals(1, server.count("SELECT count(*) FROM cohort_member m JOIN invitation i ON i.cohort_id = m.cohort_id"
                    + " WHERE i.code = ?", code));
        }
    }

    @Test
    void signing_up_with_an_address_that_has_an_account_answers_exactly_like_a_new_address() {
        String code = server.invitation("Team De Linde");
        long learners = server.count("SELECT count(*) FROM learner");

        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(signUp(new Http(server), code, "nieuw@example.be", TestServer.PASSWORD));
        answers.add(signUp(new Http(server), code, "AN@example.be", "iemand anders zijn wachtwoord"));
        for (HttpResponse<String> r : answers) {
            assertEquals(303, r.statusCode());
            assertEquals("/login", r.headers().firstValue("Location").orElseThrow());
            assertEquals(answers.get(0).body(), r.body());
            assertTrue(r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("stek_flash=flash.signedUp;")),
                    "the same message: " + r.headers().allValues("Set-Cookie"));
            assertTrue(r.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("stek_session=")),
                    "nobody is signed in by signing up");
        }
        assertEquals(learners + 1, server.count("SELECT count(*) FROM learner"), "only the new address got an account");
        assertEquals(0, server.count("SELECT count(*) FROM cohort_member m JOIN learner l ON l.id = m.learner_id"
                + " WHERE l.email = 'an@example.be'"), "nobody can put An in a cohort with her address");

        var signIn = new Http(server).post("/login", Map.of("email", "nieuw@example.be", "password", TestServer.PASSWORD));
        assertEquals(303, signIn.statusCode(), "the new account signs in");
        assertEquals(303, signUp(new Http(server), code, "an@example.be", TestServer.PASSWORD).statusCode());
        assertEquals(0, server.count("SELECT count(*) FROM cohort_member m JOIN learner l ON l.id = m.learner_id"
                + " WHERE l.email = 'an@example.be'"), "not even with An's own password: she joins once signed in");
    }

    @Test
    void someone_with_an_account_joins_a_cohort_by_opening_its_invitation_link() throws Exception {
        server.addUser("bo@example.be", "Bo", Role.LEARNER);
        String code = server.invitation("Vroedkunde 2e bach");
        try (Browser bo = new Browser(server)) {
            bo.signIn("bo@example.be", TestServer.PASSWORD);
            HtmlPage page = bo.open("/signup?code=" + code);
            assertTrue(page.asNormalizedText().contains("Je sluit aan bij de groep ‘Vroedkunde 2e bach’"),
                    page.asNormalizedText());
            page = Browser.submit(Browser.formWithAction(page, "/join"));
            assertEquals("/me", page.getUrl().getPath());
            assertTrue(page.asNormalizedText().contains("Je bent lid van de groep"), page.asNormalizedText());
        }
        assertEquals(1, server.count("SELECT count(*) FROM cohort_member m JOIN learner l ON l.id = m.learner_id"
                + " WHERE l.email = 'bo@example.be'"));
        Http bo = new Http(server).signIn("bo@example.be");
        assertAnswer(bo.post("/join", Map.of("code", "BESTAATNIET")), 400, "kennen we niet");
        bo.join(code);
        assertEquals(1, server.count("SELECT uses FROM invitation WHERE code = ?", code), "joining twice counts once");
    }
}
