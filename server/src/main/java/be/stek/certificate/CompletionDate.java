package be.stek.certificate;

import be.stek.course.Course;
import be.stek.progress.CourseStatus;
import be.stek.progress.ProgressRepository.LessonState;
import be.stek.quiz.AttemptRepository.Best;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The date a learner completed a course: the first moment at which {@link CourseStatus#achieved()} became true.
 * Neither lessons nor attempts store that moment, so it is found by replaying the finished lessons and attempts
 * in time order through the same rule the course page uses.
 */
final class CompletionDate {
    /** A finished attempt at an activity. */
    record Finished(String activity, double score, String finishedAt) {
    }

    private CompletionDate() {
    }

    /** The ISO-8601 time the course was achieved, or empty when it never was. */
    static Optional<String> of(Course course, Map<String, LessonState> lessons, List<Finished> attempts) {
        List<String> moments = Stream.concat(
                        lessons.values().stream().filter(LessonState::done).map(LessonState::doneAt),
                        attempts.stream().map(Finished::finishedAt))
                .filter(t -> t != null).distinct().sorted().toList();
        return moments.stream().filter(t -> achievedAt(course, lessons, attempts, t)).findFirst();
    }

    private static boolean achievedAt(Course course, Map<String, LessonState> lessons, List<Finished> attempts,
                                      String moment) {
        Map<String, LessonState> doneThen = new HashMap<>();
        lessons.forEach((slug, s) -> {
            if (s.done() && s.doneAt() != null && s.doneAt().compareTo(moment) <= 0) {
                doneThen.put(slug, s);
            }
        });
        Map<String, Best> bestThen = new HashMap<>();
        attempts.stream().filter(a -> a.finishedAt().compareTo(moment) <= 0).forEach(a -> bestThen.merge(
                a.activity(), new Best(a.activity(), a.score(), 1, a.finishedAt()),
                (x, y) -> new Best(x.activity(), Math.max(x.score(), y.score()), x.attempts() + 1, moment)));
        return CourseStatus.of(course, doneThen, bestThen, moment).achieved();
    }
}
