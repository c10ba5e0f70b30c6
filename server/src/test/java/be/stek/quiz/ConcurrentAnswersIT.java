package be.stek.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.store.Sql;
import be.stek.testing.Concurrently;
import be.stek.testing.Http;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers posted at the same moment (a double click, two tabs, a flaky network resending): every attempt still
 * finishes, once, with the right score and one stored answer per question or step.
 */
class ConcurrentAnswersIT {
    private static final int POSTS = 50;
    private static final int THREADS = 16;
    private static final int ROUNDS = 5;

    @TempDir
    static Path data;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(data);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    record Stored(String question, int position, double score) {
    }

    record Finished(String finishedAt, Double score, String ending) {
    }

    private static List<Stored> stored(String attempt) {
        return server.db().read(c -> Sql.list(c, "SELECT question, position, score FROM answer WHERE attempt_id = ? ORDER BY position",
                rs -> new Stored(rs.getString(1), rs.getInt(2), rs.getDouble(3)), id(attempt)));
    }

    private static Finished finished(String attempt) {
        return server.db().read(c -> Sql.one(c, "SELECT finished_at, score, ending FROM quiz_attempt WHERE id = ?",
                rs -> new Finished(rs.getString(1), Sql.doubleOrNull(rs, "score"), rs.getString(3)), id(attempt)))
                .orElseThrow();
    }

    private static long id(String attempt) {
        return Long.parseLong(attempt.substring(attempt.lastIndexOf('/') + 1));
    }

    /** One open connection per thread, so that the posts reach the server together. */
    private static List<Http> tabs(Http h) {
        List<Http> tabs = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            tabs.add(h.twin());
        }
        return tabs;
    }

    private static String start(Http h, String activity) {
        var r = h.post("/courses/proef/activities/" + activity + "/start", Map.of());
        assertEquals(303, r.statusCode());
        return r.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void fifty_answers_at_once_to_the_last_questions_finish_the_attempt_once_with_the_right_score() throws Exception {
        server.addUser("vignet@example.be", "Vignet", Role.LEARNER);
        Http h = new Http(server).signIn("vignet@example.be");
        List<Http> tabs = tabs(h);
        for (int round = 1; round <= ROUNDS; round++) {
            String attempt = start(h, "dag-vier");
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < POSTS; i++) {
                Http tab = tabs.get(i % tabs.size());
                // "reactie" a scores 0, "signalen" huilen + slapen scores 1: the attempt's score must be 0.5.
                boolean reactie = i % 2 == 0;
                String path = attempt + "/questions/" + (reactie ? "reactie" : "signalen");
                String body = reactie ? "option=a" : "option=huilen&option=slapen";
                posts.add(() -> tab.postRaw(path, body + "&_csrf=" + tab.csrf(), "application/x-www-form-urlencoded")
                        .statusCode());
            }
            List<Integer> statuses = Concurrently.run(THREADS, posts);

            assertTrue(statuses.stream().allMatch(s -> s == 303), "every post is acknowledged: " + statuses);
            List<Stored> answers = stored(attempt);
            assertEquals(2, answers.size(), "one stored answer per question: " + answers);
            assertEquals(List.of(1, 2), answers.stream().map(Stored::position).toList());
            Finished f = finished(attempt);
            assertTrue(f.finishedAt() != null, "the attempt is finished");
            assertEquals(0.5, f.score(), 1e-9);
            assertEquals(round, server.count("SELECT count(*) FROM quiz_attempt WHERE activity = 'dag-vier'"),
                    "finished exactly once: no attempt started by the late posts");
            assertTrue(h.get("/courses/proef/lessons/eerste-les").body().contains("Beste score 50%"),
                    "the learner sees the result on the lesson page");
        }
    }

    @Test
    void fifty_choices_at_once_in_a_branching_vignette_store_one_path_and_finish_it_once() throws Exception {
        server.addUser("pad@example.be", "Pad", Role.LEARNER);
        Http h = new Http(server).signIn("pad@example.be");
        List<Http> tabs = tabs(h);
        for (int round = 1; round <= ROUNDS; round++) {
            String attempt = start(h, "avonddienst");
            assertEquals(303, h.post(attempt + "/steps/telefoon", Map.of("choice", "opnemen")).statusCode());
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < POSTS; i++) {
                Http tab = tabs.get(i % tabs.size());
                // The first step resent, and the last one with both of its choices, at once.
                String path = attempt + "/steps/" + (i % 3 == 0 ? "telefoon" : "gesprek");
                String body = i % 3 == 0 ? "choice=opnemen" : i % 3 == 1 ? "choice=luisteren" : "choice=advies";
                posts.add(() -> tab.postRaw(path, body + "&_csrf=" + tab.csrf(), "application/x-www-form-urlencoded")
                        .statusCode());
            }
            List<Integer> statuses = Concurrently.run(THREADS, posts);

            assertTrue(statuses.stream().allMatch(s -> s == 303), "every post is acknowledged: " + statuses);
            List<Stored> answers = stored(attempt);
            assertEquals(List.of("telefoon", "gesprek"), answers.stream().map(Stored::question).toList(),
                    "one stored choice per step, in order: " + answers);
            assertEquals(List.of(1, 2), answers.stream().map(Stored::position).toList());
            Finished f = finished(attempt);
            assertTrue(f.finishedAt() != null, "the attempt is finished");
            assertEquals("samen", f.ending());
            assertEquals((answers.get(0).score() + answers.get(1).score()) / 2, f.score(), 1e-9,
                    "the score is the mean of the path that was stored");
            assertTrue(h.get(attempt).body().contains("Samen verder"), "the learner sees the ending");
        }
    }
}
