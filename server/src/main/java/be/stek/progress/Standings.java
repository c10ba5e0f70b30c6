package be.stek.progress;

import be.stek.course.Course;
import be.stek.quiz.AttemptRepository;
import java.util.Map;

/** Computes a learner's {@link CourseStatus} from lesson progress and vignette attempts. */
public final class Standings {
    private final ProgressRepository progress;
    private final AttemptRepository attempts;

    public Standings(ProgressRepository progress, AttemptRepository attempts) {
        this.progress = progress;
        this.attempts = attempts;
    }

    public CourseStatus of(long learnerId, Course course) {
        return of(learnerId, course, progress.lastSeenPerCourse(learnerId), attempts.lastActivity(learnerId));
    }

    /** The same, with the per-course last-activity maps read once for many courses. */
    public CourseStatus of(long learnerId, Course course, Map<String, String> lessonsSeen,
                           Map<String, String> attemptsSeen) {
        String last = latest(lessonsSeen.get(course.slug()), attemptsSeen.get(course.slug()));
        return CourseStatus.of(course, progress.states(learnerId, course.slug()),
                attempts.best(learnerId, course.slug()), last);
    }

    public Map<String, String> lessonsSeen(long learnerId) {
        return progress.lastSeenPerCourse(learnerId);
    }

    public Map<String, String> attemptsSeen(long learnerId) {
        return attempts.lastActivity(learnerId);
    }

    private static String latest(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
