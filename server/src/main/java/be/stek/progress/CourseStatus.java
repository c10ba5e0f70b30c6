package be.stek.progress;

import be.stek.course.Activity;
import be.stek.course.Course;
import be.stek.course.Lesson;
import be.stek.quiz.AttemptRepository;
import java.util.Map;

/**
 * Where a learner stands in a course. Completion: every lesson finished and every graded vignette answered at
 * least once. Success (only when the course sets a pass mark): every graded vignette answered and the average of
 * the best attempts at or above the mark. Computed, never stored, so it follows the course when it changes.
 */
public record CourseStatus(int lessonsDone, int lessonsTotal, int activitiesDone, int activitiesTotal, Double score,
                           Integer mastery, String lastActivity) {

    public static CourseStatus of(Course course, Map<String, ProgressRepository.LessonState> lessons,
                                  Map<String, AttemptRepository.Best> best, String lastActivity) {
        int done = (int) course.lessons().stream().map(Lesson::slug)
                .filter(s -> lessons.containsKey(s) && lessons.get(s).done()).count();
        var graded = course.gradedActivities();
        int attempted = (int) graded.stream().filter(a -> best.containsKey(a.id())).count();
        Double score = graded.isEmpty() ? null : graded.stream().map(Activity::id)
                .mapToDouble(id -> best.containsKey(id) ? best.get(id).score() : 0.0).average().orElse(0);
        return new CourseStatus(done, course.lessons().size(), attempted, graded.size(), score,
                course.meta().mastery(), lastActivity);
    }

    public boolean complete() {
        return lessonsDone == lessonsTotal && activitiesDone == activitiesTotal;
    }

    public boolean started() {
        return lastActivity != null || lessonsDone > 0 || activitiesDone > 0;
    }

    /** Passed, failed-so-far ("not yet"), or null when the course has no pass mark. */
    public Boolean passed() {
        if (mastery == null) {
            return null;
        }
        return activitiesDone == activitiesTotal && score != null && Math.round(score * 1000) >= mastery * 10L;
    }

    /** Completion and success together: what a certificate requires. */
    public boolean achieved() {
        return complete() && !Boolean.FALSE.equals(passed());
    }

    public int percent() {
        int total = lessonsTotal + activitiesTotal;
        return total == 0 ? 0 : (lessonsDone + activitiesDone) * 100 / total;
    }

    /** {@code not-started}, {@code in-progress} or {@code complete}. */
    public String state() {
        return complete() ? "complete" : started() ? "in-progress" : "not-started";
    }
}
