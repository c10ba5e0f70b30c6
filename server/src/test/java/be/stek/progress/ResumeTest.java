package be.stek.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResumeTest {
    @Test
    void a_new_learner_starts_at_the_first_lesson() {
        assertEquals("eerste-les", Resume.lesson(CourseStatusTest.proef(), Map.of(), null).slug());
    }

    @Test
    void an_unfinished_last_lesson_is_where_the_learner_left_off() {
        var states = CourseStatusTest.done("eerste-les");
        states.put("derde-les", new ProgressRepository.LessonState("derde-les", "started", "t", null));
        assertEquals("derde-les", Resume.lesson(CourseStatusTest.proef(), states, "derde-les").slug());
    }

    @Test
    void after_a_finished_lesson_the_next_unfinished_one_follows_wrapping_round() {
        var states = CourseStatusTest.done("tweede-les", "derde-les");
        assertEquals("eerste-les", Resume.lesson(CourseStatusTest.proef(), states, "derde-les").slug());
        assertEquals("tweede-les", Resume.lesson(CourseStatusTest.proef(), CourseStatusTest.done("eerste-les"),
                "eerste-les").slug());
    }
}
