package be.stek.course;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads {@code leerpaden.md}: learning paths per audience, each a list of courses (and optionally lessons). */
final class LearningPaths {
    private static final Set<String> PATH_KEYS = Set.of("id", "title", "audience", "summary", "steps");
    private static final Set<String> STEP_KEYS = Set.of("course", "lessons", "note");

    private final String shown;

    LearningPaths(String shown) {
        this.shown = shown;
    }

    /** Reads the paths from the text of {@code leerpaden.md}. */
    List<LearningPath> load(String text, List<Course> courses, Problems problems) {
        var fm = FrontMatter.split(text, shown, problems);
        if (fm.isEmpty()) {
            return List.of();
        }
        fm.get().header().allowOnly(Set.of("title", "paths"));
        List<LearningPath> paths = new ArrayList<>();
        for (YamlTree p : fm.get().header().maps("paths", true)) {
            p.allowOnly(PATH_KEYS);
            String audience = p.string("audience", true);
            if (audience != null && !CourseLoader.AUDIENCES.contains(audience)) {
                p.problem("unknown audience `" + audience + "`");
            }
            List<LearningPath.Step> steps = p.maps("steps", true).stream().map(s -> step(s, courses)).toList();
            paths.add(new LearningPath(p.string("id", true), p.string("title", true), audience,
                    p.string("summary", true), steps));
        }
        return paths;
    }

    private static LearningPath.Step step(YamlTree s, List<Course> courses) {
        s.allowOnly(STEP_KEYS);
        String slug = s.string("course", true);
        List<String> lessons = s.strings("lessons", false);
        Course course = courses.stream().filter(c -> c.slug().equals(slug)).findFirst().orElse(null);
        if (slug != null && course == null) {
            s.problem("no (valid) course `" + slug + "`");
        } else if (course != null) {
            lessons.stream().filter(l -> course.page(l).isEmpty())
                    .forEach(l -> s.problem("course `" + slug + "` has no lesson `" + l + "`"));
        }
        return new LearningPath.Step(slug, lessons, s.string("note", false));
    }
}
