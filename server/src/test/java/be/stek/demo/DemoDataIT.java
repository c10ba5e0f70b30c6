package be.stek.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.course.Course;
import be.stek.learner.Passwords;
import be.stek.quiz.Vignette;
import be.stek.store.Sql;
import be.stek.testing.Http;
import be.stek.testing.LargeCohort;
import be.stek.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stek demo-data}: counts, real questions, refusal of a database with learners, and a dashboard that shows them. */
class DemoDataIT {

    @Test
    void demo_data_fills_cohorts_with_answers_to_real_questions_and_their_dashboards_render(@TempDir Path data)
            throws Exception {
        try (TestServer server = TestServer.start(data)) {
            List<Course> courses = LargeCohort.fixtureCourses();
            DemoData demo = new DemoData(server.db(), courses, Passwords.hash(TestServer.PASSWORD));
            DemoData.Summary s = demo.fill(30, 2, false, Instant.now(), 7);

            assertEquals(30, s.learners());
            assertEquals(2, s.cohorts());
            assertEquals(30, server.count("SELECT count(*) FROM learner WHERE role = 'learner'"));
            assertEquals(2, server.count("SELECT count(*) FROM learner WHERE role = 'facilitator'"));
            assertEquals(32, server.count("SELECT count(*) FROM cohort_member"));
            assertEquals(s.answers(), server.count("SELECT count(*) FROM answer"));
            assertEquals(s.attempts(), server.count("SELECT count(*) FROM quiz_attempt"));
            assertEquals(s.reflections(), server.count("SELECT count(*) FROM reflection"));
            assertTrue(s.answers() > 30 && s.reflections() > 0, "answers and reflections were made: " + s);
            assertEquals(0, server.count("SELECT count(*) FROM quiz_attempt WHERE finished_at > ?", Instant.now()),
                    "nothing happens in the future");

            Set<String> questions = new HashSet<>();
            courses.forEach(c -> c.activities().values().forEach(a -> {
                if (a instanceof Vignette v) {
                    v.questions().forEach(q -> questions.add(q.id()));
                }
            }));
            List<String> answered = server.db().read(c -> Sql.list(c,
                    "SELECT DISTINCT question FROM answer WHERE question_kind <> 'branching'", rs -> rs.getString(1)));
            assertTrue(questions.containsAll(answered), "only the courses' questions: " + answered);
            double mean = server.count("SELECT round(avg(score) * 100) FROM answer") / 100.0;
            assertTrue(mean > 0.4 && mean < 0.95, "scores are spread, not all right or all wrong: " + mean);

            DemoData.NotEmpty refused = assertThrows(DemoData.NotEmpty.class,
                    () -> demo.fill(5, 1, false, Instant.now(), 8));
            assertTrue(refused.getMessage().contains("--add"), refused.getMessage());
            assertEquals(30, server.count("SELECT count(*) FROM learner WHERE role = 'learner'"), "nothing added");
            demo.fill(5, 1, true, Instant.now(), 8);
            assertEquals(35, server.count("SELECT count(*) FROM learner WHERE role = 'learner'"));

            long cohort = server.count("SELECT min(id) FROM cohort");
            long members = server.count("SELECT count(*) FROM cohort_member WHERE cohort_id = ? AND role = 'learner'",
                    cohort);
            String lead = server.db().read(c -> Sql.one(c, """
                    SELECT l.email FROM learner l JOIN cohort_member m ON m.learner_id = l.id
                    WHERE m.cohort_id = ? AND m.role = 'facilitator'""", rs -> rs.getString(1), cohort)).orElseThrow();
            Http http = new Http(server).signIn(lead);
            HttpResponse<String> dashboard = http.get("/cohorts/" + cohort + "/dashboard");
            assertEquals(200, dashboard.statusCode(), dashboard.body());
            assertTrue(dashboard.body().contains(members + " van " + members + " deelnemers"), dashboard.body());
            HttpResponse<String> items = http.get("/cohorts/" + cohort + "/items?course=proef");
            assertEquals(200, items.statusCode(), items.body());
        }
    }
}
