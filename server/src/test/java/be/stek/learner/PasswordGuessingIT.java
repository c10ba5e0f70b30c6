package be.stek.learner;

import static be.stek.testing.Answers.assertAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every form that checks a password slows down guessing the way sign-in does, even for a signed-in session. */
class PasswordGuessingIT {

    @Test
    void guessing_the_current_password_or_the_deletion_password_is_throttled(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            server.addUser("an@example.be", "An", Role.LEARNER);
            server.addUser("bo@example.be", "Bo", Role.LEARNER);
            Http an = new Http(server).signIn("an@example.be");
            Http bo = new Http(server).signIn("bo@example.be");
            for (int i = 0; i < 5; i++) {
                assertAnswer(an.post("/account/password", Map.of("current", "gok nummer " + i, "password",
                        "nieuw wachtwoord!", "password2", "nieuw wachtwoord!")), 400, "huidige wachtwoord klopt niet");
                assertAnswer(bo.post("/me/data/delete", Map.of("password", "gok nummer " + i)), 400, "");
            }
            assertAnswer(an.post("/account/password", Map.of("current", TestServer.PASSWORD, "password",
                    "nieuw wachtwoord!", "password2", "nieuw wachtwoord!")), 429, "Te veel mislukte pogingen");
            assertAnswer(bo.post("/me/data/delete", Map.of("password", TestServer.PASSWORD)), 429,
                    "Te veel mislukte pogingen");
            assertEquals(2, server.count("SELECT count(*) FROM learner"), "nobody was deleted");
            String hash = server.db().read(c -> be.stek.store.Sql.one(c,
                    "SELECT password_hash FROM learner WHERE email = 'an@example.be'", rs -> rs.getString(1)).orElseThrow());
            assertEquals(true, Passwords.matches(TestServer.PASSWORD, hash), "the password did not change");
            assertEquals(429, new Http(server).post("/login", Map.of("email", "an@example.be", "password",
                    TestServer.PASSWORD)).statusCode(), "and signing in is slowed down too: it is one throttle");
        }
    }
}
