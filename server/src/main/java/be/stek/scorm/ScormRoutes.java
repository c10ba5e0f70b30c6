package be.stek.scorm;

import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import be.stek.web.SecurityHeaders;
import be.stek.web.Visitor;
import java.util.List;

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

    ScormRoutes(PackageRepository packages, CmiStore cmi, PackageStandings standings, LaunchTokens tokens,
                ContentSite site, java.nio.file.Path root) {
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
        return Result.page("scorm/package", "pkg", p, "toc", toc, "objectives", objectives, "unsupported", unsupported,
                "standing", PackageStandings.standing(p, items, attempts), "isFacilitator", ctx.user().isFacilitator());
    }

    /**
     * The player: Stek's bar (title, table of contents, previous and next, start over) around a frame on the content
     * origin, where the run-time and the SCO run with a launch token instead of the learner's session.
     */
    private Result showPlayer(Ctx ctx) {
        ScormPackage p = pkg(ctx);
        Manifest.Item item = item(ctx, p);
        Visitor v = ctx.user();
        String token = tokens.issue(new LaunchTokens.Launch(CmiStore.newSessionId(v.id()), v.id(), p.id(), item.id(),
                ctx.origin(), ctx.now()));
        String content = site.origin(ctx);
        ctx.responseHeader("Content-Security-Policy", SecurityHeaders.framing(content));
        List<Toc> toc = Toc.of(p, packages.items(p.id()), cmi.attempts(v.id(), packages.lineage(p)));
        return Result.page("scorm/player", "pkg", p, "item", item, "toc", toc, "playUrl", Toc.playUrl(p, item),
                "contentOrigin", content, "src", content + "/launch/" + token, "startSeconds", START_SECONDS,
                "previous", Toc.neighbour(toc, item, -1).orElse(null), "next", Toc.neighbour(toc, item, 1).orElse(null));
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
