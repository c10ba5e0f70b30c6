package be.stek.course;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A loaded, valid course: its header, rendered introduction, lessons, appendix pages and activities. */
public record Course(String slug, CourseMeta meta, String introHtml, List<Lesson> lessons, List<Lesson> appendices,
                     Map<String, Activity> activities) {

    /** A lesson or appendix page by slug. */
    public Optional<Lesson> page(String lessonSlug) {
        return java.util.stream.Stream.concat(lessons.stream(), appendices.stream())
                .filter(l -> l.slug().equals(lessonSlug)).findFirst();
    }

    /** The lesson after this one, if any (appendix pages have none). */
    public Optional<Lesson> next(Lesson lesson) {
        int i = lessons.indexOf(lesson);
        return i >= 0 && i + 1 < lessons.size() ? Optional.of(lessons.get(i + 1)) : Optional.empty();
    }

    public Optional<Lesson> previous(Lesson lesson) {
        int i = lessons.indexOf(lesson);
        return i > 0 ? Optional.of(lessons.get(i - 1)) : Optional.empty();
    }

    public Optional<Activity> activity(String id) {
        return Optional.ofNullable(activities.get(id));
    }

    /** The activities that count for completion, in lesson order. */
    public List<Activity> gradedActivities() {
        return activities.values().stream().filter(Activity::graded).toList();
    }

    public String title() {
        return meta.title();
    }
}
