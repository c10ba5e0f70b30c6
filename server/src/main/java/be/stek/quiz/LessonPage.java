package be.stek.quiz;

import be.stek.course.Course;
import be.stek.web.Ctx;
import be.stek.web.Form;
import be.stek.web.Result;

/**
 * The lesson page with a form on it that came back with errors (a reflection). The progress feature builds lesson
 * pages; this lets the quiz feature show one again without depending on it.
 */
@FunctionalInterface
public interface LessonPage {
    Result show(Ctx ctx, Course course, String lesson, Form form);
}
