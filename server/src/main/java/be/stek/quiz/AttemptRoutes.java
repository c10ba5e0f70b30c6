package be.stek.quiz;

import be.stek.course.Activity;
import be.stek.course.Catalogue;
import be.stek.course.Course;
import be.stek.store.Sql;
import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Taking vignettes: start (or resume) an attempt, answer its questions one by one, or walk a branching vignette
 * step by step. Every answer is checked against the attempt before it is stored; a resent answer is stored once.
 */
public final class AttemptRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Catalogue catalogue;
    private final AttemptRepository attempts;
    private final Random random;
    private final AnswerListener listener;

    public AttemptRoutes(Catalogue catalogue, AttemptRepository attempts) {
        this(catalogue, attempts, AnswerListener.NONE);
    }

    /** {@code listener} hears of every vignette answer stored (spaced review schedules it). */
    public AttemptRoutes(Catalogue catalogue, AttemptRepository attempts, AnswerListener listener) {
        this(catalogue, attempts, new SecureRandom(), listener);
    }

    AttemptRoutes(Catalogue catalogue, AttemptRepository attempts, Random random, AnswerListener listener) {
        this.catalogue = catalogue;
        this.attempts = attempts;
        this.random = random;
        this.listener = listener;
    }

    public void register(Router r) {
        r.post("/courses/{course}/activities/{activity}/start", Access.SIGNED_IN, this::submitStart);
        r.get("/courses/{course}/attempts/{id}", Access.SIGNED_IN, this::showAttempt);
        r.post("/courses/{course}/attempts/{id}/questions/{question}", Access.SIGNED_IN, this::submitAnswer);
        r.post("/courses/{course}/attempts/{id}/steps/{step}", Access.SIGNED_IN, this::submitStep);
    }

    private Course course(Ctx ctx) {
        return catalogue.course(ctx.param("course")).orElseThrow(() -> HttpError.notFound("error.unknownCourse"));
    }

    private Result submitStart(Ctx ctx) {
        Course course = course(ctx);
        Activity activity = course.activity(ctx.param("activity"))
                .orElseThrow(() -> HttpError.notFound("error.unknownActivity"));
        long id;
        if (activity instanceof Vignette v) {
            id = attempts.openOrStart(ctx.user().id(), course.slug(), v.id(), "vignette", v.version(),
                    Plan.draw(v, random), null, v.graded(), ctx.now());
        } else if (activity instanceof Branching b) {
            id = attempts.openOrStart(ctx.user().id(), course.slug(), b.id(), "branching", b.version(),
                    Plan.empty(), b.start(), b.graded(), ctx.now());
        } else {
            throw HttpError.badRequest("error.notAQuiz");
        }
        return Result.redirect("/courses/" + course.slug() + "/attempts/" + id);
    }

    /** The attempt of the path, checked: it exists, belongs to this course and to the signed-in learner. */
    private Attempt attempt(Ctx ctx, Course course, boolean forAnswer) {
        Attempt a = attempts.find(ctx.idParam("id")).filter(x -> x.course().equals(course.slug()))
                .orElseThrow(() -> forAnswer ? HttpError.badRequest("error.attemptNotStarted")
                        : HttpError.notFound("error.unknownAttempt"));
        if (a.learnerId() != ctx.user().id()) {
            throw HttpError.forbidden("error.notYourAttempt");
        }
        return a;
    }

    private static Activity activityOf(Course course, Attempt a) {
        return course.activity(a.activity()).orElseThrow(() -> HttpError.notFound("error.unknownActivity"));
    }

    private Result showAttempt(Ctx ctx) {
        Course course = course(ctx);
        Attempt a = attempt(ctx, course, false);
        return render(ctx, course, a, null, null, 200);
    }

    private Result render(Ctx ctx, Course course, Attempt a, String errorQuestion, String error, int status) {
        Activity activity = activityOf(course, a);
        List<Answer> answers = attempts.answers(a.id());
        Map<String, Object> extra;
        if (activity instanceof Vignette v) {
            extra = Result.model("questions", AttemptPages.questions(v, a, answers, ctx.messages(), errorQuestion, error));
        } else if (activity instanceof Branching b) {
            extra = Result.model("path", AttemptPages.path(b, answers),
                    "current", a.currentStep() == null ? null : b.steps().get(a.currentStep()),
                    "ending", a.ending() == null ? null : b.endings().get(a.ending()), "error", error);
        } else {
            throw HttpError.notFound("error.unknownActivity");
        }
        return AttemptPages.page(course, activity, a, extra, status);
    }

    private Result submitAnswer(Ctx ctx) {
        Course course = course(ctx);
        Attempt a = attempt(ctx, course, true);
        if (!(activityOf(course, a) instanceof Vignette v)) {
            throw HttpError.badRequest("error.notAQuiz");
        }
        String qid = ctx.param("question");
        Question q = v.question(qid).filter(x -> a.plan().questions().contains(qid))
                .orElseThrow(() -> HttpError.badRequest("error.unknownQuestion", qid));
        Set<String> chosen = new LinkedHashSet<>(ctx.formValues("option"));
        if (chosen.isEmpty()) {
            return render(ctx, course, a, qid, ctx.messages().get("quiz.chooseFirst"), 400);
        }
        if (chosen.stream().anyMatch(id -> q.option(id).isEmpty()) || (!q.multiple() && chosen.size() > 1)) {
            throw HttpError.badRequest("error.unknownOption");
        }
        List<Answer> answers = attempts.answers(a.id());
        boolean last = answers.stream().noneMatch(x -> x.question().equals(qid))
                && answers.size() + 1 == a.plan().questions().size();
        double score = QuizGrader.score(q, chosen);
        List<Double> scores = new java.util.ArrayList<>(answers.stream().map(Answer::score).toList());
        scores.add(score);
        Answer answer = new Answer(a.id(), answers.size() + 1, qid, q.prompt(), q.type().key(), q.version(),
                optionsJson(a.plan().options(q)), List.copyOf(chosen), text(q, chosen), score, Sql.iso(ctx.now()),
                elapsed(a, answers, ctx.now()));
        var outcome = new AttemptRepository.Outcome(null, null, last ? QuizGrader.mean(scores) : null);
        if (attempts.record(a.learnerId(), answer, outcome, ctx.now())) {
            listener.stored(a, answer);
        }
        return afterAnswer(ctx, course, a, "#q-" + qid);
    }

    private Result submitStep(Ctx ctx) {
        Course course = course(ctx);
        Attempt a = attempt(ctx, course, true);
        if (!(activityOf(course, a) instanceof Branching b)) {
            throw HttpError.badRequest("error.notAQuiz");
        }
        String stepId = ctx.param("step");
        List<Answer> answers = attempts.answers(a.id());
        if (answers.stream().anyMatch(x -> x.question().equals(stepId))) {
            return afterAnswer(ctx, course, a, "#current");
        }
        Branching.Step step = b.steps().get(stepId);
        if (step == null || !stepId.equals(a.currentStep())) {
            throw HttpError.badRequest("error.notCurrentStep");
        }
        String choiceId = ctx.formOpt("choice").orElse(null);
        if (choiceId == null) {
            return render(ctx, course, a, null, ctx.messages().get("quiz.chooseFirst"), 400);
        }
        Branching.Choice choice = step.choice(choiceId).orElseThrow(() -> HttpError.badRequest("error.unknownOption"));
        boolean ends = b.endings().containsKey(choice.next());
        List<Double> scores = new java.util.ArrayList<>(answers.stream().map(Answer::score).toList());
        scores.add(choice.weight());
        Answer answer = new Answer(a.id(), answers.size() + 1, stepId, step.text(), "branching", b.version(),
                choicesJson(step), List.of(choiceId), choice.text(), choice.weight(), Sql.iso(ctx.now()),
                elapsed(a, answers, ctx.now()));
        var outcome = new AttemptRepository.Outcome(ends ? null : choice.next(), ends ? choice.next() : null,
                ends ? QuizGrader.mean(scores) : null);
        attempts.record(a.learnerId(), answer, outcome, ctx.now());
        return afterAnswer(ctx, course, a, "#current");
    }

    private Result afterAnswer(Ctx ctx, Course course, Attempt a, String anchor) {
        if (ctx.wantsFragment()) {
            Attempt fresh = attempts.find(a.id()).orElseThrow();
            Result.Page page = (Result.Page) render(ctx, course, fresh, null, null, 200);
            page.model().put("fragment", true);
            return page;
        }
        return Result.redirect("/courses/" + course.slug() + "/attempts/" + a.id() + anchor);
    }

    private static long elapsed(Attempt a, List<Answer> answers, Instant now) {
        String since = answers.isEmpty() ? a.startedAt() : answers.get(answers.size() - 1).answeredAt();
        return Math.max(0, Duration.between(Instant.parse(since), now).toMillis());
    }

    private static String text(Question q, Set<String> chosen) {
        return q.options().stream().filter(o -> chosen.contains(o.id())).map(Option::text)
                .collect(Collectors.joining(" | "));
    }

    private static String optionsJson(List<Option> shown) {
        return toJson(shown.stream().map(o -> Map.of("id", o.id(), "text", o.text(), "weight", o.weight())).toList());
    }

    private static String choicesJson(Branching.Step step) {
        return toJson(step.choices().stream().map(c -> Map.of("id", c.id(), "text", c.text(), "weight", c.weight()))
                .toList());
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
