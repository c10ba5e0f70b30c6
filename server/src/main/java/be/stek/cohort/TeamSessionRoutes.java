package be.stek.cohort;

import be.stek.course.Catalogue;
import be.stek.course.Course;
import be.stek.quiz.Question;
import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Team reflection sessions. The facilitator opens one on a vignette question or a reflection prompt; members
 * answer on their own device; the facilitator's screen shows only an anonymous distribution, and nothing until
 * enough members have answered.
 */
public final class TeamSessionRoutes {
    static final int DEFAULT_MINIMUM = 3;

    private final CohortRepository cohorts;
    private final CohortAccess access;
    private final TeamSessionRepository sessions;
    private final Catalogue catalogue;
    private final TeamSessionOpened listener;

    public TeamSessionRoutes(CohortRepository cohorts, TeamSessionRepository sessions, Catalogue catalogue) {
        this(cohorts, sessions, catalogue, TeamSessionOpened.NOBODY);
    }

    /** {@code listener} hears of every session opened (its members get a mail). */
    public TeamSessionRoutes(CohortRepository cohorts, TeamSessionRepository sessions, Catalogue catalogue,
                             TeamSessionOpened listener) {
        this.listener = listener;
        this.cohorts = cohorts;
        this.access = new CohortAccess(cohorts);
        this.sessions = sessions;
        this.catalogue = catalogue;
    }

    public void register(Router r) {
        r.get("/cohorts/{cohort}/sessions", Access.FACILITATOR, this::showSessions);
        r.post("/cohorts/{cohort}/sessions", Access.FACILITATOR, this::submitOpen);
        r.get("/cohorts/{cohort}/sessions/{session}", Access.FACILITATOR, this::showFacilitatorView);
        r.post("/cohorts/{cohort}/sessions/{session}/close", Access.FACILITATOR, this::submitClose);
        r.get("/sessions", Access.SIGNED_IN, this::showMySessions);
        r.get("/sessions/{session}", Access.SIGNED_IN, this::showMemberView);
        r.post("/sessions/{session}", Access.SIGNED_IN, this::submitAnswer);
    }

    private Result showSessions(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        return Result.page("cohort/sessions", "cohort", cohort, "sessions", sessions.forCohort(cohort.id()),
                "items", TeamItem.all(courses(cohort)), "minimum", DEFAULT_MINIMUM);
    }

    private List<Course> courses(Cohort cohort) {
        return access.courses(cohort, catalogue);
    }

    private Result submitOpen(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        String[] key = ctx.form("item").split("\\|", -1);
        TeamItem item = key.length != 3 ? null : catalogue.course(key[0])
                .flatMap(c -> TeamItem.find(c, key[1], key[2])).orElse(null);
        if (item == null) {
            throw HttpError.badRequest("team.unknownItem");
        }
        int minimum = minimum(ctx);
        long id = sessions.open(cohort.id(), ctx.user().id(), item.course().slug(), item.activity().id(),
                item.question() == null ? null : item.question().id(), minimum, ctx.now());
        listener.opened(new TeamSessionOpened.Session(cohort.id(), cohort.name(), id, ctx.user().id(),
                item.course().title(), item.activity().title()));
        return Result.redirect("/cohorts/" + cohort.id() + "/sessions/" + id, "team.flash.opened");
    }

    private static int minimum(Ctx ctx) {
        try {
            int n = Integer.parseInt(ctx.formOpt("minimum").orElse(String.valueOf(DEFAULT_MINIMUM)));
            if (n >= 2 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw HttpError.badRequest("cohort.numberRange", "minimum", 2, 100);
    }

    private TeamSessionRepository.Session session(Ctx ctx) {
        return sessions.find(ctx.idParam("session")).orElseThrow(() -> HttpError.notFound("team.unknown"));
    }

    private TeamItem item(TeamSessionRepository.Session s) {
        return catalogue.course(s.course()).flatMap(c -> TeamItem.find(c, s.activity(), s.question()))
                .orElseThrow(() -> HttpError.notFound("team.itemGone"));
    }

    private Result showFacilitatorView(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        var s = session(ctx);
        if (s.cohortId() != cohort.id()) {
            throw HttpError.notFound("team.unknown");
        }
        var answers = sessions.answers(s.id());
        boolean enough = answers.size() >= s.minAnswers();
        TeamItem item = item(s);
        return Result.page("cohort/session", "cohort", cohort, "session", s, "item", item, "count", answers.size(),
                "enough", enough, "bars", enough && !item.reflection() ? Distribution.of(item.question(), answers, ctx.messages()) : List.of(),
                "texts", enough && item.reflection() ? answers.stream().map(TeamSessionRepository.TeamAnswer::body).toList() : List.of(),
                "guide", item.course().page("gids-voor-begeleiders").orElse(null));
    }

    private Result submitClose(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        var s = session(ctx);
        if (s.cohortId() != cohort.id()) {
            throw HttpError.notFound("team.unknown");
        }
        sessions.close(s.id(), ctx.now());
        return Result.redirect("/cohorts/" + cohort.id() + "/sessions/" + s.id(), "team.flash.closed");
    }

    private Result showMySessions(Ctx ctx) {
        return Result.page("cohort/my-sessions", "sessions", sessions.openFor(ctx.user().id()));
    }

    private TeamSessionRepository.Session memberSession(Ctx ctx) {
        var s = session(ctx);
        if (!cohorts.isMember(s.cohortId(), ctx.user().id())) {
            throw HttpError.forbidden("team.notMember");
        }
        return s;
    }

    private Result showMemberView(Ctx ctx) {
        var s = memberSession(ctx);
        return Result.page("cohort/answer", "session", s, "item", item(s),
                "answered", sessions.hasAnswered(s.id(), ctx.user().id()));
    }

    private Result submitAnswer(Ctx ctx) {
        var s = memberSession(ctx);
        TeamItem item = item(s);
        String choice = null;
        String body = null;
        if (item.reflection()) {
            body = ctx.form("body");
            if (body.length() > 5_000) {
                throw HttpError.badRequest("error.fieldTooLong", "body");
            }
        } else {
            choice = String.join(",", choices(ctx, item.question()));
        }
        if (!sessions.answer(s.id(), ctx.user().id(), choice, body, ctx.now())) {
            throw HttpError.conflict("team.closed");
        }
        return Result.redirect("/sessions/" + s.id(), "team.flash.answered");
    }

    private static Set<String> choices(Ctx ctx, Question q) {
        Set<String> chosen = new LinkedHashSet<>(ctx.formValues("option"));
        if (chosen.isEmpty()) {
            throw HttpError.badRequest("quiz.chooseFirst");
        }
        if (chosen.stream().anyMatch(id -> q.option(id).isEmpty()) || (!q.multiple() && chosen.size() > 1)) {
            throw HttpError.badRequest("error.unknownOption");
        }
        return chosen;
    }

    /** An option with how many members chose it. */
    public record Bar(String html, String label, int count, int percent) {
    }

    /** Counts choices per option, in the order the author wrote them. */
    static final class Distribution {
        private Distribution() {
        }

        static List<Bar> of(Question q, List<TeamSessionRepository.TeamAnswer> answers, be.stek.web.Messages m) {
            List<Bar> bars = new ArrayList<>();
            for (var o : q.options()) {
                int count = (int) answers.stream().filter(a -> a.choice() != null
                        && List.of(a.choice().split(",")).contains(o.id())).count();
                String label = o.label() != null ? o.label() : m.get(be.stek.quiz.QuizGrader.labelKey(q, o));
                bars.add(new Bar(o.html(), label, count, answers.isEmpty() ? 0 : Math.round(100f * count / answers.size())));
            }
            return bars;
        }
    }
}
