package be.stek.course;

import java.nio.file.Path;
import java.util.Set;

/** The {@link BlockContext} of a block inside one lesson file. */
record LessonBlockContext(Path path, String file, String lessonSlug, Set<String> lessonSlugs, int line, Links links,
                          Problems problems, Markdown markdown) implements BlockContext {

    @Override
    public String markdown(String text, int atLine) {
        return markdown.render(text, source(atLine), false).html();
    }

    @Override
    public String inline(String text, int atLine) {
        return markdown.inline(text, source(atLine));
    }

    @Override
    public String mediaUrl(String mediaPath, int atLine) {
        Links.Target t = links.media(path, mediaPath);
        if (t.problem() != null) {
            problems.add(file, atLine, t.problem());
            return null;
        }
        if (t.isPlainText()) {
            problems.warn(file, atLine, t.warning());
        }
        return t.url();
    }

    @Override
    public boolean hasLesson(String slug) {
        return lessonSlugs.contains(slug);
    }

    private Markdown.Source source(int atLine) {
        // Markdown inside YAML: problems are reported from the line of the YAML value on.
        return new Markdown.Source(path, file, atLine, links, problems);
    }
}
