package be.stek.review;

import be.stek.quiz.Option;
import be.stek.quiz.QuizGrader;
import be.stek.store.Sql;
import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The learner's review: an overview with the modules that can be paused, starting a session, answering its
 * questions one by one (each with its case and the module's feedback), and the session's summary. Plain forms only.
 */
final class ReviewRoutes {
    private final Reviews reviews;
    private final ReviewRepository repository;
    private final Random random = new SecureRandom();

    ReviewRoutes(Reviews reviews, ReviewRepository repository) {
        this.reviews = reviews;
        this.repository = repository;
    }

    void register(Router r) {
        r.get("/review", Access.SIGNED_IN, this::showOverview);
        r.post("/review/start", Access.SIGNED_IN, this::submitStart);
        r.post("/review/pause", Access.SIGNED_IN, this::submitPause);
        r.get("/review/sessions/{id}", Access.SIGNED_IN, this::showSession);
        r.get("/review/sessions/{id}/questions/{n}", Access.SIGNED_IN, this::showQuestion);
        r.post("/review/sessions/{id}/questions/{n}", Access.SIGNED_IN, this::submitAnswer);
    }

    private Result showOverview(Ctx ctx) {
        long me = ctx.user().id();
        Set<String> paused = repository.paused(me);
        List<Reviews.Module> modules = repository.scheduled(me).stream()
                .flatMap(s -> reviews.catalogue().course(s.course()).stream()
                        .map(c -> new Reviews.Module(c.slug(), c.title(), s.open(), paused.contains(c.slug()))))
                .toList();
        return Result.page("review/overview", "review", reviews.summary(me, ctx.now()), "modules", modules,
                "size", Reviews.SESSION_SIZE);
    }

    private Result submitStart(Ctx ctx) {
        long me = ctx.user().id();
        var open = repository.openSession(me);
        if (open.isPresent() && !remaining(open.get()).isEmpty()) {
            return Result.redirect("/review/sessions/" + open.get().id());
        }
        open.ifPresent(s -> repository.finish(s.id(), ctx.now()));
        var due = Reviews.mix(reviews.dueNow(me, ctx.now()), Reviews.SESSION_SIZE);
        if (due.isEmpty()) {
            return Result.redirect("/review", "review.nothingDue");
        }
        return Result.redirect("/review/sessions/" + repository.startSession(me, plan(due), ctx.now()));
    }

    /** The session's questions with their options shuffled (unless the vignette keeps its order). */
    private ReviewPlan plan(List<ReviewRepository.Due> due) {
        List<ReviewPlan.Item> items = new ArrayList<>();
        for (var d : due) {
            var found = reviews.find(d.course(), d.activity(), d.question()).orElseThrow();
            List<String> options = new ArrayList<>(found.question().options().stream().map(Option::id).toList());
            if (found.vignette().shuffle()) {
                Collections.shuffle(options, random);
            }
            items.add(new ReviewPlan.Item(d.course(), d.activity(), d.question(), List.copyOf(options)));
        }
        return new ReviewPlan(items);
    }

    private Result submitPause(Ctx ctx) {
        String course = ctx.form("course");
        reviews.catalogue().course(course).orElseThrow(() -> HttpError.badRequest("error.unknownCourse"));
        boolean pause = "1".equals(ctx.form("paused"));
        repository.setPaused(ctx.user().id(), course, pause, ctx.now());
        return Result.redirect("/review", pause ? "review.pausedFlash" : "review.resumedFlash");
    }

    /** The session of the path, checked: it exists and belongs to the signed-in learner. */
    private ReviewRepository.Session session(Ctx ctx) {
        var s = repository.session(ctx.idParam("id")).orElseThrow(() -> HttpError.notFound("review.unknownSession"));
        if (s.learnerId() != ctx.user().id()) {
            throw HttpError.forbidden("review.notYours");
        }
        return s;
    }

    /** Positions not yet answered whose question still exists. */
    private List<Integer> remaining(ReviewRepository.Session s) {
        Set<Integer> answered = repository.answers(s.id()).stream().map(ReviewRepository.Given::position)
                .collect(Collectors.toSet());
        List<Integer> out = new ArrayList<>();
        for (int n = 1; n <= s.plan().items().size(); n++) {
            var item = s.plan().at(n);
            if (!answered.contains(n) && reviews.find(item.course(), item.activity(), item.question()).isPresent()) {
                out.add(n);
            }
        }
        return out;
    }

    private Result showSession(Ctx ctx) {
        var s = session(ctx);
        List<Integer> left = remaining(s);
        if (!left.isEmpty()) {
            return Result.redirect("/review/sessions/" + s.id() + "/questions/" + left.get(0));
        }
        var answers = repository.answers(s.id());
        long full = answers.stream().filter(a -> ReviewSchedule.fullMarks(a.score())).count();
        return Result.page("review/summary", "answered", answers.size(), "full", full,
                "review", reviews.summary(ctx.user().id(), ctx.now()));
    }

    private Result showQuestion(Ctx ctx) {
        return ReviewPages.question(ctx, session(ctx), reviews, repository, null, 200);
    }

    private Result submitAnswer(Ctx ctx) {
        var s = session(ctx);
        int n = position(ctx, s);
        var found = ReviewPages.found(reviews, s, n);
        List<ReviewRepository.Given> answers = repository.answers(s.id());
        if (answers.stream().anyMatch(a -> a.position() == n)) {
            return Result.redirect(ReviewPages.url(s, n) + "#feedback");
        }
        Set<String> chosen = new LinkedHashSet<>(ctx.formValues("option"));
        if (chosen.isEmpty()) {
            return ReviewPages.question(ctx, s, reviews, repository, ctx.messages().get("quiz.chooseFirst"), 400);
        }
        var q = found.question();
        if (chosen.stream().anyMatch(id -> q.option(id).isEmpty()) || (!q.multiple() && chosen.size() > 1)) {
            throw HttpError.badRequest("error.unknownOption");
        }
        repository.record(s, given(s, n, found, chosen, answers, ctx.now()));
        return Result.redirect(ReviewPages.url(s, n) + "#feedback");
    }

    static int position(Ctx ctx, ReviewRepository.Session s) {
        long n = ctx.idParam("n");
        if (n > s.plan().items().size()) {
            throw HttpError.notFound("review.unknownQuestion");
        }
        return (int) n;
    }

    private static ReviewRepository.Given given(ReviewRepository.Session s, int n, Reviews.Found found,
                                                Set<String> chosen, List<ReviewRepository.Given> answers, Instant now) {
        var q = found.question();
        List<Option> shown = ReviewPages.options(q, s.plan().at(n));
        String since = answers.isEmpty() ? s.startedAt() : answers.get(answers.size() - 1).answeredAt();
        String optionsJson = ReviewRepository.toJson(shown.stream()
                .map(o -> Map.of("id", o.id(), "text", o.text(), "weight", o.weight())).toList());
        String chosenText = q.options().stream().filter(o -> chosen.contains(o.id())).map(Option::text)
                .collect(Collectors.joining(" | "));
        return new ReviewRepository.Given(n, found.course().slug(), found.vignette().id(), q.id(), q.prompt(),
                q.version(), optionsJson, List.copyOf(chosen), chosenText, QuizGrader.score(q, chosen), Sql.iso(now),
                Math.max(0, Duration.between(Instant.parse(since), now).toMillis()));
    }
}
