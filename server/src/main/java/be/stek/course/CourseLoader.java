package be.stek.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the courses folder: the glossary, every course folder and the learning paths. Everything is rendered
 * here, once; a course with any problem is left out and its problems are reported with file and line.
 */
public final class CourseLoader {
    private static final Set<String> COURSE_KEYS = Set.of("title", "summary", "audiences", "minutes", "objectives",
            "version", "language", "mastery", "order");
    private static final Set<String> LESSON_KEYS = Set.of("title", "minutes", "kind");
    static final Set<String> AUDIENCES = Set.of("onboarding", "vroedvrouwen", "teams");
    private static final Pattern HEADING_ID = Pattern.compile("<h[1-6][^>]*\\sid=\"([^\"]+)\"");
    static final String PATHS_FILE = "leerpaden.md";
    /** The slug of a module's closing page (a lesson that pulls its ideas together). */
    public static final String CLOSING_PAGE = "wat-je-meeneemt";
    /** The last section every lesson ends with (Dutch, English). */
    static final Set<String> CORE_HEADINGS = Set.of("de kern", "the core");
    static final int WORDS_PER_MINUTE = 200;

    /** Everything loaded from the folder. */
    public record Loaded(List<Course> courses, Glossary glossary, List<LearningPath> paths, Problems problems) {
    }

    private final Path coursesDir;
    private final Path mediaDir;
    private final Map<String, ActivityParser> parsers = new HashMap<>();
    private final Markdown markdown;

    public CourseLoader(Path coursesDir, Path mediaDir, List<ActivityParser> activityParsers) {
        this.coursesDir = coursesDir.toAbsolutePath().normalize();
        this.mediaDir = mediaDir.toAbsolutePath().normalize();
        activityParsers.forEach(p -> p.kinds().forEach(k -> parsers.put(k, p)));
        this.markdown = new Markdown(parsers.keySet());
    }

    public Loaded load() {
        Problems problems = new Problems();
        if (!Files.isDirectory(coursesDir)) {
            problems.add(coursesDir.toString(), 1, "the courses folder does not exist");
            return new Loaded(List.of(), Glossary.EMPTY, List.of(), problems);
        }
        SourceFiles.reportOutsideLinks(coursesDir, this::display, problems);
        SourceFiles.reportOutsideLinks(mediaDir, this::display, problems);
        Glossary glossary = loadGlossary(problems);
        Links links = new Links(coursesDir, mediaDir, glossary.anchors());
        List<Course> courses = new ArrayList<>();
        for (Path dir : courseDirs()) {
            Problems local = new Problems();
            Course course = loadCourse(dir, links, local);
            if (local.isEmpty() && course != null) {
                courses.add(course);
            }
            problems.addAll(local);
        }
        courses.sort(Comparator.comparingInt((Course c) -> c.meta().order()).thenComparing(Course::slug));
        Path pathsFile = coursesDir.resolve(PATHS_FILE);
        LearningPaths pathsReader = new LearningPaths(display(pathsFile));
        List<LearningPath> paths = !Files.isRegularFile(pathsFile) ? List.of()
                : read(pathsFile, problems).map(text -> pathsReader.load(text, courses, problems)).orElse(List.of());
        return new Loaded(courses, glossary, paths, problems);
    }

    private List<Path> courseDirs() {
        try (Stream<Path> dirs = Files.list(coursesDir)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("course.md")) && SourceFiles.inside(coursesDir, d))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Glossary loadGlossary(Problems problems) {
        Path file = coursesDir.resolve(Links.GLOSSARY_FILE);
        if (!Files.isRegularFile(file)) {
            return Glossary.EMPTY;
        }
        var fm = read(file, problems).flatMap(text -> FrontMatter.split(text, display(file), problems));
        if (fm.isEmpty()) {
            return Glossary.EMPTY;
        }
        String title = fm.get().header().string("title", true);
        Links links = new Links(coursesDir, mediaDir, Set.of());
        var source = new Markdown.Source(file, display(file), fm.get().bodyLine(), links, problems);
        String html = markdown.render(fm.get().body(), source, true).html();
        Set<String> anchors = new TreeSet<>();
        Matcher m = HEADING_ID.matcher(html);
        while (m.find()) {
            anchors.add(m.group(1));
        }
        return new Glossary(title == null ? "Woordenlijst" : title, html, anchors);
    }

    private Course loadCourse(Path dir, Links links, Problems problems) {
        String slug = dir.getFileName().toString();
        Path courseFile = dir.resolve("course.md");
        if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            problems.add(display(courseFile), 1, "course folder name must be lower-case letters, digits and dashes");
            return null;
        }
        var fm = read(courseFile, problems).flatMap(text -> FrontMatter.split(text, display(courseFile), problems));
        if (fm.isEmpty()) {
            return null;
        }
        CourseMeta meta = meta(fm.get().header());
        var source = new Markdown.Source(courseFile, display(courseFile), fm.get().bodyLine(), links, problems);
        String intro = markdown.render(fm.get().body(), source, true).html();
        Set<String> lessonSlugs = lessonFiles(dir, problems).keySet();
        List<Lesson> lessons = new ArrayList<>();
        Map<String, Activity> activities = new LinkedHashMap<>();
        lessonFiles(dir, new Problems()).forEach((lessonSlug, file) -> {
            Lesson lesson = loadLesson(file, lessonSlug, links, lessonSlugs, activities, problems);
            if (lesson != null) {
                lessons.add(lesson);
            }
        });
        List<Lesson> main = lessons.stream().filter(l -> !l.appendix()).toList();
        if (main.isEmpty() && problems.isEmpty()) {
            problems.add(display(courseFile), 1, "the course has no lessons (files named like 01-name.md)");
        }
        if (!main.isEmpty() && main.stream().noneMatch(l -> l.slug().equals(CLOSING_PAGE))) {
            problems.warn(display(courseFile), 1, "the module has no closing page (a last lesson named NN-"
                    + CLOSING_PAGE + ".md that links the lessons' ideas; see courses/README.md)");
        }
        if (meta == null) {
            return null;
        }
        Course course = new Course(slug, meta, intro, main, lessons.stream().filter(Lesson::appendix).toList(),
                activities);
        if (problems.isEmpty()) {
            new HashSet<>(parsers.values()).forEach(p -> p.checkCourse(course, display(courseFile), problems));
        }
        return course;
    }

    private CourseMeta meta(YamlTree h) {
        h.allowOnly(COURSE_KEYS);
        String title = h.string("title", true);
        String summary = h.string("summary", true);
        List<String> audiences = h.strings("audiences", true);
        audiences.stream().filter(a -> !AUDIENCES.contains(a)).forEach(a -> h.problems().add(h.file(),
                h.lineOf("audiences"), "unknown audience `" + a + "` (use: onboarding, vroedvrouwen, teams)"));
        Integer minutes = h.integer("minutes", true, 1, 6000);
        List<String> objectives = h.strings("objectives", true);
        String version = h.string("version", true);
        String language = h.string("language", true);
        if (language != null && !Set.of("nl-BE", "nl", "en").contains(language)) {
            h.problems().add(h.file(), h.lineOf("language"), "language must be nl-BE or en");
        }
        Integer mastery = h.integer("mastery", false, 1, 100);
        Integer order = h.integer("order", false, 0, 10_000);
        if (title == null || summary == null || minutes == null || version == null || language == null) {
            return null;
        }
        return new CourseMeta(title, summary, audiences, minutes, objectives, version, language, mastery,
                order == null ? 1000 : order);
    }

    /** Lesson files by slug, in number order; reports misnamed Markdown files and duplicate slugs. */
    private Map<String, Path> lessonFiles(Path dir, Problems problems) {
        Map<String, Path> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String name = f.getFileName().toString();
                Matcher m = Links.LESSON_FILE.matcher(name);
                if (name.equals("course.md")) {
                    continue;
                }
                if (!m.matches()) {
                    problems.add(display(f), 1, "lesson files are named NN-name.md (two digits, lower-case name)");
                } else if (files.putIfAbsent(m.group(2), f) != null) {
                    problems.add(display(f), 1, "another lesson already has the name `" + m.group(2) + "`");
                }
            }
        } catch (IOException e) {
            problems.add(display(dir), 1, "cannot list the course folder (" + e.getMessage() + ")");
        }
        return files;
    }

    private Lesson loadLesson(Path file, String slug, Links links, Set<String> lessonSlugs,
                              Map<String, Activity> activities, Problems problems) {
        String shown = display(file);
        var fm = read(file, problems).flatMap(text -> FrontMatter.split(text, shown, problems));
        if (fm.isEmpty()) {
            return null;
        }
        YamlTree h = fm.get().header();
        h.allowOnly(LESSON_KEYS);
        String title = h.string("title", true);
        Integer minutes = h.integer("minutes", true, 1, 600);
        String kind = h.has("kind") ? h.string("kind", true) : "lesson";
        if (kind != null && !kind.equals("lesson") && !kind.equals("appendix")) {
            problems.add(shown, h.lineOf("kind"), "kind must be `lesson` or `appendix`");
        }
        var source = new Markdown.Source(file, shown, fm.get().bodyLine(), links, problems);
        Markdown.Rendered rendered = markdown.render(fm.get().body(), source, true);
        Map<Integer, String> ids = new HashMap<>();
        for (Markdown.Block block : rendered.blocks()) {
            Activity a = parseBlock(block, file, shown, slug, links, lessonSlugs, problems);
            if (a != null && activities.putIfAbsent(a.id(), a) != null) {
                problems.add(shown, block.line(), "another activity in this course already has the id `" + a.id() + "`");
            } else if (a != null) {
                ids.put(block.offset(), a.id());
            }
        }
        int number = Integer.parseInt(file.getFileName().toString().substring(0, 2));
        if (title != null && minutes != null) {
            checkReading(fm.get().body(), fm.get().bodyLine(), shown, h.lineOf("minutes"), minutes,
                    "appendix".equals(kind) || slug.equals(CLOSING_PAGE), problems);
        }
        return title == null || minutes == null ? null
                : new Lesson(slug, number, title, minutes, "appendix".equals(kind), segments(rendered.html(), ids));
    }

    /**
     * Warns when a lesson's reading time is understated ({@code minutes} below its words ÷ 200, case, options and
     * feedback included) and when a lesson does not end with its core ("## De kern" as its last section).
     */
    private static void checkReading(String body, int bodyLine, String shown, int minutesLine, int minutes,
                                     boolean exempt, Problems problems) {
        ReadingText text = ReadingText.of(body);
        int needed = (int) Math.ceil(text.words() / (double) WORDS_PER_MINUTE);
        if (minutes < needed) {
            problems.warn(shown, minutesLine, "`minutes: " + minutes + "` is less than the reading time of its "
                    + text.words() + " words (" + needed + " minutes at " + WORDS_PER_MINUTE + " words a minute)");
        }
        if (!exempt && !text.lastSection().map(CORE_HEADINGS::contains).orElse(false)) {
            problems.warn(shown, bodyLine + text.lastSectionLine(), "the lesson does not end with its core: make \"## De kern\""
                    + " (3-6 sentences: what to keep, what it is not, the sources) its last section");
        }
    }

    private Activity parseBlock(Markdown.Block block, Path file, String shown, String lessonSlug, Links links,
                                Set<String> lessonSlugs, Problems problems) {
        var tree = YamlTree.parse(block.yaml(), shown, block.line(), problems);
        if (tree.isEmpty()) {
            return null;
        }
        BlockContext context = new LessonBlockContext(file, shown, lessonSlug, lessonSlugs, block.line(), links,
                problems, markdown);
        return parsers.get(block.kind()).parse(block.kind(), tree.get(), context);
    }

    private static List<Lesson.Segment> segments(String html, Map<Integer, String> ids) {
        List<Lesson.Segment> segments = new ArrayList<>();
        Matcher m = Markdown.MARKER.matcher(html);
        int last = 0;
        while (m.find()) {
            addHtml(segments, html.substring(last, m.start()));
            String id = ids.get(Integer.parseInt(m.group(1)));
            if (id != null) {
                segments.add(new Lesson.Segment(null, id));
            }
            last = m.end();
        }
        addHtml(segments, html.substring(last));
        return List.copyOf(segments);
    }

    private static void addHtml(List<Lesson.Segment> segments, String html) {
        if (!html.isBlank()) {
            segments.add(new Lesson.Segment(html, null));
        }
    }

    /** A path as shown in problem reports: relative to the folder that holds the courses folder. */
    String display(Path file) {
        Path base = coursesDir.getParent() == null ? coursesDir : coursesDir.getParent();
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
    }

    /** A source file's text; a file that is not UTF-8, unreadable or a link out of the folder is a problem. */
    private java.util.Optional<String> read(Path file, Problems problems) {
        return SourceFiles.read(coursesDir, file, display(file), problems);
    }

    /** A fingerprint of every file under the courses and media folders: it changes when any file does. */
    public String fingerprint() {
        return Stream.of(coursesDir, mediaDir).filter(Files::isDirectory).flatMap(CourseLoader::walk)
                .map(p -> p + "@" + p.toFile().lastModified() + "#" + p.toFile().length())
                .collect(Collectors.joining("|")).hashCode() + "";
    }

    private static Stream<Path> walk(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
