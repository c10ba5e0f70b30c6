package be.stek.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.course.Course;
import be.stek.course.CourseLoader;
import be.stek.quiz.AttemptRepository;
import be.stek.quiz.QuizBlocks;
import be.stek.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Completion and success on the fixture course: three lessons, three graded vignettes, pass mark 80 %. */
class CourseStatusTest {
    static Course proef() {
        return new CourseLoader(TestServer.fixture("courses"), TestServer.fixture("media"), List.of(new QuizBlocks()))
                .load().courses().get(0);
    }

    static Map<String, ProgressRepository.LessonState> done(String... lessons) {
        Map<String, ProgressRepository.LessonState> m = new java.util.HashMap<>();
        for (String l : lessons) {
            m.put(l, new ProgressRepository.LessonState(l, "done", "t", "t"));
        }
        return m;
    }

    static AttemptRepository.Best best(String id, double score) {
        return new AttemptRepository.Best(id, score, 1, "t");
    }

    @Test
    void nothing_done_is_not_started_and_not_yet_passed() {
        CourseStatus s = CourseStatus.of(proef(), Map.of(), Map.of(), null);
        assertEquals("not-started", s.state());
        assertEquals(0, s.percent());
        assertFalse(s.passed());
    }

    @Test
    void all_lessons_without_the_vignettes_is_not_complete() {
        CourseStatus s = CourseStatus.of(proef(), done("eerste-les", "tweede-les", "derde-les"), Map.of(), "t");
        assertFalse(s.complete());
        assertEquals(50, s.percent());
    }

    @Test
    void completion_and_success_are_separate() {
        Course c = proef();
        var lessons = done("eerste-les", "tweede-les", "derde-les");
        CourseStatus low = CourseStatus.of(c, lessons, Map.of("dag-vier", best("dag-vier", 1), "wannes",
                best("wannes", 0.5), "avonddienst", best("avonddienst", 0.5)), "t");
        assertTrue(low.complete());
        assertFalse(low.passed(), "average 66.7 % is under the 80 % pass mark");
        assertFalse(low.achieved());
        CourseStatus high = CourseStatus.of(c, lessons, Map.of("dag-vier", best("dag-vier", 1), "wannes",
                best("wannes", 1), "avonddienst", best("avonddienst", 0.5)), "t");
        assertTrue(high.passed());
        assertTrue(high.achieved());
    }

    @Test
    void a_course_without_pass_mark_has_no_success_state() {
        Course c = proef();
        Course noMark = new Course(c.slug(), new be.stek.course.CourseMeta(c.title(), "s", List.of(), 1, List.of(), "1",
                "nl-BE", null, 1), "", c.lessons(), c.appendices(), c.activities());
        assertNull(CourseStatus.of(noMark, Map.of(), Map.of(), null).passed());
    }
}
