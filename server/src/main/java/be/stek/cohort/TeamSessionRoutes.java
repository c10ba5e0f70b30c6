package be.stek.cohort;

import be.stek.course.Catalogue;
import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.Form;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import java.util.Map;

/**
 * Team reflection sessions, the facilitator's side. The facilitator opens one on a vignette question or a reflection
 * prompt with a minimum of answers; members join with its code and answer on their own device; the facilitator's
 * page and the projector view show only an anonymous distribution, nothing until the minimum is reached, and update
 * themselves by polling {@code …/live} (a script; without it, a refresh link). Closing asks for confirmation.
 */
public final class TeamSessionRoutes {
    static final int DEFAULT_MINIMUM = 3;
    static final int MAX_MINIMUM = 100;

    private final CohortAccess access;
    private final TeamSessionRepository sessions;
    private final Catalogue catalogue;
    private final String baseUrl;
    private final TeamSessionOpened listener;

    /** {@code listener} hears of every session opened (its members get a mail). */
    public TeamSessionRoutes(CohortRepository cohorts, TeamSessionRepository sessions, Catalogue catalogue,
                             String baseUrl, TeamSessionOpened listener) {
        this.listener = listener;
        this.access = new CohortAccess(cohorts);
        this.sessions = sessions;
        this.catalogue = catalogue;
        this.baseUrl = baseUrl;
    }

    public void register(Router r) {
        String one = "/cohorts/{cohort}/sessions/{session}";
        r.get("/cohorts/{cohort}/sessions", Access.FACILITATOR, this::showSessions);
        r.post("/cohorts/{cohort}/sessions", Access.FACILITATOR, this::submitOpen);
        r.get(one, Access.FACILITATOR, this::showFacilitatorView);
        r.get(one + "/live", Access.FACILITATOR, this::showLive);
        r.get(one + "/projector", Access.FACILITATOR, this::showProjector);
        r.get(one + "/close", Access.FACILITATOR, this::showCloseConfirmation);
        r.post(one + "/close", Access.FACILITATOR, this::submitClose);
    }

    private Result showSessions(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        return sessionsPage(cohort, Form.filled(ctx, Map.of("minimum", String.valueOf(DEFAULT_MINIMUM))));
    }

    private Result sessionsPage(Cohort cohort, Form form) {
        return form.page("cohort/sessions", "cohort", cohort, "sessions", sessions.forCohort(cohort.id()),
                "items", TeamItem.all(access.courses(cohort, catalogue)));
    }

    private Result submitOpen(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        Form form = Form.submitted(ctx, "item", "minimum");
        String[] key = form.value("item").split("\\|", -1);
        TeamItem item = key.length != 3 ? null : catalogue.course(key[0])
                .flatMap(c -> TeamItem.find(c, key[1], key[2])).orElse(null);
        form.check(item != null, "item", "team.unknownItem");
        Integer chosen = form.wholeNumber("minimum", 2, MAX_MINIMUM, "team.minimum.range");
        if (form.invalid()) {
            return sessionsPage(cohort, form);
        }
        int minimum = chosen == null ? DEFAULT_MINIMUM : chosen;
        long id = sessions.open(cohort.id(), ctx.user().id(), item.course().slug(), item.activity().id(),
                item.question() == null ? null : item.question().id(), minimum, ctx.now());
        listener.opened(new TeamSessionOpened.Session(cohort.id(), cohort.name(), id, ctx.user().id(),
                item.course().title(), item.activity().title()));
        return Result.redirect("/cohorts/" + cohort.id() + "/sessions/" + id, "team.flash.opened");
    }

    /** The session of the path, which must belong to the cohort of the path (404 otherwise). */
    private TeamSessionRepository.Session session(Ctx ctx, Cohort cohort) {
        var s = sessions.find(ctx.idParam("session")).orElseThrow(() -> HttpError.notFound("team.unknown"));
        if (s.cohortId() != cohort.id()) {
            throw HttpError.notFound("team.unknown");
        }
        return s;
    }

    static TeamItem item(Catalogue catalogue, TeamSessionRepository.Session s) {
        return catalogue.course(s.course()).flatMap(c -> TeamItem.find(c, s.activity(), s.question()))
                .orElseThrow(() -> HttpError.notFound("team.itemGone"));
    }

    private SessionResult result(Ctx ctx, TeamSessionRepository.Session s, TeamItem item) {
        return SessionResult.of(s, item, sessions.answers(s.id()), ctx.messages(), ctx.now());
    }

    /** Where members join: the address with the code in it, or the session's own for sessions without a code. */
    private String joinUrl(TeamSessionRepository.Session s) {
        return baseUrl + (s.joinCode() == null ? "/sessions/" + s.id() : "/code/" + s.joinCode());
    }

    private Result showFacilitatorView(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        var s = session(ctx, cohort);
        TeamItem item = item(catalogue, s);
        return Result.page("cohort/session", "cohort", cohort, "session", s, "item", item,
                "result", result(ctx, s, item), "joinPage", baseUrl + "/code", "joinUrl", joinUrl(s),
                "guide", item.course().page("gids-voor-begeleiders").orElse(null));
    }

    /** What the live pages poll: the anonymous result, for the facilitators of the session's cohort only. */
    private Result showLive(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        var s = session(ctx, cohort);
        return Result.json(result(ctx, s, item(catalogue, s)).json(ctx.messages()));
    }

    private Result showProjector(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        var s = session(ctx, cohort);
        TeamItem item = item(catalogue, s);
        String joinUrl = joinUrl(s);
        return Result.page("cohort/projector", "cohort", cohort, "session", s, "item", item,
                "result", result(ctx, s, item), "joinPage", baseUrl + "/code", "joinUrl", joinUrl,
                "qr", QrSvg.of(joinUrl, ctx.messages().get("team.qrLabel", joinUrl)));
    }

    private Result showCloseConfirmation(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        var s = session(ctx, cohort);
        if (!s.open()) {
            return Result.redirect("/cohorts/" + cohort.id() + "/sessions/" + s.id());
        }
        TeamItem item = item(catalogue, s);
        return Result.page("cohort/session-close", "cohort", cohort, "session", s, "item", item,
                "result", result(ctx, s, item));
    }

    private Result submitClose(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        var s = session(ctx, cohort);
        sessions.close(s.id(), ctx.now());
        return Result.redirect("/cohorts/" + cohort.id() + "/sessions/" + s.id(), "team.flash.closed");
    }
}
