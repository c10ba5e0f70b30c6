package be.stek.quiz;

import be.stek.course.Activity;
import be.stek.course.ActivityParser;
import be.stek.course.BlockContext;
import be.stek.course.Course;
import be.stek.course.Problems;
import be.stek.course.YamlTree;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Reads the {@code vignette}, {@code quiz}, {@code branching} and {@code reflection} blocks of a lesson and checks
 * them: ids, a best answer, weights in range, every branch leading somewhere, no unreachable step.
 */
public final class QuizBlocks implements ActivityParser {
    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> VIGNETTE_KEYS = Set.of("id", "title", "case", "image", "alt", "audio",
            "transcript", "questions", "draw", "shuffle", "graded");
    private static final Set<String> QUESTION_KEYS = Set.of("id", "type", "prompt", "options", "explanation",
            "source", "lesson", "nuance");
    private static final Set<String> OPTION_KEYS = Set.of("id", "text", "feedback", "correct", "weight", "label");
    private static final Set<String> REFLECTION_KEYS = Set.of("id", "title", "prompt", "team");

    /** Where each question and branching step was written ({@code file:line}), until its course is checked. */
    private final Map<Object, String> places = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<String, ItemForm.Report> reports = new ConcurrentHashMap<>();

    @Override
    public Set<String> kinds() {
        return Set.of("vignette", "quiz", "branching", "reflection");
    }

    @Override
    public Activity parse(String kind, YamlTree y, BlockContext ctx) {
        int before = y.problems().size();
        Activity activity = switch (kind) {
            case "branching" -> new BranchingBlock(y, ctx, places).parse();
            case "reflection" -> reflection(y, ctx);
            default -> vignette(kind, y, ctx, places);
        };
        return y.problems().size() == before ? activity : null;
    }

    /** Reports, as warnings, what in the form of the course's graded items gives the best answer away. */
    @Override
    public void checkCourse(Course course, String courseFile, Problems problems) {
        ItemForm.Report report = ItemForm.measure(course, o -> places.getOrDefault(o, courseFile));
        report.warnings().forEach(w -> problems.warn(courseFile, 1, w));
        reports.put(course.slug(), report);
        course.activities().values().forEach(a -> {
            if (a instanceof Vignette v) {
                v.questions().forEach(places::remove);
            } else if (a instanceof Branching b) {
                b.steps().values().forEach(places::remove);
            }
        });
    }

    /** The item-form report of a course checked by this parser (what {@code check --report} prints). */
    public Optional<ItemForm.Report> report(String courseSlug) {
        return Optional.ofNullable(reports.get(courseSlug));
    }

    static String id(YamlTree y, String key) {
        String id = y.string(key, true);
        if (id != null && !ID.matcher(id).matches()) {
            y.problems().add(y.file(), y.lineOf(key), "`" + key + ": " + id
                    + "` must be lower-case letters, digits and dashes");
        }
        return id;
    }

    private static Vignette vignette(String kind, YamlTree y, BlockContext ctx, Map<Object, String> places) {
        y.allowOnly(VIGNETTE_KEYS);
        String id = id(y, "id");
        String title = y.string("title", true);
        String caseText = y.string("case", "vignette".equals(kind));
        String image = y.string("image", false);
        String alt = y.string("alt", image != null);
        String audio = y.string("audio", false);
        String transcript = y.string("transcript", audio != null);
        List<Question> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlTree q : y.maps("questions", true)) {
            Question question = question(q, ctx);
            if (question != null && !ids.add(question.id())) {
                q.problem("another question in this block has the id `" + question.id() + "`");
            }
            places.put(question, q.file() + ":" + q.line());
            questions.add(question);
        }
        Integer draw = y.integer("draw", false, 1, Math.max(1, questions.size()));
        return new Vignette(id, kind, title, caseText == null ? null : ctx.markdown(caseText, y.lineOf("case")),
                image == null ? null : ctx.mediaUrl(image, y.lineOf("image")), alt,
                audio == null ? null : ctx.mediaUrl(audio, y.lineOf("audio")),
                transcript == null ? null : ctx.markdown(transcript, y.lineOf("transcript")),
                questions, draw == null ? questions.size() : draw, y.bool("shuffle", true), y.bool("graded", true),
                ctx.lessonSlug(), version(y.file() + id + title + caseText));
    }

    private static Question question(YamlTree q, BlockContext ctx) {
        q.allowOnly(QUESTION_KEYS);
        String id = id(q, "id");
        QuestionType type = type(q);
        String prompt = q.string("prompt", true);
        List<Option> options = new ArrayList<>();
        Set<String> optionIds = new HashSet<>();
        for (YamlTree o : q.maps("options", true)) {
            Option option = option(o, type, ctx);
            if (option.id() != null && !optionIds.add(option.id())) {
                o.problem("another option of this question has the id `" + option.id() + "`");
            }
            options.add(option);
        }
        checkOptions(q, type, options);
        if (q.bool("nuance", false) && options.stream().filter(o -> o.weight() >= 0.75).count() < 2) {
            q.problems().warn(q.file(), q.lineOf("nuance"), "`nuance: true` says there is no single best answer,"
                    + " but fewer than two options weigh 0.75 or more");
        }
        String explanation = q.string("explanation", true);
        String lesson = q.string("lesson", false);
        if (lesson != null && !ctx.hasLesson(lesson)) {
            q.problems().add(q.file(), q.lineOf("lesson"), "no lesson `" + lesson
                    + "` in this course (write the file name without number and .md)");
        }
        StringBuilder raw = new StringBuilder().append(id).append(type).append(prompt);
        options.forEach(o -> raw.append(o.id()).append(o.text()).append(o.weight()));
        return new Question(id, type, prompt, prompt == null ? null : ctx.markdown(prompt, q.lineOf("prompt")),
                options, explanation == null ? null : ctx.markdown(explanation, q.lineOf("explanation")),
                q.string("source", false), lesson == null ? ctx.lessonSlug() : lesson, q.bool("nuance", false),
                version(raw.toString()));
    }

    private static QuestionType type(YamlTree q) {
        String type = q.string("type", true);
        for (QuestionType t : QuestionType.values()) {
            if (t.key().equals(type)) {
                return t;
            }
        }
        if (type != null) {
            q.problems().add(q.file(), q.lineOf("type"), "type must be single, multiple or graded");
        }
        return QuestionType.SINGLE;
    }

    private static Option option(YamlTree o, QuestionType type, BlockContext ctx) {
        o.allowOnly(OPTION_KEYS);
        String id = id(o, "id");
        String text = o.string("text", true);
        String feedback = o.string("feedback", true);
        boolean correct = o.bool("correct", false);
        Double weight = o.number("weight", type == QuestionType.GRADED, 0, 1);
        if (type == QuestionType.GRADED && o.has("correct")) {
            o.problem("a graded option has a `weight`, not `correct`");
        }
        if (type != QuestionType.GRADED && o.has("weight")) {
            o.problem("`weight` belongs to graded questions; mark the right option(s) with `correct: true`");
        }
        double w = type == QuestionType.GRADED ? (weight == null ? 0 : weight) : (correct ? 1 : 0);
        String label = o.string("label", false);
        if (label != null && weight != null && contradicts(label, weight)) {
            o.problems().warn(o.file(), o.lineOf("label"), "`label: " + label + "` does not match `weight: "
                    + weight + "` (1 best, 0.75 good, 0.5 misses something important, 0.25 risky, 0 harmful)");
        }
        return new Option(id, text, text == null ? "" : ctx.inline(text, o.lineOf("text")), w, correct,
                feedback == null ? "" : ctx.markdown(feedback, o.lineOf("feedback")), label);
    }

    /** True when an author's label says something the weight does not (a "best" option that is not 1, ...). */
    static boolean contradicts(String label, double weight) {
        String l = label.toLowerCase(java.util.Locale.ROOT);
        boolean praise = l.contains("beste") || l.contains("best") || l.contains("sterk");
        boolean fine = l.contains("aanvaardbaar") || l.contains("acceptable") || l.contains("goed") || l.contains("good");
        boolean warning = l.contains("riskant") || l.contains("risky") || l.contains("af te raden") || l.contains("schadelijk")
                || l.contains("harmful") || l.contains("fout") || l.contains("wrong");
        return (praise && !warning && weight < 1.0) || (fine && !warning && !praise && weight < 0.5)
                || (warning && weight >= 0.5);
    }

    private static void checkOptions(YamlTree q, QuestionType type, List<Option> options) {
        if (options.size() < 2) {
            q.problem("a question needs at least two options");
            return;
        }
        long correct = options.stream().filter(Option::correct).count();
        switch (type) {
            case SINGLE -> {
                if (correct != 1) {
                    q.problem("a single question needs exactly one option with `correct: true` (it has " + correct + ")");
                }
            }
            case MULTIPLE -> {
                if (correct == 0) {
                    q.problem("a multiple question needs at least one option with `correct: true`");
                }
            }
            case GRADED -> {
                if (options.stream().noneMatch(o -> o.weight() == 1.0)) {
                    q.problem("a graded question needs a best option with `weight: 1`");
                }
            }
        }
    }

    private static Reflection reflection(YamlTree y, BlockContext ctx) {
        y.allowOnly(REFLECTION_KEYS);
        String prompt = y.string("prompt", true);
        return new Reflection(id(y, "id"), y.string("title", true), prompt,
                prompt == null ? null : ctx.markdown(prompt, y.lineOf("prompt")), y.bool("team", false),
                ctx.lessonSlug());
    }

    /** A short hash that changes when the text of a question or case changes. */
    static String version(String raw) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
