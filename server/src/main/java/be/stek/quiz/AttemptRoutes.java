package be.stek.quiz;

import be.stek.course.Activity;
import be.stek.course.Catalogue;
import be.stek.course.Course;
import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Taking vignettes: start (or resume) an attempt, answer its questions one by one, or walk a branching vignette
 * step by step. Every answer is checked against the attempt and stored in one write transaction ({@link Answering}):
 * answers posted at the same moment cannot leave an attempt unfinished, and a resent answer is stored once.
 */
public final class AttemptRoutes {
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
        // The answer is decided and stored in one write (see Answering); the listener hears of it once it is stored.
        AttemptRepository.Decision decision = Answering.question(q, chosen, ctx.now());
        java.util.concurrent.atomic.AtomicReference<Answer> stored = new java.util.concurrent.atomic.AtomicReference<>();
        boolean recorded = attempts.record(a.id(), (attempt, answers) -> {
            AttemptRepository.Recording r = decision.decide(attempt, answers);
            stored.set(r == null ? null : r.answer());
            return r;
        });
        if (recorded && stored.get() != null) {
            listener.stored(a, stored.get());
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
        Branching.Step step = b.steps().get(stepId);
        if (step == null) {
            throw HttpError.badRequest("error.notCurrentStep");
        }
        String choiceId = ctx.formOpt("choice").orElse(null);
        if (choiceId == null) {
            return render(ctx, course, a, null, ctx.messages().get("quiz.chooseFirst"), 400);
        }
        Branching.Choice choice = step.choice(choiceId).orElseThrow(() -> HttpError.badRequest("error.unknownOption"));
        attempts.record(a.id(), Answering.step(b, step, choice, ctx.now()));
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
}
