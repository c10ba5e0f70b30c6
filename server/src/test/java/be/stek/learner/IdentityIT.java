package be.stek.learner;

import be.stek.testing.TestDatabases;
import static be.stek.testing.Answers.assertAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.store.Database;
import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions and tokens follow the person: a new password, a sign-in and a first admin each end what came before. */
class IdentityIT {
    private static final String NEW_PASSWORD = "een ander lang wachtwoord";

    @Test
    void changing_the_password_signs_out_every_other_session_and_keeps_this_one(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            server.addUser("an@example.be", "An", Role.LEARNER);
            Http phone = new Http(server).signIn("an@example.be");
            Http laptop = new Http(server).signIn("an@example.be");
            assertEquals(200, phone.get("/me").statusCode());

            var changed = laptop.post("/account/password", Map.of("current", TestServer.PASSWORD,
                    "password", NEW_PASSWORD, "password2", NEW_PASSWORD));
            assertEquals(303, changed.statusCode());
            assertAnswer(laptop.get("/account"), 200, "Op andere toestellen ben je afgemeld");

            var me = phone.get("/me");
            assertEquals(303, me.statusCode(), "the other session is signed out");
            assertTrue(me.headers().firstValue("Location").orElseThrow().startsWith("/login"));
            assertEquals(401, phone.post("/courses/proef/activities/dag-vier/start", Map.of()).statusCode());
            assertEquals(200, laptop.get("/me").statusCode(), "the session that changed the password stays");
            assertEquals(0, server.count("SELECT count(*) FROM quiz_attempt"));
        }
    }

    @Test
    void a_csrf_token_seen_before_sign_in_is_refused_after_it(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            server.addUser("an@example.be", "An", Role.LEARNER);
            Http h = new Http(server);
            String before = h.csrf();
            h.signIn("an@example.be");
            assertNotEquals(before, h.csrf(), "signing in gives a new token");

            assertAnswer(h.post("/courses/proef/activities/dag-vier/start", Map.of("_csrf", before)), 403,
                    "Dit formulier is verlopen");
            // Even with the old token planted back in the cookie (a cookie set by a neighbouring site, say).
            var planted = h.send(HttpRequest.newBuilder(URI.create(server.url("/courses/proef/activities/dag-vier/start")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "stek_session=" + h.cookie("stek_session") + "; stek_csrf=" + before)
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + before)).build());
            assertEquals(403, planted.statusCode());
            assertEquals(0, server.count("SELECT count(*) FROM quiz_attempt"), "nothing was done with the old token");

            assertEquals(303, h.post("/courses/proef/activities/dag-vier/start", Map.of()).statusCode(),
                    "the token of the page after sign-in works");
            assertEquals(1, server.count("SELECT count(*) FROM quiz_attempt"));
        }
    }

    @Test
    void the_setup_link_dies_when_an_admin_is_made_on_the_command_line(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String link = server.app().setupPath();
            assertEquals(200, new Http(server).get(link).statusCode());

            // What `stek user add --role admin` does, from its own process, on the same database file.
            try (Database cli = TestDatabases.open(data)) {
                new LearnerRepository(cli).create("beheer@example.be", "Beheer", Passwords.hash(TestServer.PASSWORD),
                        Role.ADMIN, Instant.now());
            }

            assertAnswer(new Http(server).get(link), 410, "Stek heeft al een beheerder");
            Http stranger = new Http(server);
            assertAnswer(stranger.post(link, Map.of("name", "Indringer", "email", "indringer@example.be",
                    "password", TestServer.PASSWORD, "password2", TestServer.PASSWORD)), 410, "al een beheerder");
            assertEquals(1, server.count("SELECT count(*) FROM learner"), "no second admin");
            assertEquals(410, new Http(server).get("/setup/iets-anders").statusCode());
        }
    }
}
