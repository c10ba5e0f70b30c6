package be.stek.quiz;

import be.stek.course.Course;
import be.stek.course.Lesson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The form of a module's graded items, judged as a test-wise learner who never read a lesson would judge them.
 * A graded item certifies judgement only if its form gives nothing away, so this measures, over every graded
 * vignette and branching case of a course, what three form-only strategies would score on the course's pass mark
 * scale, and how often the best option is simply the longest one. Pure: no I/O.
 *
 * <p>A <em>decision point</em> is a single or graded question or a branching step (one choice among options);
 * multiple-response questions are counted apart.
 */
public final class ItemForm {
    /** The score at which a form-only strategy is too successful (a module's pass mark is 70 %). */
    public static final double STRATEGY_LIMIT = 0.5;
    /** The share of decision points whose best option may at most be the longest. */
    public static final double LONGEST_BEST_LIMIT = 0.4;

    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");
    private static final Pattern TAG = Pattern.compile("<[^>]*>|&[a-z]+;|&#\\d+;");
    /** Frequent Dutch and English words that say nothing about the content. */
    private static final Set<String> STOP = Set.of("deze", "maar", "voor", "niet", "over", "zijn", "haar", "wordt",
            "worden", "heeft", "hebben", "omdat", "naar", "door", "meer", "veel", "want", "zich", "kunnen", "moet",
            "geen", "waar", "jouw", "eerst", "even", "alles", "iets", "echt", "toch", "zelf", "daar", "hier",
            "wanneer", "welke", "waarom", "onze", "andere", "nadat", "terwijl", "zoals", "what", "with", "that",
            "this", "from", "they", "your", "will", "have", "then", "when", "dan", "ook", "nog", "wat", "hoe", "mee",
            "zegt", "zeggen", "gaat", "gaan", "komt", "kan", "laat", "samen", "wil", "willen", "zou", "zouden", "heel");

    /** One way of answering from form alone. */
    public enum Strategy {
        LONGEST("always the longest option (in multiple response: tick only the longest)"),
        LESSON_WORDS("the option sharing most words with the lesson text (in multiple response: every option above the average)"),
        LONG_TICKS("in multiple response tick every option longer than average; elsewhere the longest");

        private final String description;

        Strategy(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** An option as a strategy sees it: its text, what it earns, and whether it is a right answer. */
    record Alt(String text, double weight, boolean correct) {
        int length() {
            return text == null ? 0 : text.strip().length();
        }
    }

    /** A question or branching step: where it is, its kind and its options. */
    public record Point(String where, String label, QuestionType type, boolean step, List<Alt> alts) {
        boolean multiple() {
            return type == QuestionType.MULTIPLE;
        }

        double best() {
            return alts.stream().mapToDouble(Alt::weight).max().orElse(0);
        }

        /** True when (one of) the longest option(s) carries the best weight. */
        boolean longestIsBest() {
            int max = alts.stream().mapToInt(Alt::length).max().orElse(0);
            return alts.stream().anyMatch(a -> a.length() == max && a.weight() == best());
        }

        long rightCount() {
            return alts.stream().filter(Alt::correct).count();
        }

        /** The score of ticking exactly these options (multiple) or of picking one of them at random (otherwise). */
        double score(Collection<Alt> picked) {
            if (picked.isEmpty()) {
                return 0;
            }
            if (multiple()) {
                long right = picked.stream().filter(Alt::correct).count();
                long wrong = picked.size() - right;
                return Math.max(0.0, (double) (right - wrong) / Math.max(1, rightCount()));
            }
            return picked.stream().mapToDouble(Alt::weight).average().orElse(0);
        }
    }

    /** What was measured for one course. */
    public record Report(String course, List<Point> points, Map<Strategy, Double> strategies, int decisionPoints,
                         int longestBest, List<String> longestBestItems, List<Long> rightCounts,
                         double rightLength, double wrongLength) {

        public double longestBestShare() {
            return decisionPoints == 0 ? 0 : (double) longestBest / decisionPoints;
        }

        /** The findings that an author should act on, one sentence each. */
        public List<String> warnings() {
            List<String> w = new ArrayList<>();
            if (decisionPoints >= 3 && longestBestShare() > LONGEST_BEST_LIMIT) {
                w.add(String.format(Locale.ROOT, "the best option is the longest in %d of %d decision points (%d %%;"
                                + " at most %d %%): %s", longestBest, decisionPoints, pct(longestBestShare()),
                        pct(LONGEST_BEST_LIMIT), String.join(", ", longestBestItems)));
            }
            strategies.forEach((s, score) -> {
                if (score >= STRATEGY_LIMIT) {
                    w.add(String.format(Locale.ROOT, "a learner who never read a lesson scores %d %% by choosing %s"
                            + " (must stay below %d %%)", pct(score), s.description(), pct(STRATEGY_LIMIT)));
                }
            });
            if (rightCounts.size() >= 2 && new HashSet<>(rightCounts).size() == 1) {
                w.add("every multiple-response question has exactly " + rightCounts.get(0)
                        + " right answers: vary the number (1 to all but one)");
            }
            if (!rightCounts.isEmpty() && rightLength > wrongLength * 1.1) {
                w.add(String.format(Locale.ROOT, "in multiple-response questions the right options are longer than"
                        + " the wrong ones (%.0f against %.0f characters on average)", rightLength, wrongLength));
            }
            return w;
        }

        /** A readable report: the strategies, then every decision point with its option lengths and weights. */
        public String text() {
            StringBuilder b = new StringBuilder();
            b.append(course).append(": ").append(decisionPoints).append(" decision points, best option is the longest in ")
                    .append(longestBest).append(" (").append(pct(longestBestShare())).append(" %); ")
                    .append(rightCounts.size()).append(" multiple-response questions with ")
                    .append(rightCounts.stream().map(String::valueOf).collect(Collectors.joining("/")))
                    .append(" right answers\n");
            strategies.forEach((s, score) -> b.append(String.format(Locale.ROOT, "  %3d %%  %s%n", pct(score),
                    s.description())));
            b.append("  decision points: option length in characters, weight (+ right answer of a multiple question;"
                    + " * longest)\n");
            for (Point p : points) {
                int max = p.alts().stream().mapToInt(Alt::length).max().orElse(0);
                b.append("  ").append(p.where()).append(" ").append(p.label()).append(" [")
                        .append(p.step() ? "step" : p.type().key()).append("]");
                for (Alt a : p.alts()) {
                    b.append("  ").append(a.length()).append(p.multiple() ? (a.correct() ? "+" : "-")
                            : ":" + fmt(a.weight())).append(a.length() == max ? "*" : "");
                }
                b.append('\n');
            }
            return b.toString();
        }
    }

    private ItemForm() {
    }

    /**
     * Measures a course. {@code where} gives each question or step's place ({@code file:line}) where known.
     */
    public static Report measure(Course course, Function<Object, String> where) {
        Map<String, Set<String>> lessonWords = new LinkedHashMap<>();
        course.lessons().forEach(l -> lessonWords.put(l.slug(), words(prose(l))));
        course.appendices().forEach(l -> lessonWords.put(l.slug(), words(prose(l))));

        List<Point> points = new ArrayList<>();
        Map<Strategy, List<Double>> activityScores = new LinkedHashMap<>();
        for (Strategy s : Strategy.values()) {
            activityScores.put(s, new ArrayList<>());
        }
        for (var activity : course.gradedActivities()) {
            if (activity instanceof Vignette v) {
                List<Point> questions = v.questions().stream().map(q -> point(v, q, where)).toList();
                points.addAll(questions);
                for (Strategy s : Strategy.values()) {
                    List<Double> scores = new ArrayList<>();
                    for (int i = 0; i < questions.size(); i++) {
                        Point p = questions.get(i);
                        Set<String> lesson = lessonWords.getOrDefault(v.questions().get(i).lesson(), Set.of());
                        scores.add(p.score(pick(s, p, lesson)));
                    }
                    activityScores.get(s).add(QuizGrader.mean(scores));
                }
            } else if (activity instanceof Branching b) {
                b.steps().values().forEach(step -> points.add(point(b, step, where)));
                Set<String> lesson = lessonWords.getOrDefault(b.lesson(), Set.of());
                for (Strategy s : Strategy.values()) {
                    activityScores.get(s).add(walk(b, s, lesson, where));
                }
            }
        }
        Map<Strategy, Double> strategies = new LinkedHashMap<>();
        activityScores.forEach((s, scores) -> strategies.put(s, QuizGrader.mean(scores)));

        List<Point> decisions = points.stream().filter(p -> !p.multiple()).toList();
        List<String> longest = decisions.stream().filter(Point::longestIsBest).map(Point::label).toList();
        List<Point> multiples = points.stream().filter(Point::multiple).toList();
        return new Report(course.slug(), points, strategies, decisions.size(), longest.size(), longest,
                multiples.stream().map(Point::rightCount).toList(),
                averageLength(multiples, true), averageLength(multiples, false));
    }

    private static double averageLength(List<Point> multiples, boolean correct) {
        return multiples.stream().flatMap(p -> p.alts().stream()).filter(a -> a.correct() == correct)
                .mapToInt(Alt::length).average().orElse(0);
    }

    private static Point point(Vignette v, Question q, Function<Object, String> where) {
        List<Alt> alts = q.options().stream().map(o -> new Alt(o.text(), o.weight(), o.correct())).toList();
        return new Point(where.apply(q), v.id() + "/" + q.id(), q.type(), false, alts);
    }

    private static Point point(Branching b, Branching.Step step, Function<Object, String> where) {
        List<Alt> alts = step.choices().stream().map(c -> new Alt(c.text(), c.weight(), c.weight() >= 1.0)).toList();
        return new Point(where.apply(step), b.id() + "/" + step.id(), QuestionType.GRADED, true, alts);
    }

    /** Follows a branching case choosing by the strategy; the path's score is the mean weight of the choices. */
    private static double walk(Branching b, Strategy s, Set<String> lesson, Function<Object, String> where) {
        List<Double> weights = new ArrayList<>();
        String node = b.start();
        Set<String> seen = new HashSet<>();
        while (b.steps().containsKey(node) && seen.add(node)) {
            Branching.Step step = b.steps().get(node);
            Point p = point(b, step, where);
            List<Alt> picked = pick(s, p, lesson);
            if (picked.isEmpty()) {
                break;
            }
            int index = p.alts().indexOf(picked.get(0));
            weights.add(step.choices().get(index).weight());
            node = step.choices().get(index).next();
        }
        return QuizGrader.mean(weights);
    }

    /**
     * The options a strategy picks: for a single choice, every option tied for first place (the score is their
     * average, as if the tie were broken at random); for multiple response, the options it ticks.
     */
    static List<Alt> pick(Strategy s, Point p, Set<String> lessonWords) {
        Function<Alt, Double> measure = s == Strategy.LESSON_WORDS
                ? a -> (double) shared(a.text(), lessonWords) : a -> (double) a.length();
        if (p.multiple() && s != Strategy.LONGEST) {
            double average = p.alts().stream().mapToDouble(measure::apply).average().orElse(0);
            List<Alt> above = p.alts().stream().filter(a -> measure.apply(a) > average).toList();
            return above.isEmpty() ? p.alts() : above;
        }
        double max = p.alts().stream().mapToDouble(measure::apply).max().orElse(0);
        List<Alt> top = p.alts().stream().filter(a -> measure.apply(a) == max).toList();
        return p.multiple() ? top.subList(0, 1) : top;
    }

    static int shared(String text, Set<String> lessonWords) {
        Set<String> own = words(text == null ? "" : text);
        own.retainAll(lessonWords);
        return own.size();
    }

    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (!STOP.contains(m.group())) {
                words.add(m.group());
            }
        }
        return words;
    }

    /** The lesson's own text, without its activities (the options must not be matched against themselves). */
    private static String prose(Lesson lesson) {
        return lesson.segments().stream().filter(s -> s.html() != null)
                .map(s -> TAG.matcher(s.html()).replaceAll(" ")).collect(Collectors.joining(" "));
    }

    private static int pct(double share) {
        return (int) Math.round(share * 100);
    }

    private static String fmt(double weight) {
        return weight == Math.rint(weight) ? String.valueOf((int) weight) : String.valueOf(weight);
    }
}
