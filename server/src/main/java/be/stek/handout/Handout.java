package be.stek.handout;

import be.stek.course.Course;
import be.stek.course.Glossary;
import be.stek.course.Lesson;
import be.stek.web.Messages;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a module's handout says, as printable blocks: title and objectives, each lesson's «De kern», the module's
 * diagrams with their text version, the glossary entries its pages link to, and its sources page. The facilitator's
 * version adds the facilitator guide, the comprehension questions and the cases ({@link HandoutCases}), never a key.
 */
final class Handout {
    /** The heading every lesson ends with, whose section is that lesson's summary (Dutch, English). */
    static final Set<String> CORE_HEADINGS = Set.of("de kern", "the core");
    /** The appendix pages the handout prints, by slug (the file name without number). */
    static final String SOURCES = "bronnen";
    static final String GUIDE = "gids-voor-begeleiders";
    static final String QUESTIONS = "begripsvragen";
    private static final Pattern GLOSSARY_LINK = Pattern.compile("href=\"/woordenlijst#([^\"]+)\"");
    private static final Pattern GLOSSARY_HEADING = Pattern.compile("<h2[^>]*\\sid=\"([^\"]+)\"[^>]*>");

    private Handout() {
    }

    /** The messages in the module's own language, for the handout's few fixed words. */
    static Messages messages(Course course) {
        return Messages.of(course.meta().language().toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "nl");
    }

    static List<Block> of(Course course, Glossary glossary, boolean facilitator) {
        Messages m = messages(course);
        List<Block> out = new ArrayList<>();
        out.add(Block.title(course.title()));
        out.add(Block.note(m.get(facilitator ? "handout.subtitleFacilitator" : "handout.subtitle",
                course.meta().version(), course.meta().minutes())));
        out.add(Block.paragraph(course.meta().summary()));
        out.add(Block.heading(1, m.get("handout.objectives")));
        course.meta().objectives().forEach(o -> out.add(Block.item(1, "•", o)));
        lessons(course, m, out);
        diagrams(course, m, out);
        glossary(course, glossary, m, out);
        appendix(course, SOURCES, out);
        if (facilitator) {
            out.add(Block.pageBreak());
            appendix(course, GUIDE, out);
            appendix(course, QUESTIONS, out);
            out.add(Block.pageBreak());
            out.addAll(HandoutCases.of(course, m));
        }
        return out;
    }

    /** Each lesson's «De kern» under the lesson's title; a lesson without one is left out (check warns of it). */
    private static void lessons(Course course, Messages m, List<Block> out) {
        List<Block> found = new ArrayList<>();
        for (Lesson lesson : course.lessons()) {
            List<Block> core = core(blocks(lesson));
            if (!core.isEmpty()) {
                found.add(Block.heading(2, m.get("handout.lesson", lesson.number(), lesson.title())));
                core.forEach(b -> found.add(b.deeper(1)));
            }
        }
        if (!found.isEmpty()) {
            out.add(Block.heading(1, m.get("handout.lessons")));
            out.addAll(found);
        }
    }

    static List<Block> blocks(Lesson lesson) {
        StringBuilder html = new StringBuilder();
        lesson.segments().stream().filter(s -> s.html() != null).forEach(s -> html.append(s.html()).append('\n'));
        return HtmlBlocks.of(html.toString());
    }

    /** The blocks of a lesson's «De kern» section: after its heading, up to the next heading of its level. */
    static List<Block> core(List<Block> blocks) {
        List<Block> out = new ArrayList<>();
        Integer level = null;
        for (Block b : blocks) {
            if (level != null && b.isHeading() && b.level() <= level) {
                break;
            }
            if (level != null) {
                out.add(b);
            } else if (b.isHeading() && CORE_HEADINGS.contains(b.text().toLowerCase(Locale.ROOT).strip())) {
                level = b.level();
            }
        }
        return out;
    }

    /** Every image in the lessons with the text version that follows it ("Het schema in woorden"). */
    private static void diagrams(Course course, Messages m, List<Block> out) {
        List<Block> found = new ArrayList<>();
        for (Lesson lesson : course.lessons()) {
            List<Block> blocks = blocks(lesson);
            for (int i = 0; i < blocks.size(); i++) {
                if (blocks.get(i).kind() == Block.Kind.IMAGE) {
                    found.add(Block.heading(2, m.get("handout.diagramOf", lesson.number(), lesson.title())));
                    found.add(blocks.get(i));
                    found.addAll(inWords(blocks, i + 1));
                }
            }
        }
        if (!found.isEmpty()) {
            out.add(Block.heading(1, m.get("handout.diagrams")));
            out.addAll(found);
        }
    }

    /** The text version after an image: the list (or paragraphs) under a line that ends in "in woorden". */
    static List<Block> inWords(List<Block> blocks, int from) {
        List<Block> out = new ArrayList<>();
        int start = -1;
        for (int i = from; i < Math.min(blocks.size(), from + 3) && start < 0; i++) {
            String t = blocks.get(i).text().toLowerCase(Locale.ROOT);
            if (t.contains("in woorden") || t.contains("in words")) {
                start = i + 1;
                out.add(Block.strong(blocks.get(i).text()));
            }
        }
        boolean list = start >= 0 && start < blocks.size() && blocks.get(start).kind() == Block.Kind.ITEM;
        for (int i = Math.max(start, 0); start >= 0 && i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.isHeading() || b.kind() == Block.Kind.IMAGE || (list && b.kind() != Block.Kind.ITEM)) {
                break;
            }
            out.add(b);
        }
        return out;
    }

    /** The glossary entries the module's pages link to, in the glossary's order. */
    private static void glossary(Course course, Glossary glossary, Messages m, List<Block> out) {
        Set<String> linked = new LinkedHashSet<>();
        List<Lesson> pages = new ArrayList<>(course.lessons());
        pages.addAll(course.appendices());
        for (Lesson page : pages) {
            page.segments().stream().filter(s -> s.html() != null).forEach(s -> {
                Matcher l = GLOSSARY_LINK.matcher(s.html());
                while (l.find()) {
                    linked.add(l.group(1));
                }
            });
        }
        List<Block> entries = new ArrayList<>();
        Matcher h = GLOSSARY_HEADING.matcher(glossary.html());
        List<int[]> starts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        while (h.find()) {
            starts.add(new int[] {h.start()});
            ids.add(h.group(1));
        }
        for (int i = 0; i < ids.size(); i++) {
            if (linked.contains(ids.get(i))) {
                int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : glossary.html().length();
                HtmlBlocks.of(glossary.html().substring(starts.get(i)[0], end)).forEach(b -> entries.add(b.deeper(1)));
            }
        }
        if (!entries.isEmpty()) {
            out.add(Block.heading(1, m.get("handout.glossary")));
            out.addAll(entries);
        }
    }

    /** An appendix page, whole, under its own title. */
    private static void appendix(Course course, String slug, List<Block> out) {
        Optional<Lesson> page = course.appendices().stream().filter(a -> a.slug().equals(slug)).findFirst();
        page.ifPresent(p -> {
            out.add(Block.heading(1, p.title()));
            out.addAll(blocks(p));
        });
    }
}
