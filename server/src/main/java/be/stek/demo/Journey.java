package be.stek.demo;

import be.stek.course.Activity;
import be.stek.course.Course;
import be.stek.course.Lesson;
import be.stek.quiz.Branching;
import be.stek.quiz.Option;
import be.stek.quiz.Plan;
import be.stek.quiz.Question;
import be.stek.quiz.QuestionType;
import be.stek.quiz.QuizGrader;
import be.stek.quiz.Reflection;
import be.stek.quiz.Vignette;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one made-up learner did in the courses assigned to them, computed in memory before anything is written: how
 * far they got (lessons done, one started), their answers to every vignette and branching case of the lessons they
 * finished (chosen with a chance of the best answer that grows with the learner's ability and shrinks with the
 * question's difficulty, scored by the real grader; a weak first attempt is sometimes retried), and now and then a
 * reflection. Deterministic for a given {@link Random}.
 */
record Journey(List<Visit> lessons, List<Try> attempts, List<Note> reflections) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A lesson seen (done or only started). */
    record Visit(String course, String lesson, boolean done, Instant firstSeen, Instant lastSeen) {
    }

    /** An attempt at a vignette or branching case, finished unless {@code finishedAt} is null. */
    record Try(String course, String activity, String kind, int number, String version, String plan, String currentStep,
               String ending, Instant startedAt, Instant finishedAt, Double score, boolean graded, List<Given> answers) {
    }

    /** One recorded answer, as the answering code stores it. */
    record Given(String question, String questionText, String kind, String version, String optionsJson,
                 String chosenJson, String chosenText, double score, Instant answeredAt, long timeMs) {
    }

    /** A journal entry. */
    record Note(String course, String prompt, String promptText, String body, String nonce, Instant writtenAt) {
    }

    /** The journey of a learner who joined at {@code joined} through {@code courses}. */
    static Journey of(List<Course> courses, Instant joined, Random random) {
        double ability = clamp(0.72 + 0.16 * random.nextGaussian(), 0.15, 0.98);
        List<Visit> lessons = new ArrayList<>();
        List<Try> attempts = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        for (Course course : courses) {
            double engagement = random.nextDouble() < 0.15 ? 0 : Math.min(1, random.nextDouble() * 1.4);
            int done = (int) Math.round(engagement * course.lessons().size());
            Instant at = joined.plus(Duration.ofHours(2 + random.nextInt(24 * 7)));
            for (int i = 0; i < course.lessons().size() && i <= done; i++) {
                Lesson lesson = course.lessons().get(i);
                boolean finished = i < done;
                Instant end = at.plus(Duration.ofMinutes(Math.max(5, lesson.minutes()) + random.nextInt(20)));
                lessons.add(new Visit(course.slug(), lesson.slug(), finished, at, finished ? end : at.plusSeconds(90)));
                if (!finished) {
                    break;
                }
                Instant t = at.plusSeconds(120);
                for (String id : lesson.activityIds()) {
                    Activity activity = course.activity(id).orElse(null);
                    t = t.plusSeconds(60 + random.nextInt(300));
                    if (activity instanceof Vignette v) {
                        Try first = vignette(course, v, 1, ability, t, random);
                        attempts.add(first);
                        if (v.graded() && first.score() < 0.7 && random.nextDouble() < 0.4) {
                            attempts.add(vignette(course, v, 2, Math.min(0.98, ability + 0.15),
                                    first.finishedAt().plusSeconds(600), random));
                        }
                    } else if (activity instanceof Branching b) {
                        attempts.add(branching(course, b, ability, t, random));
                    } else if (activity instanceof Reflection r && random.nextDouble() < 0.35) {
                        notes.add(new Note(course.slug(), r.id(), r.prompt(), DemoText.reflection(random),
                                Long.toHexString(random.nextLong()), t));
                    }
                }
                at = end.plus(Duration.ofHours(6 + random.nextInt(24 * 4)));
            }
        }
        return new Journey(lessons, attempts, notes);
    }

    private static Try vignette(Course course, Vignette v, int number, double ability, Instant start, Random random) {
        Plan plan = Plan.draw(v, random);
        List<Given> answers = new ArrayList<>();
        Instant t = start;
        for (String qid : plan.questions()) {
            Question q = v.question(qid).orElseThrow();
            Set<String> chosen = choose(q, chance(ability, q.id()), random);
            long ms = 15_000 + random.nextInt(75_000);
            t = t.plusMillis(ms);
            List<Map<String, Object>> shown = plan.options(q).stream()
                    .map(o -> Map.<String, Object>of("id", o.id(), "text", o.text(), "weight", o.weight())).toList();
            String text = q.options().stream().filter(o -> chosen.contains(o.id())).map(Option::text)
                    .collect(Collectors.joining(" | "));
            answers.add(new Given(q.id(), q.prompt(), q.type().key(), q.version(), json(shown), json(List.copyOf(chosen)),
                    text, QuizGrader.score(q, chosen), t, ms));
        }
        double score = QuizGrader.mean(answers.stream().map(Given::score).toList());
        return new Try(course.slug(), v.id(), "vignette", number, v.version(), plan.toJson(), null, null, start, t,
                score, v.graded(), answers);
    }

    private static Try branching(Course course, Branching b, double ability, Instant start, Random random) {
        List<Given> answers = new ArrayList<>();
        Instant t = start;
        String at = b.start();
        String ending = null;
        for (int n = 0; n < 40 && ending == null && b.steps().containsKey(at); n++) {
            Branching.Step step = b.steps().get(at);
            List<Branching.Choice> byWeight = step.choices().stream()
                    .sorted(Comparator.comparingDouble(Branching.Choice::weight).reversed()).toList();
            Branching.Choice choice = random.nextDouble() < chance(ability, step.id()) ? byWeight.get(0)
                    : byWeight.get(random.nextInt(byWeight.size()));
            long ms = 10_000 + random.nextInt(60_000);
            t = t.plusMillis(ms);
            List<Map<String, Object>> shown = step.choices().stream()
                    .map(c -> Map.<String, Object>of("id", c.id(), "text", c.text(), "weight", c.weight())).toList();
            answers.add(new Given(step.id(), step.text(), "branching", b.version(), json(shown), json(List.of(choice.id())),
                    choice.text(), choice.weight(), t, ms));
            if (b.endings().containsKey(choice.next())) {
                ending = choice.next();
            }
            at = choice.next();
        }
        Double score = ending == null ? null : QuizGrader.mean(answers.stream().map(Given::score).toList());
        return new Try(course.slug(), b.id(), "branching", 1, b.version(), Plan.empty().toJson(),
                ending == null ? at : null, ending, start, ending == null ? null : t, score, b.graded(), answers);
    }

    /** The chance of the best answer: the learner's ability less the question's difficulty (fixed per question). */
    private static double chance(double ability, String questionId) {
        double difficulty = (Math.floorMod(questionId.hashCode(), 100) / 100.0 - 0.4) * 0.5;
        return clamp(ability - difficulty, 0.05, 0.97);
    }

    private static Set<String> choose(Question q, double chance, Random random) {
        List<Option> options = q.options();
        if (q.type() == QuestionType.MULTIPLE) {
            Set<String> chosen = options.stream().filter(Option::correct).map(Option::id)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (random.nextDouble() >= chance) {
                Option flip = options.get(random.nextInt(options.size()));
                if (!chosen.remove(flip.id())) {
                    chosen.add(flip.id());
                }
            }
            return chosen.isEmpty() ? Set.of(options.get(0).id()) : chosen;
        }
        List<Option> byWeight = options.stream().sorted(Comparator.comparingDouble(Option::weight).reversed()).toList();
        if (random.nextDouble() < chance) {
            return Set.of(byWeight.get(0).id());
        }
        // A wrong pick leans to the nearly right options: weight + 0.3 as odds.
        double total = byWeight.stream().skip(1).mapToDouble(o -> o.weight() + 0.3).sum();
        double r = random.nextDouble() * total;
        for (Option o : byWeight.subList(1, byWeight.size())) {
            r -= o.weight() + 0.3;
            if (r <= 0) {
                return Set.of(o.id());
            }
        }
        return Set.of(byWeight.get(byWeight.size() - 1).id());
    }

    private static double clamp(double x, double low, double high) {
        return Math.max(low, Math.min(high, x));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
