package be.stek.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit endpoint on the content origin as the player's run-time uses it, with the launch token: JSON from Commit, text/plain from the beacon, each commit
 * applied once (by its sequence), on disk before the answer, nothing accepted after the final commit, suspend_data
 * up to 64,000 characters kept whole and anything longer refused rather than cut, and the storage limits (1,000
 * interactions per attempt, 10 MB per learner and package) answered as a refused commit with a message.
 */
class CommitEndpointIT {
    private static final Pattern COMMIT_URL = Pattern.compile("data-commit=\"([^\"]+)\"");
    private static final Pattern LAUNCHER = Pattern.compile("id=\"scorm-launcher\"[^>]* src=\"([^\"]+)\"");

    @Test
    void commits_are_applied_once_in_order_durably_and_never_after_the_final_one(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String slug = ResumeIT.importAsAdmin(server, "resume-2004");
            long lotte = server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            Http http = new Http(server).signIn("lotte@example.be");
            String url = launch(http, slug);

            assertEquals("applied", outcome(http.postRaw(url, body(1, "p1", "s1"), "application/json;charset=UTF-8")));
            assertEquals("duplicate", outcome(http.postRaw(url, body(1, "p-late", "s-late"), "text/plain;charset=UTF-8")));
            assertEquals("p1", ResumeIT.attemptValue(server, lotte, "location"), "a resent or late commit changes nothing");
            assertEquals("applied", outcome(http.postRaw(url + "?final=true", body(2, "p2", "s2"), "text/plain;charset=UTF-8")));
            assertEquals("closed", outcome(http.postRaw(url, body(3, "p3", "s3"), "application/json")));
            assertEquals("p2", ResumeIT.attemptValue(server, lotte, "location"));

            server.restart();
            assertEquals("p2", ResumeIT.attemptValue(server, lotte, "location"), "answered only once on disk");
            assertEquals("suspend", ResumeIT.attemptValue(server, lotte, "exit_mode"));
        }
    }

    @Test
    void suspend_data_of_64000_characters_is_kept_whole_and_longer_is_refused_not_cut(@TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String slug = ResumeIT.importAsAdmin(server, "resume-12");
            long lotte = server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            Http http = new Http(server).signIn("lotte@example.be");
            String url = launch(http, slug);
            String max = "é\"<&".repeat(16_000);

            assertEquals(200, http.postRaw(url, body12(1, max), "text/plain").statusCode());
            HttpResponse<String> tooLong = http.postRaw(url, body12(2, max + "x"), "text/plain");
            assertEquals(413, tooLong.statusCode());
            assertTrue(tooLong.body().contains("\"result\":false") && tooLong.body().contains("64000"), tooLong.body());
            assertEquals(max, server.db().read(c -> be.stek.store.Sql.one(c,
                    "SELECT suspend_data FROM scorm_attempt WHERE learner_id = ?", rs -> rs.getString(1), lotte)
                    .orElseThrow()), "stored whole, and not replaced by a cut-off version");
        }
    }

    @Test
    void a_commit_needs_the_launch_token_the_player_issued_and_a_body_stek_can_read(@TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String slug = ResumeIT.importAsAdmin(server, "resume-2004");
            server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            Http lotte = new Http(server).signIn("lotte@example.be");
            String url = launch(lotte, slug);
            String token = url.substring(url.lastIndexOf('/') + 1);
            String payload = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                    java.nio.charset.StandardCharsets.UTF_8);
            String otherItem = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    payload.replace("\"i\":\"sco\"", "\"i\":\"andere\"").getBytes(java.nio.charset.StandardCharsets.UTF_8));

            assertEquals(403, lotte.postRaw(url.replace(token, otherItem + token.substring(token.indexOf('.'))),
                    body(1, "x", "y"), "text/plain").statusCode(), "a token changed after signing");
            assertEquals(403, lotte.postRaw(url.replace(token, "zelfgemaakt.abc"), body(1, "x", "y"), "text/plain")
                    .statusCode());
            assertEquals(404, lotte.postRaw(server.url("/api/scorm/sessions/1.x/commit"), body(1, "x", "y"),
                    "text/plain").statusCode(), "Stek's own origin takes no commits");
            assertEquals(415, lotte.postRaw(url, "cmi=1", "application/x-www-form-urlencoded").statusCode());
            assertEquals(400, lotte.postRaw(url, "not json", "text/plain").statusCode());
            assertEquals(0, server.count("SELECT COUNT(*) FROM scorm_session"));
            assertEquals(0, server.count("SELECT COUNT(*) FROM scorm_attempt"));
        }
    }

    @Test
    void opening_the_player_stores_nothing_until_the_sco_commits(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String slug = ResumeIT.importAsAdmin(server, "resume-2004");
            server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            Http http = new Http(server).signIn("lotte@example.be");
            String before = scormRows(server);
            for (int i = 0; i < 3; i++) {
                launch(http, slug);
            }
            assertEquals(before, scormRows(server), "opening the player (no Initialize, no commit) wrote rows");
            assertEquals("applied", outcome(http.postRaw(launch(http, slug), body(1, "p1", "s1"), "application/json")));
            assertEquals("1 attempt(s), 1 session(s), 0 interaction(s)", scormRows(server),
                    "the first commit creates the attempt and its session");
        }
    }

    @Test
    void a_commit_past_1000_interactions_is_refused_with_a_message_and_changes_nothing(@TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String slug = ResumeIT.importAsAdmin(server, "resume-2004");
            long lotte = server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            Http http = new Http(server).signIn("lotte@example.be");
            String url = launch(http, slug);

            assertEquals("applied", outcome(http.postRaw(url, answers(1, 1_000), "application/json")));
            HttpResponse<String> refused = http.postRaw(url, answers(2, 1_001), "application/json");
            assertEquals(413, refused.statusCode());
            assertTrue(refused.body().contains("\"result\":false") && refused.body().contains("\"errorCode\":391")
                    && refused.body().contains("1000 antwoorden"), refused.body());
            assertEquals(1_000, server.count("SELECT COUNT(*) FROM scorm_interaction"));
            assertEquals("p1", ResumeIT.attemptValue(server, lotte, "location"));
        }
    }

    @Test
    void a_learner_past_10_mb_for_a_package_gets_a_refused_commit_and_may_still_store_less(@TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String slug = ResumeIT.importAsAdmin(server, "resume-2004");
            long lotte = server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            Http http = new Http(server).signIn("lotte@example.be");
            String url = launch(http, slug);
            assertEquals("applied", outcome(http.postRaw(url, body(1, "p1", "x".repeat(1_000)), "application/json")));
            // As if earlier attempts had stored almost 10 MB: the running count is what the commit checks.
            server.db().write(c -> be.stek.store.Sql.update(c, "UPDATE scorm_usage SET stored_bytes = ? "
                    + "WHERE learner_id = ?", 10L * 1024 * 1024 - 500, lotte));

            HttpResponse<String> refused = http.postRaw(url, body(2, "p2", "x".repeat(2_000)), "application/json");
            assertEquals(413, refused.statusCode());
            assertTrue(refused.body().contains("\"result\":false") && refused.body().contains("10 MB"),
                    refused.body());
            assertEquals("p1", ResumeIT.attemptValue(server, lotte, "location"));
            assertEquals("applied", outcome(http.postRaw(url, body(3, "p3", "x".repeat(100)), "application/json")),
                    "a commit that stores less than before is accepted");
            assertEquals("p3", ResumeIT.attemptValue(server, lotte, "location"));
        }
    }

    private static String answers(int sequence, int count) {
        Map<String, Object> interactions = new java.util.LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            interactions.put(String.valueOf(i), Map.of("id", "q" + i, "learner_response", "a", "result", "correct"));
        }
        return toJson(Map.of("commitSequence", sequence, "cmi", Map.of("location", "p" + sequence,
                "interactions", interactions)));
    }

    private static String scormRows(TestServer server) {
        return server.count("SELECT COUNT(*) FROM scorm_attempt") + " attempt(s), "
                + server.count("SELECT COUNT(*) FROM scorm_session") + " session(s), "
                + server.count("SELECT COUNT(*) FROM scorm_interaction") + " interaction(s)";
    }

    /** A measurement, not a timed test: commit latency on this machine, printed for the report. */
    @Test
    void commit_latency_is_measured(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String slug = ResumeIT.importAsAdmin(server, "resume-2004");
            server.addUser("lotte@example.be", "Lotte Peeters", Role.LEARNER);
            Http http = new Http(server).signIn("lotte@example.be");
            String url = launch(http, slug);
            String state = "x".repeat(4000);
            List<Long> micros = new ArrayList<>();
            for (int i = 1; i <= 300; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = http.postRaw(url, body(i, "p" + i, state), "application/json");
                micros.add((System.nanoTime() - t) / 1000);
                assertEquals(200, r.statusCode());
            }
            Collections.sort(micros);
            System.out.printf("SCORM commit latency over %d sequential commits (4 KB suspend_data, fsync per commit): "
                    + "p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", micros.size(), micros.get(150) / 1000.0,
                    micros.get(284) / 1000.0, micros.get(299) / 1000.0);
        }
    }

    /**
     * Opens the player page (a launch), then the run-time page it frames on the content origin, and returns the
     * commit URL that page hands the run-time (on the content origin, with the launch token).
     */
    static String launch(Http http, String slug) {
        String runtime = runtimeUrl(http, slug, "sco");
        Matcher m = COMMIT_URL.matcher(http.get(runtime).body());
        assertTrue(m.find(), runtime);
        return runtime.substring(0, runtime.indexOf("/launch/")) + m.group(1);
    }

    /** The address of the run-time page the player frames for an item. */
    static String runtimeUrl(Http http, String slug, String item) {
        String page = http.get("/scorm/packages/" + slug + "/play/" + item).body();
        Matcher m = LAUNCHER.matcher(page);
        assertTrue(m.find(), page);
        return m.group(1).replace("&amp;", "&");
    }

    private static String body(int sequence, String location, String suspend) {
        return toJson(Map.of("commitSequence", sequence, "cmi", Map.of("location", location, "suspend_data", suspend,
                "exit", "suspend", "session_time", "PT1S", "completion_status", "incomplete")));
    }

    private static String body12(int sequence, String suspend) {
        return toJson(Map.of("commitSequence", sequence, "cmi", Map.of("suspend_data", suspend,
                "core", Map.of("lesson_location", "p", "lesson_status", "incomplete"))));
    }

    private static String toJson(Object o) {
        try {
            return CommitParser.JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String outcome(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"result\":true"), r.body());
        Matcher m = Pattern.compile("\"outcome\":\"(\\w+)\"").matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }
}
