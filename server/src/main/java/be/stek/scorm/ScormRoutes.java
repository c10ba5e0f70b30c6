package be.stek.scorm;

import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import be.stek.web.Visitor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What learners do with packages: the list, a package's table of contents with their standing per item, the
 * player, starting an item over, and the commit endpoint the player's run-time calls.
 */
final class ScormRoutes {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ScormRoutes.class);
    private static final long MAX_COMMIT = 2L * 1024 * 1024;
    /** The longest suspend_data Stek keeps, in both versions; longer is refused, never cut. */
    static final int MAX_SUSPEND_DATA = 64_000;

    private final PackageRepository packages;
    private final CmiStore cmi;
    private final PackageStandings standings;

    ScormRoutes(PackageRepository packages, CmiStore cmi, PackageStandings standings) {
        this.packages = packages;
        this.cmi = cmi;
        this.standings = standings;
    }

    void register(Router r) {
        r.get("/scorm", Access.SIGNED_IN, this::showList);
        r.get("/scorm/packages/{pkg}", Access.SIGNED_IN, this::showPackage);
        r.get("/scorm/packages/{pkg}/play/{item}", Access.SIGNED_IN, this::showPlayer);
        r.post("/scorm/packages/{pkg}/play/{item}/restart", Access.SIGNED_IN, this::submitRestart);
        r.post("/api/scorm/sessions/{session}/commit", Access.SIGNED_IN, MAX_COMMIT, this::submitCommit);
    }

    private ScormPackage pkg(Ctx ctx) {
        return visiblePackage(ctx, ctx.param("pkg"), "scorm.error.noPackage");
    }

    /** A package the visitor may play: archived ones only for admins. */
    private ScormPackage visiblePackage(Ctx ctx, String slug, String missingKey) {
        ScormPackage p = packages.bySlug(String.valueOf(slug)).orElseThrow(() -> HttpError.notFound(missingKey));
        if (p.archivedAt() != null && !ctx.user().isAdmin()) {
            throw HttpError.notFound(missingKey);
        }
        return p;
    }

    private Manifest.Item item(Ctx ctx, ScormPackage p) {
        return packages.item(p.id(), ctx.param("item")).filter(Manifest.Item::launchable)
                .orElseThrow(() -> HttpError.notFound("scorm.error.noItem"));
    }

    private Result showList(Ctx ctx) {
        return Result.page("scorm/list", "standings", standings.of(ctx.user().id()), "isAdmin", ctx.user().isAdmin(),
                "isFacilitator", ctx.user().isFacilitator());
    }

    private Result showPackage(Ctx ctx) {
        ScormPackage p = pkg(ctx);
        List<Manifest.Item> items = packages.items(p.id());
        List<ScoAttempt> attempts = cmi.attempts(ctx.user().id(), p.id());
        return Result.page("scorm/package", "pkg", p, "toc", Toc.of(p, items, attempts),
                "standing", PackageStandings.standing(p, items, attempts), "isFacilitator", ctx.user().isFacilitator());
    }

    private Result showPlayer(Ctx ctx) {
        ScormPackage p = pkg(ctx);
        Manifest.Item item = item(ctx, p);
        Visitor v = ctx.user();
        CmiStore.Launch launch = cmi.launch(v.id(), p, item.id());
        String seed = Seed.build(p.version(), launch, String.valueOf(v.id()), lastFirst(v.name()), item.values())
                .toString();
        List<Toc> toc = Toc.of(p, packages.items(p.id()), cmi.attempts(v.id(), p.id()));
        return Result.page("scorm/player", "pkg", p, "item", item, "toc", toc, "seed", seed,
                "src", p.contentUrl() + item.launch(), "entry", launch.entry(), "playUrl", Toc.playUrl(p, item),
                "commitUrl", "/api/scorm/sessions/" + launch.sessionId() + "/commit?_csrf=" + ctx.csrfToken() + "&pkg="
                        + p.slug() + "&item=" + URLEncoder.encode(item.id(), StandardCharsets.UTF_8),
                "previous", Toc.neighbour(toc, item, -1).orElse(null), "next", Toc.neighbour(toc, item, 1).orElse(null));
    }

    private Result submitRestart(Ctx ctx) {
        ScormPackage p = pkg(ctx);
        Manifest.Item item = item(ctx, p);
        cmi.endAttempt(ctx.user().id(), p.id(), item.id(), ctx.now());
        return Result.redirect(Toc.playUrl(p, item));
    }

    private Result submitCommit(Ctx ctx) throws java.io.IOException {
        CmiStore.SessionKey s = sessionKey(ctx);
        String type = ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("application/json") && !type.startsWith("text/plain")) {
            throw new HttpError(415, "scorm.error.commitType");
        }
        CommitParser.Commit commit;
        try {
            commit = CommitParser.parse(ctx.body(), s.version());
        } catch (CommitParser.BadCommit e) {
            return refusal(ctx, s, "scorm.error.badCommit", 400);
        }
        String sd = commit.state().suspendData();
        if (sd != null && sd.length() > MAX_SUSPEND_DATA) {
            return refusal(ctx, s, "scorm.error.suspendDataTooLong", 413, MAX_SUSPEND_DATA);
        }
        if (commit.undelivered()) {
            log.warn("SCORM session {}: the closing page could not send all of its data", s.id());
        }
        CmiStore.Outcome outcome;
        try {
            outcome = cmi.commit(s, commit, "true".equals(ctx.query("final")), ctx.now());
        } catch (StorageFull e) {
            log.info("SCORM session {}: commit refused ({})", s.id(), e.key());
            return refusal(ctx, s, e.key(), 413, e.args());
        }
        return Result.json(Map.of("result", true, "errorCode", 0, "outcome", outcome.name().toLowerCase()));
    }

    /**
     * The session a commit belongs to: one stored at an earlier commit, or, at the first commit of a launch, the
     * launch the player page named ({@code pkg} and {@code item} in the URL). Only the learner the page was made for
     * may commit to it: the session id starts with their id.
     */
    private CmiStore.SessionKey sessionKey(Ctx ctx) {
        String id = ctx.param("session");
        long me = ctx.user().id();
        var stored = cmi.session(id);
        if (stored.isPresent() ? stored.get().learnerId() != me : !CmiStore.SessionKey.madeFor(id, me)) {
            throw HttpError.forbidden("scorm.error.notYourSession");
        }
        if (stored.isPresent()) {
            return stored.get().key();
        }
        ScormPackage p = visiblePackage(ctx, ctx.query("pkg"), "scorm.error.noSession");
        Manifest.Item item = packages.item(p.id(), String.valueOf(ctx.query("item"))).filter(Manifest.Item::launchable)
                .orElseThrow(() -> HttpError.notFound("scorm.error.noSession"));
        return new CmiStore.SessionKey(id, me, p.id(), item.id(), p.version());
    }

    /**
     * A commit Stek does not store: the SCO's Commit returns false with a general commit failure, and the player
     * shows {@code error} (the message of {@code key}) to the learner.
     */
    private static Result refusal(Ctx ctx, CmiStore.SessionKey s, String key, int status, Object... args) {
        int code = s.version() == ScormVersion.SCORM_12 ? 101 : 391;
        return new Result.Json(Map.of("result", false, "errorCode", code, "error", ctx.messages().get(key, args)),
                status);
    }

    /** SCORM's name convention: "Peeters, Lotte" for "Lotte Peeters". */
    static String lastFirst(String name) {
        String n = name == null ? "" : name.strip();
        int space = n.lastIndexOf(' ');
        return space < 0 ? n : n.substring(space + 1) + ", " + n.substring(0, space);
    }
}
