package be.stek.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import be.stek.testing.Http;
import be.stek.testing.Nginx;
import be.stek.testing.TestDatabases;
import be.stek.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Stek nodes on one PostgreSQL database and one data folder, as behind a load balancer: whichever node a request
 * lands on, a learner sees their own writes, and signing out or changing the password on one node counts on the
 * other at once, although both cache what they read. Also through nginx with the shipped configuration.
 */
class TwoNodesIT {

    @BeforeAll
    static void postgresqlOnly() {
        assumeTrue(TestDatabases.postgresql(), "several nodes share a PostgreSQL database (STEK_TEST_DATABASE)");
    }

    private static String journal(Http visitor) {
        HttpResponse<String> page = visitor.get("/courses/proef/journal");
        assertEquals(200, page.statusCode());
        return page.body();
    }

    private static HttpResponse<String> reflect(Http visitor, String text) {
        HttpResponse<String> r = visitor.post("/courses/proef/reflections/kleine-dingen",
                Map.of("body", text, "nonce", "n-" + System.nanoTime()));
        assertEquals(303, r.statusCode(), r.body());
        return r;
    }

    private static String node(HttpResponse<String> r) {
        return r.headers().firstValue("X-Stek-Node").orElse("?");
    }

    @Test
    void a_learner_sees_their_own_writes_on_the_other_node(@TempDir Path data) throws Exception {
        try (TestServer a = TestServer.start(data); TestServer b = TestServer.start(data)) {
            a.addUser("an@example.be", "An", Role.LEARNER);
            Http onA = new Http(a).signIn("an@example.be");
            Http onB = onA.on(b);
            assertTrue(!journal(onB).contains("Mona keek naar haar mama"), "B has read (and cached) the journal");

            reflect(onA, "Mona keek naar haar mama.");
            assertTrue(journal(onB).contains("Mona keek naar haar mama"), "the next request, on B, shows it");

            reflect(onB, "En toen lachte ze.");
            String onAgain = journal(onA);
            assertTrue(onAgain.contains("Mona keek naar haar mama") && onAgain.contains("En toen lachte ze"), onAgain);
        }
    }

    /**
     * Each node keeps a cohort's assignments, the package catalogue, a learner's package standings, what their groups
     * assign and their open team sessions, checked against versions in the database: a change made on the other node
     * shows at the next view.
     */
    @Test
    void what_a_node_keeps_about_cohorts_and_packages_follows_changes_made_on_the_other(@TempDir Path data)
            throws Exception {
        try (TestServer a = TestServer.start(data); TestServer b = TestServer.start(data)) {
            a.addUser("beheer@example.be", "Beheer", Role.ADMIN);
            a.addUser("trainer@example.be", "Trainer", Role.FACILITATOR);
            long lotteId = a.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            Http adminOnB = new Http(b).signIn("beheer@example.be");
            Http trainerOnA = new Http(a).signIn("trainer@example.be");
            Http trainerOnB = trainerOnA.on(b);
            String cohort = trainerOnA.post("/cohorts", Map.of("name", "Vroedkunde")).headers()
                    .firstValue("Location").orElseThrow();
            trainerOnA.post(cohort + "/codes", Map.of());
            Http lotteOnA = new Http(a).signIn("lotte@example.be").join(a.codeOf(cohort));
            Http lotteOnB = lotteOnA.on(b);
            String before = trainerOnA.get(cohort + "/dashboard").body();
            assertTrue(before.contains("Lotte Peeters") && !before.contains("/results\""), "no packages yet: " + before);
            assertFalse(lotteOnA.get("/me").body().contains("/scorm/packages/"), "no packages on Lotte's page yet");

            String slug = be.stek.scorm.ScormClient.importPackage(adminOnB, b::url, "resume-2004");
            assertTrue(trainerOnA.get(cohort + "/dashboard").body().contains("/scorm/packages/" + slug + "/results"),
                    "a package imported on B is a column on A");
            assertTrue(lotteOnA.get("/me").body().contains("/scorm/packages/" + slug), "and on Lotte's page on A");

            assertEquals(303, trainerOnB.post(cohort + "/courses", Map.of("course", "proef", "due", "2020-01-10"))
                    .statusCode());
            assertTrue(trainerOnA.get(cohort + "/dashboard").body().contains("te laat (was af tegen 10 januari 2020)"),
                    "a due date set on B shows on A's dashboard");
            assertTrue(lotteOnA.get("/me").body().contains("over tijd: af tegen 10 januari 2020"),
                    "and on Lotte's page on A");

            assertFalse(trainerOnA.get(cohort + "/dashboard").body().contains("· bezig"), "nothing started yet");
            String commit = be.stek.scorm.ScormClient.launch(lotteOnB, slug, "sco");
            assertTrue(be.stek.scorm.ScormClient.commit(lotteOnB, commit, 1, "pagina-3"));
            assertTrue(trainerOnA.get(cohort + "/dashboard").body().contains("· bezig"),
                    "Lotte's commit on B shows on A's dashboard");

            String view = trainerOnB.post(cohort + "/sessions", Map.of("item", "proef|kleine-dingen|", "minimum", "2"))
                    .headers().firstValue("Location").orElseThrow();
            String session = "/sessions" + view.substring(view.lastIndexOf('/'));
            assertTrue(lotteOnA.get("/me").body().contains("href=\"" + session + "\""),
                    "a team session opened on B invites Lotte on A");
            assertEquals(303, trainerOnB.post(view + "/close", Map.of()).statusCode());
            assertFalse(lotteOnA.get("/me").body().contains("href=\"" + session + "\""),
                    "closed on B: no longer on Lotte's page on A");

            assertEquals(303, trainerOnB.post(cohort + "/members/" + lotteId + "/remove", Map.of()).statusCode());
            assertFalse(lotteOnA.get("/me").body().contains("10 januari 2020"),
                    "removed from the group on B: its assignment is gone from Lotte's page on A");

            assertEquals(303, adminOnB.post("/admin/scorm/" + slug + "/archive", Map.of()).statusCode());
            assertFalse(trainerOnA.get(cohort + "/dashboard").body().contains("/scorm/packages/" + slug),
                    "a package archived on B is gone from A's dashboard");
            assertFalse(lotteOnA.get("/me").body().contains("/scorm/packages/" + slug),
                    "and from Lotte's page on A");
        }
    }

    @Test
    void signing_out_or_changing_the_password_on_one_node_counts_on_the_other_at_once(@TempDir Path data)
            throws Exception {
        try (TestServer a = TestServer.start(data); TestServer b = TestServer.start(data)) {
            a.addUser("an@example.be", "An", Role.LEARNER);
            Http laptop = new Http(a).signIn("an@example.be");
            Http sameSessionOnB = laptop.copy().on(b);
            assertEquals(200, sameSessionOnB.get("/me").statusCode(), "the session works on B");
            assertEquals(303, laptop.post("/logout", Map.of()).statusCode());
            assertEquals(303, sameSessionOnB.get("/me").statusCode(), "signed out on B too (the cookie is refused)");

            Http phone = new Http(b).signIn("an@example.be");
            Http tablet = new Http(a).signIn("an@example.be");
            assertEquals(200, phone.get("/me").statusCode());
            assertEquals(303, tablet.post("/account/password", Map.of("current", TestServer.PASSWORD,
                    "password", "een nieuw lang wachtwoord", "password2", "een nieuw lang wachtwoord")).statusCode());
            assertEquals(303, phone.get("/me").statusCode(), "the phone's session on B ended with the change on A");
            assertEquals(200, tablet.on(b).get("/me").statusCode(), "the session that changed it stays, on any node");
        }
    }

    @Test
    void password_guesses_spread_over_the_nodes_are_counted_together(@TempDir Path data) throws Exception {
        try (TestServer a = TestServer.start(data); TestServer b = TestServer.start(data)) {
            a.addUser("an@example.be", "An", Role.LEARNER);
            for (int i = 0; i < 5; i++) {
                TestServer node = i % 2 == 0 ? a : b;
                assertEquals(400, new Http(node).post("/login", Map.of("email", "an@example.be",
                        "password", "fout maar lang genoeg " + i)).statusCode());
            }
            assertEquals(429, new Http(b).post("/login", Map.of("email", "an@example.be",
                    "password", TestServer.PASSWORD)).statusCode(), "the sixth try waits, on whichever node");
            assertEquals(429, new Http(a).post("/login", Map.of("email", "an@example.be",
                    "password", TestServer.PASSWORD)).statusCode());
        }
    }

    @Test
    void the_setup_link_printed_last_works_on_every_node_and_only_once(@TempDir Path data) throws Exception {
        try (TestServer a = TestServer.start(data); TestServer b = TestServer.start(data)) {
            String first = a.app().setupPath();
            String last = b.app().setupPath();
            assertEquals(404, new Http(a).get(first).statusCode(), "B's start retired the link A printed");
            assertEquals(200, new Http(a).get(last).statusCode(), "B's link works on A");
            assertEquals(303, new Http(a).post(last, Map.of("name", "Beheer", "email", "beheer@example.be",
                    "password", TestServer.PASSWORD, "password2", TestServer.PASSWORD)).statusCode());
            assertEquals(410, new Http(b).get(last).statusCode(), "and is gone on B once used on A");
        }
    }

    @Test
    void through_nginx_both_nodes_serve_one_journey_and_keep_every_write(@TempDir Path data, @TempDir Path proxy)
            throws Exception {
        Nginx.assumeInstalled();
        try (TestServer a = TestServer.start(data, c -> c.withTrustedProxies(List.of("127.0.0.1")));
             TestServer b = TestServer.start(data, c -> c.withTrustedProxies(List.of("127.0.0.1")));
             Nginx nginx = Nginx.start(proxy, List.of(a.app().port(), b.app().port()),
                     List.of(a.app().contentPort(), b.app().contentPort()))) {
            a.addUser("an@example.be", "An", Role.LEARNER);
            Http an = Http.at(nginx::url).signIn("an@example.be");
            Set<String> nodes = new HashSet<>();
            for (int i = 1; i <= 6; i++) {
                // nginx alternates the nodes: each write lands on one node and the page after it on the other.
                String wroteOn = node(reflect(an, "Gedachte " + i + "."));
                HttpResponse<String> page = an.get("/courses/proef/journal");
                String readOn = node(page);
                nodes.add(wroteOn);
                nodes.add(readOn);
                for (int j = 1; j <= i; j++) {
                    assertTrue(page.body().contains("Gedachte " + j + "."), "write " + j + " is there after " + i
                            + " (written on " + wroteOn + ", read on " + readOn + ")");
                }
            }
            assertEquals(2, nodes.size(), "both nodes answered: " + nodes);
            assertEquals(6, a.count("SELECT count(*) FROM reflection"));
            assertTrue(Files.exists(proxy.resolve("nginx.pid")));
        }
    }

    @Test
    void scorm_packages_play_and_commit_through_the_content_origin_of_the_shipped_nginx_file(@TempDir Path data,
            @TempDir Path proxy) throws Exception {
        Nginx.assumeInstalled();
        int port = Nginx.freePort();
        int contentPort = Nginx.freePort();
        String content = "http://127.0.0.1:" + contentPort;
        java.util.function.UnaryOperator<be.stek.Config> behindNginx = c -> c.withTrustedProxies(List.of("127.0.0.1"))
                .withContent(new be.stek.Config.Content(0, content, be.stek.Config.Content.DEFAULT_CSP));
        try (TestServer a = TestServer.start(data, behindNginx);
             TestServer b = TestServer.start(data, behindNginx);
             Nginx nginx = Nginx.start(proxy, List.of(a.app().port(), b.app().port()),
                     List.of(a.app().contentPort(), b.app().contentPort()), port, contentPort)) {
            a.addUser("beheer@example.be", "Beheer", Role.ADMIN);
            String slug = be.stek.scorm.ScormClient.importPackage(Http.at(nginx::url).signIn("beheer@example.be"),
                    nginx::url, "resume-2004");
            // Four learners, so that the package files, the run-time pages and the commits are spread over both nodes.
            for (int i = 1; i <= 4; i++) {
                a.addUser("leerling" + i + "@example.be", "Leerling " + i, Role.LEARNER);
                Http learner = Http.at(nginx::url).signIn("leerling" + i + "@example.be");
                String commit = be.stek.scorm.ScormClient.launch(learner, slug, "sco");
                assertTrue(commit.startsWith(content + "/"), "the player commits to nginx's content origin: " + commit);
                assertTrue(be.stek.scorm.ScormClient.commit(learner, commit, 1, "plek-" + i), "commit " + i + " applied");
                assertEquals(1, a.count("SELECT count(*) FROM scorm_attempt WHERE location = 'plek-" + i + "'"),
                        "commit " + i + " stored");
            }
        }
    }
}
