package be.stek.progress;

import be.stek.course.Course;
import be.stek.course.Lesson;
import java.util.List;
import java.util.Map;

/** Where "Verder gaan" takes a learner. Pure. */
final class Resume {
    private Resume() {
    }

    /**
     * The lesson last visited if it is not finished; otherwise the first unfinished lesson after it (wrapping
     * round); when everything is finished, the lesson last visited (or the first).
     */
    static Lesson lesson(Course course, Map<String, ProgressRepository.LessonState> states, String lastVisited) {
        List<Lesson> lessons = course.lessons();
        int from = 0;
        for (int i = 0; i < lessons.size(); i++) {
            if (lessons.get(i).slug().equals(lastVisited)) {
                from = i;
            }
        }
        for (int k = 0; k < lessons.size(); k++) {
            Lesson l = lessons.get((from + k) % lessons.size());
            var state = states.get(l.slug());
            if (state == null || !state.done()) {
                return l;
            }
        }
        return lessons.get(from);
    }
}
