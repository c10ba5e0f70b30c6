package be.stek.quiz;

import be.stek.course.Activity;
import be.stek.course.Course;
import be.stek.course.Lesson;
import be.stek.web.Tokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The state of a lesson's activities for one learner, as the lesson page shows them. */
public final class ActivityViews {

    /** One activity card: best result and open attempt (vignettes), earlier entries (reflections). */
    public record View(Activity activity, AttemptRepository.Best best, Long openAttempt,
                       List<ReflectionRepository.Entry> entries, String nonce) {
    }

    private final AttemptRepository attempts;
    private final ReflectionRepository reflections;

    public ActivityViews(AttemptRepository attempts, ReflectionRepository reflections) {
        this.attempts = attempts;
        this.reflections = reflections;
    }

    /** Views by activity id for the activities in a lesson. */
    public Map<String, View> forLesson(long learnerId, Course course, Lesson lesson) {
        Map<String, View> views = new LinkedHashMap<>();
        if (lesson.activityIds().isEmpty()) {
            return views;
        }
        Map<String, AttemptRepository.Summary> summaries = attempts.summaries(learnerId, course.slug());
        List<ReflectionRepository.Entry> journal = lesson.activityIds().stream()
                .anyMatch(id -> course.activity(id).orElse(null) instanceof Reflection)
                ? reflections.journal(learnerId, course.slug()) : List.of();
        for (String id : lesson.activityIds()) {
            Activity a = course.activity(id).orElseThrow();
            if (a instanceof Reflection) {
                views.put(id, new View(a, null, null,
                        journal.stream().filter(e -> e.prompt().equals(id)).toList(), Tokens.random()));
            } else {
                var summary = summaries.get(id);
                views.put(id, new View(a, summary == null ? null : summary.best(),
                        summary == null ? null : summary.openAttempt(), List.of(), null));
            }
        }
        return views;
    }
}
