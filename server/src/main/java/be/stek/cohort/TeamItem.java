package be.stek.cohort;

import be.stek.course.Activity;
import be.stek.course.Course;
import be.stek.quiz.Question;
import be.stek.quiz.Reflection;
import be.stek.quiz.Vignette;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Something a team can answer together: one question of a vignette (with its case) or a reflection prompt.
 * Its key is {@code course|activity|question} (question empty for a reflection).
 */
public record TeamItem(Course course, Activity activity, Question question) {

    public String key() {
        return course.slug() + "|" + activity.id() + "|" + (question == null ? "" : question.id());
    }

    public boolean reflection() {
        return activity instanceof Reflection;
    }

    /** The case text of the vignette, or null. */
    public String caseHtml() {
        return activity instanceof Vignette v ? v.caseHtml() : null;
    }

    /** Every item of the courses: reflection prompts suited to teams first, then every vignette question. */
    static List<TeamItem> all(List<Course> courses) {
        List<TeamItem> items = new ArrayList<>();
        for (Course c : courses) {
            c.activities().values().stream().filter(a -> a instanceof Reflection r && r.team())
                    .forEach(a -> items.add(new TeamItem(c, a, null)));
            c.activities().values().stream().filter(a -> a instanceof Vignette).map(a -> (Vignette) a)
                    .forEach(v -> v.questions().forEach(q -> items.add(new TeamItem(c, v, q))));
        }
        return items;
    }

    static Optional<TeamItem> find(Course course, String activityId, String questionId) {
        Activity a = course.activity(activityId).orElse(null);
        if (a instanceof Reflection && (questionId == null || questionId.isEmpty())) {
            return Optional.of(new TeamItem(course, a, null));
        }
        if (a instanceof Vignette v && questionId != null) {
            return v.question(questionId).map(q -> new TeamItem(course, v, q));
        }
        return Optional.empty();
    }
}
