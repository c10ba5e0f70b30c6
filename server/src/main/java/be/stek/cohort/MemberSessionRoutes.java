package be.stek.cohort;

import be.stek.course.Catalogue;
import be.stek.quiz.Question;
import be.stek.store.Database;
import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.Form;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Team sessions, the members' side: join with a code (typed on {@code /code} or in the address {@code /code/CODE}
 * from the QR code), answer anonymously while the session is open, and see the anonymous result once it is closed,
 * if enough members answered. A code finds only open sessions of one's own groups; wrong codes are throttled.
 */
public final class MemberSessionRoutes {
    private final CohortRepository cohorts;
    private final TeamSessionRepository sessions;
    private final Catalogue catalogue;
    private final JoinThrottle throttle;

    public MemberSessionRoutes(CohortRepository cohorts, TeamSessionRepository sessions, Catalogue catalogue,
                               Database db, Clock clock) {
        this.cohorts = cohorts;
        this.sessions = sessions;
        this.catalogue = catalogue;
        this.throttle = new JoinThrottle(db, clock);
    }

    public void register(Router r) {
        r.get("/sessions", Access.SIGNED_IN, this::showMySessions);
        r.get("/sessions/{session}", Access.SIGNED_IN, this::showMemberView);
        r.post("/sessions/{session}", Access.SIGNED_IN, this::submitAnswer);
        r.get("/code", Access.SIGNED_IN, ctx -> Form.blank(ctx).page("cohort/code"));
        r.post("/code", Access.SIGNED_IN, ctx -> join(ctx, ctx.formOpt("code").orElse("")));
        r.get("/code/{code}", Access.SIGNED_IN, ctx -> join(ctx, ctx.param("code")));
    }

    private Result showMySessions(Ctx ctx) {
        long me = ctx.user().id();
        return Result.page("cohort/my-sessions", "sessions", sessions.openFor(me), "closed", sessions.closedFor(me));
    }

    /** The code page again, with what was typed and why it did not work, in the given status. */
    private static Result joinPage(Ctx ctx, int status, String typed, String key, Object... args) {
        return Form.filled(ctx, java.util.Map.of("code", typed)).error("code", key, args).page("cohort/code")
                .withStatus(status);
    }

    private Result join(Ctx ctx, String typed) {
        long me = ctx.user().id();
        long wait = throttle.waitSeconds(me);
        if (wait > 0) {
            return joinPage(ctx, 429, typed, "team.join.throttled", (wait + 59) / 60);
        }
        Optional<String> code = JoinCode.read(typed);
        if (code.isEmpty()) {
            return joinPage(ctx, 400, typed, typed.isBlank() ? "team.join.empty" : "team.join.malformed",
                    JoinCode.LENGTH);
        }
        var session = sessions.findOpen(code.get()).filter(s -> cohorts.isMember(s.cohortId(), me));
        if (session.isEmpty()) {
            throttle.failed(me);
            return joinPage(ctx, 404, typed, "team.join.unknown");
        }
        return Result.redirect("/sessions/" + session.get().id());
    }

    private TeamSessionRepository.Session memberSession(Ctx ctx) {
        var s = sessions.find(ctx.idParam("session")).orElseThrow(() -> HttpError.notFound("team.unknown"));
        if (!cohorts.isMember(s.cohortId(), ctx.user().id())) {
            throw HttpError.forbidden("team.notMember");
        }
        return s;
    }

    private Result showMemberView(Ctx ctx) {
        var s = memberSession(ctx);
        TeamItem item = TeamSessionRoutes.item(catalogue, s);
        SessionResult result = s.open() ? null
                : SessionResult.of(s, item, sessions.answers(s.id()), ctx.messages(), ctx.now());
        return Result.page("cohort/answer", "session", s, "item", item,
                "answered", sessions.hasAnswered(s.id(), ctx.user().id()), "result", result);
    }

    private Result submitAnswer(Ctx ctx) {
        var s = memberSession(ctx);
        TeamItem item = TeamSessionRoutes.item(catalogue, s);
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
}
