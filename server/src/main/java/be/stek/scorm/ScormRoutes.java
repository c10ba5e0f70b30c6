package be.stek.scorm;

import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import be.stek.web.SecurityHeaders;
import be.stek.web.Visitor;
import java.util.List;
import java.util.Map;

/**
 * What learners do with packages on Stek's origin: the list, a package's table of contents with their standing per
 * item, the player page (which frames the content origin, see {@link ContentRoutes}), and starting an item over.
 */
final class ScormRoutes {
    /** How long the player waits for the SCO's Initialize before it says that the module did not start. */
    static final int START_SECONDS = 10;

    private final PackageRepository packages;
    private final CmiStore cmi;
    private final PackageStandings standings;
    private final LaunchTokens tokens;
    private final ContentSite site;
    private final java.nio.file.Path root;
    private final Sequencing sequencing;

    ScormRoutes(PackageRepository packages, CmiStore cmi, PackageStandings standings, LaunchTokens tokens,
                ContentSite site, java.nio.file.Path root, Sequencing sequencing) {
        this.sequencing = sequencing;
        this.packages = packages;
        this.cmi = cmi;
        this.standings = standings;
        this.tokens = tokens;
        this.site = site;
        this.root = root;
    }

    void register(Router r) {
        r.get("/scorm", Access.SIGNED_IN, this::showList);
        r.get("/scorm/packages/{pkg}", Access.SIGNED_IN, this::showPackage);
        r.get("/scorm/packages/{pkg}/play/{item}", Access.SIGNED_IN, this::showPlayer);
        r.post("/scorm/packages/{pkg}/play/{item}/restart", Access.SIGNED_IN, this::submitRestart);
        r.get("/scorm/packages/{pkg}/start", Access.SIGNED_IN, this::showStart);
        r.post("/scorm/packages/{pkg}/nav", Access.SIGNED_IN, this::submitNav);
        r.get("/scorm/packages/{pkg}/nav-state", Access.SIGNED_IN, this::showNavState);
        r.get("/scorm/content/{path...}", Access.PUBLIC, ctx -> {
            throw HttpError.forbidden("scorm.error.needsLaunch");
        });
    }

    private ScormPackage pkg(Ctx ctx) {
        return visiblePackage(ctx, ctx.param("pkg"), "scorm.error.noPackage");
    }

    /** A package the visitor may play: archived, replaced and waiting ones only for admins. */
    private ScormPackage visiblePackage(Ctx ctx, String slug, String missingKey) {
        ScormPackage p = packages.bySlug(String.valueOf(slug)).orElseThrow(() -> HttpError.notFound(missingKey));
        if (!p.live() && !ctx.user().isAdmin()) {
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
        List<ScoAttempt> attempts = cmi.attempts(ctx.user().id(), packages.lineage(p));
        List<Toc> toc = Toc.of(p, items, attempts);
        List<ScoAttempt> latest = toc.stream().map(Toc::attempt).filter(java.util.Objects::nonNull).toList();
        var reported = cmi.objectives(latest);
        java.util.Map<String, List<ObjectiveView>> objectives = new java.util.HashMap<>();
        latest.forEach(a -> objectives.put(a.itemId(), ObjectiveView.of(reported.getOrDefault(a.id(), List.of()))));
        List<String> unsupported = ctx.user().isFacilitator()
                ? SequencingFeatures.of(p, root.resolve(p.contentKey())) : List.of();
        SequencingView view = sequencing.sequenced(p).map(t -> sequencing.view(ctx.user().id(), p, t)).orElse(null);
        return Result.page("scorm/package", "pkg", p, "toc", toc, "objectives", objectives, "unsupported", unsupported,
                "standing", PackageStandings.standing(p, items, attempts, packages.weights(p.id())),
                "isFacilitator", ctx.user().isFacilitator(), "sequencing", view == null ? Map.of() : Map.of("view", view));
    }

    /**
     * The player: Stek's bar (title, table of contents, previous and next, start over) around a frame on the content
     * origin, where the run-time and the SCO run with a launch token instead of the learner's session.
     */
    private Result showPlayer(Ctx ctx) {
        ScormPackage p = pkg(ctx);
        Manifest.Item item = item(ctx, p);
        Visitor v = ctx.user();
        SeqTree tree = sequencing.sequenced(p).orElse(null);
        if (tree != null) {
            Result elsewhere = choose(ctx, p, tree, item);
            if (elsewhere != null) {
                return elsewhere;
            }
        }
        LaunchTokens.Launch launch = new LaunchTokens.Launch(CmiStore.newSessionId(v.id()), v.id(), p.id(), item.id(),
                ctx.origin(), ctx.now());
        String token = tokens.issue(launch);
        String content = site.origin(ctx);
        ctx.responseHeader("Content-Security-Policy", SecurityHeaders.framing(content));
        List<Toc> toc = Toc.of(p, packages.items(p.id()), cmi.attempts(v.id(), packages.lineage(p)));
        if (tree != null) {
            SequencingView view = sequencing.view(v.id(), p, tree);
            return Result.page("scorm/player", "pkg", p, "item", item, "toc", toc, "playUrl", Toc.playUrl(p, item),
                    "contentOrigin", content, "src", content + "/launch/" + token, "startSeconds", START_SECONDS,
                    "sequencing", Map.of("view", view, "session", launch.sessionId()));
        }
        return Result.page("scorm/player", "pkg", p, "item", item, "toc", toc, "playUrl", Toc.playUrl(p, item),
                "contentOrigin", content, "src", content + "/launch/" + token, "startSeconds", START_SECONDS,
                "previous", Toc.neighbour(toc, item, -1).orElse(null), "next", Toc.neighbour(toc, item, 1).orElse(null),
                "sequencing", Map.of());
    }

    /**
     * Opening an item of a sequenced package is a choice navigation request (unless it is the activity the learner
     * is in): the sequencer may refuse it (409 with the reason) or deliver another activity (a cluster's first).
     */
    private Result choose(Ctx ctx, ScormPackage p, SeqTree tree, Manifest.Item item) {
        long learner = ctx.user().id();
        Sequencer.Outcome o = sequencing.navigate(learner, p, tree, s -> {
            if (item.id().equals(s.st.current) && s.st.act(item.id()).active && !s.st.ended) {
                return new Sequencer.Outcome(item.id(), false, null);
            }
            return s.navigate("choice", item.id());
        });
        if (!o.valid()) {
            throw HttpError.conflict("scorm.nav.refused." + o.refusal(), item.title());
        }
        if (o.deliver() == null) {
            return Result.redirect(PackageStandings.url(p));
        }
        return o.deliver().equals(item.id()) ? null : Result.redirect(Toc.playUrl(p, tree.get(o.deliver()).id));
    }

    /** Start or resume a sequenced package where the learner left it (or at its first activity). */
    private Result showStart(Ctx ctx) {
        ScormPackage p = pkg(ctx);
        SeqTree tree = sequencing.sequenced(p).orElse(null);
        if (tree == null) {
            Manifest.Item first = packages.items(p.id()).stream().filter(Manifest.Item::launchable).findFirst()
                    .orElseThrow(() -> HttpError.notFound("scorm.error.noItem"));
            return Result.redirect(Toc.playUrl(p, first));
        }
        return outcome(p, tree, sequencing.navigate(ctx.user().id(), p, tree, s -> s.navigate("start", null)));
    }

    private Result outcome(ScormPackage p, SeqTree tree, Sequencer.Outcome o) {
        if (o.deliver() != null) {
            return Result.redirect(Toc.playUrl(p, tree.get(o.deliver()).id));
        }
        if (!o.valid()) {
            return new Result.Redirect(PackageStandings.url(p), "scorm.nav.refused");
        }
        return new Result.Redirect(PackageStandings.url(p), o.ended() ? "scorm.nav.ended" : null);
    }

    /**
     * A navigation request of the player (its buttons, or the SCO's {@code adl.nav.request} passed on by the
     * run-time): waits until the launch's session is closed (the SCO's final commit, sent as it unloads), so that
     * the sequencer ends the attempt with what the SCO reported, then lets the sequencer decide where it leads.
     */
    private Result submitNav(Ctx ctx) {
        ScormPackage p = pkg(ctx);
        SeqTree tree = sequencing.sequenced(p).orElseThrow(() -> HttpError.notFound("scorm.error.noPackage"));
        String request = String.valueOf(ctx.form("request"));
        if (!NAV_REQUESTS.contains(request)) {
            throw HttpError.badRequest("scorm.nav.unknownRequest", request);
        }
        String target = ctx.formOpt("target").orElse(null);
        awaitFinalCommit(ctx.user().id(), ctx.formOpt("session").orElse(null));
        return outcome(p, tree, sequencing.navigate(ctx.user().id(), p, tree, s -> s.navigate(request, target)));
    }

    private static final java.util.Set<String> NAV_REQUESTS = java.util.Set.of("start", "resumeAll", "continue",
            "previous", "choice", "jump", "exit", "exitAll", "abandon", "abandonAll", "suspendAll");

    /** How long a navigation request waits for the final commit of the SCO it leaves. */
    static final long FINAL_COMMIT_MILLIS = 4_000;

    private void awaitFinalCommit(long learner, String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return;
        }
        long deadline = System.currentTimeMillis() + FINAL_COMMIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            var s = cmi.session(sessionId);
            if (s.isPresent() && (s.get().closed() || s.get().learnerId() != learner)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** What the player's buttons and table of contents allow now, for the player to refresh them after a commit. */
    private Result showNavState(Ctx ctx) {
        ScormPackage p = pkg(ctx);
        SeqTree tree = sequencing.sequenced(p).orElseThrow(() -> HttpError.notFound("scorm.error.noPackage"));
        SequencingView view = sequencing.view(ctx.user().id(), p, tree);
        Map<String, Boolean> items = new java.util.LinkedHashMap<>();
        tree.byId.values().stream().filter(a -> a != tree.root).forEach(a -> items.put(a.id, view.choosable(a.id)));
        return Result.json(Map.of("continue", view.canContinue(), "previous", view.canPrevious(), "items", items));
    }

    private Result submitRestart(Ctx ctx) {
        ScormPackage p = pkg(ctx);
        Manifest.Item item = item(ctx, p);
        cmi.endAttempt(ctx.user().id(), p.id(), item.id(), ctx.now());
        return Result.redirect(Toc.playUrl(p, item));
    }

    /** SCORM's name convention: "Peeters, Lotte" for "Lotte Peeters". */
    static String lastFirst(String name) {
        String n = name == null ? "" : name.strip();
        int space = n.lastIndexOf(' ');
        return space < 0 ? n : n.substring(space + 1) + ", " + n.substring(0, space);
    }
}
