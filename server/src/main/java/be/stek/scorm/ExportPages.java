package be.stek.scorm;

import be.stek.course.Course;
import be.stek.course.Glossary;
import be.stek.course.Lesson;
import be.stek.web.Messages;
import be.stek.web.Templates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The static pages of an exported course, under {@code pages/}: the introduction, every lesson and appendix (its
 * HTML as Stek rendered it, with a placeholder where each activity stands) and the glossary.
 */
final class ExportPages {
    static final String INTRO = "00-inleiding.html";
    static final String GLOSSARY = "woordenlijst.html";

    /** One page; {@code counts} is true for lessons (they must be visited for completion). */
    record Page(String file, String title, boolean counts, String html) {
    }

    private ExportPages() {
    }

    /** Page file names by lesson slug; {@code ""} is the introduction. */
    static Map<String, String> files(Course course) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("", INTRO);
        for (Lesson l : all(course)) {
            files.put(l.slug(), String.format(Locale.ROOT, "%02d-%s.html", l.number(), l.slug()));
        }
        return files;
    }

    static List<Page> render(Course course, Glossary glossary, LinkRewriter links, Templates templates, Messages m) {
        Map<String, String> files = files(course);
        List<Page> pages = new ArrayList<>();
        pages.add(page(templates, m, course, INTRO, course.title(), false, List.of(segment(links.rewrite(
                course.introHtml()), null)), course.meta().objectives()));
        for (Lesson l : all(course)) {
            List<Map<String, Object>> segments = l.segments().stream().map(s -> segment(links.rewrite(s.html()),
                    s.activity() == null ? null : course.activity(s.activity()).orElse(null))).toList();
            pages.add(page(templates, m, course, files.get(l.slug()), l.title(), !l.appendix(), segments, List.of()));
        }
        pages.add(page(templates, m, course, GLOSSARY, glossary.title(), false,
                List.of(segment(links.rewrite(glossary.html()), null)), List.of()));
        return pages;
    }

    private static List<Lesson> all(Course course) {
        List<Lesson> all = new ArrayList<>(course.lessons());
        all.addAll(course.appendices());
        return all;
    }

    private static Map<String, Object> segment(String html, Object activity) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("html", html);
        s.put("activity", activity);
        return s;
    }

    private static Page page(Templates templates, Messages m, Course course, String file, String title, boolean counts,
                             List<Map<String, Object>> segments, List<String> objectives) {
        Map<String, Object> model = CourseData.map("courseTitle", course.title(), "pageTitle", title,
                "segments", segments, "objectives", objectives, "summary", INTRO.equals(file)
                        ? course.meta().summary() : null);
        return new Page(file, title, counts, templates.render("scorm/export/page", model, m));
    }
}
