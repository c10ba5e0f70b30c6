package be.stek.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.stek.course.Course;
import be.stek.course.CourseLoader;
import be.stek.progress.ProgressRepository.LessonState;
import be.stek.quiz.QuizBlocks;
import be.stek.testing.TestServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The completion date is the moment the last requirement was met, on the fixture course (pass mark 80 %). */
class CompletionDateTest {
    static final Course PROEF = new CourseLoader(TestServer.fixture("courses"), TestServer.fixture("media"),
            List.of(new QuizBlocks())).load().courses().get(0);

    static String day(int d) {
        return "2026-03-%02dT10:00:00.000Z".formatted(d);
    }

    static Map<String, LessonState> lessonsDoneOn(int first, int second, int third) {
        Map<String, LessonState> m = new HashMap<>();
        m.put("eerste-les", new LessonState("eerste-les", "done", day(first), day(first)));
        m.put("tweede-les", new LessonState("tweede-les", "done", day(second), day(second)));
        m.put("derde-les", new LessonState("derde-les", "done", day(third), day(third)));
        return m;
    }

    static CompletionDate.Finished attempt(String activity, double score, int d) {
        return new CompletionDate.Finished(activity, score, day(d));
    }

    @Test
    void the_last_vignette_that_lifts_the_average_over_the_pass_mark_sets_the_date() {
        var attempts = List.of(attempt("dag-vier", 0.5, 4), attempt("wannes", 1.0, 5), attempt("avonddienst", 1.0, 6));
        assertEquals(Optional.of(day(6)), CompletionDate.of(PROEF, lessonsDoneOn(1, 2, 3), attempts));
    }

    @Test
    void a_retry_that_passes_counts_not_the_first_failing_round() {
        var attempts = List.of(attempt("dag-vier", 0.25, 4), attempt("wannes", 1.0, 5),
                attempt("avonddienst", 1.0, 6), attempt("dag-vier", 0.0, 7), attempt("dag-vier", 1.0, 8));
        assertEquals(Optional.of(day(8)), CompletionDate.of(PROEF, lessonsDoneOn(1, 2, 3), attempts));
    }

    @Test
    void a_lesson_finished_after_every_vignette_sets_the_date() {
        var attempts = List.of(attempt("dag-vier", 1.0, 4), attempt("wannes", 1.0, 5), attempt("avonddienst", 1.0, 6));
        assertEquals(Optional.of(day(9)), CompletionDate.of(PROEF, lessonsDoneOn(1, 2, 9), attempts));
    }

    @Test
    void a_course_never_achieved_has_no_date() {
        var attempts = List.of(attempt("dag-vier", 0.2, 4), attempt("wannes", 0.5, 5), attempt("avonddienst", 1.0, 6));
        assertEquals(Optional.empty(), CompletionDate.of(PROEF, lessonsDoneOn(1, 2, 3), attempts));
        assertEquals(Optional.empty(), CompletionDate.of(PROEF, Map.of(), List.of()));
    }
}
