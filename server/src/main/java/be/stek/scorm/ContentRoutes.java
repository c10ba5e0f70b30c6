package be.stek.scorm;

import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The package content origin: what a launch token opens there, and nothing else. The run-time page (scorm-again
 * with the seed of the launch, framing the SCO so that it finds {@code API}/{@code API_1484_11} in its parent), the
 * files of the token's package, and the commit endpoint the run-time sends to (same origin, so no cookie and no
 * CORS is involved). Any other address on this origin answers 403.
 */
final class ContentRoutes {
    private static final long MAX_COMMIT = 2L * 1024 * 1024;

    private final PackageRepository packages;
    private final CmiStore cmi;
    private final LaunchTokens tokens;
    private final ContentSite site;
    private final LongFunction<String> learnerNames;
    private final Path root;
    private final Sequencing sequencing;

    ContentRoutes(PackageRepository packages, CmiStore cmi, LaunchTokens tokens, ContentSite site,
                  LongFunction<String> learnerNames, Path root, Sequencing sequencing) {
        this.sequencing = sequencing;
        this.packages = packages;
        this.cmi = cmi;
        this.tokens = tokens;
        this.site = site;
        this.learnerNames = learnerNames;
        this.root = root;
    }

    void register(Router r) {
        r.get("/launch/{token}", Access.PUBLIC, this::showRuntime);
        r.get("/c/{token}/{path...}", Access.PUBLIC, this::showFile);
        r.add("POST", "/commit/{token}", Access.PUBLIC, this::submitCommit, MAX_COMMIT, false);
        r.get("/{path...}", Access.PUBLIC, ctx -> {
            throw HttpError.forbidden("scorm.error.needsLaunch");
        });
    }

    /** The launch a valid token names; 403 for a missing, forged or expired one. */
    private LaunchTokens.Launch launch(Ctx ctx) {
        return tokens.verify(ctx.param("token"), ctx.now())
                .orElseThrow(() -> HttpError.forbidden("scorm.error.needsLaunch"));
    }

    private ScormPackage pkg(LaunchTokens.Launch launch) {
        return packages.byId(launch.packageId()).orElseThrow(() -> HttpError.notFound("scorm.error.noPackage"));
    }

    private Result showRuntime(Ctx ctx) {
        LaunchTokens.Launch l = launch(ctx);
        ScormPackage p = pkg(l);
        Manifest.Item item = packages.item(p.id(), l.itemId()).filter(Manifest.Item::launchable)
                .orElseThrow(() -> HttpError.notFound("scorm.error.noItem"));
        CmiStore.Launch launch = cmi.launch(l.learnerId(), p, item.id(), l.sessionId());
        var session = cmi.session(l.sessionId());
        String seed = Seed.build(p.version(), launch, String.valueOf(l.learnerId()),
                ScormRoutes.lastFirst(learnerNames.apply(l.learnerId())), item).toString();
        ctx.responseHeader("Content-Security-Policy", site.policy(l.player()));
        String token = ctx.param("token");
        Map<String, Object> adl = new java.util.LinkedHashMap<>();
        if (p.version() == ScormVersion.SCORM_2004) {
            adl.put("requestValid", requestValid(l.learnerId(), p, item));
            Map<String, Object> shared = sequencing.sharedData(l.learnerId(), p, item.id());
            if (shared != null) {
                adl.put("data", shared);
            }
        }
        return Result.page("scorm/runtime", "pkg", p, "item", item, "seed", seed, "commitUrl", "/commit/" + token,
                "adl", CommitParser.JSON.valueToTree(adl).toString(),
                "src", "/c/" + token + "/" + item.launch(), "entry", launch.entry(),
                "sequence", session.map(CmiStore.SessionInfo::lastSequence).orElse(0L),
                "closed", session.map(CmiStore.SessionInfo::closed).orElse(false));
    }

    /**
     * {@code adl.nav.request_valid} at launch: from the sequencer for a sequenced package; for one without
     * sequencing, continue and previous where the table of contents has a next or previous item, and every item
     * may be chosen.
     */
    private Map<String, Object> requestValid(long learner, ScormPackage p, Manifest.Item item) {
        var tree = sequencing.sequenced(p);
        if (tree.isPresent()) {
            return sequencing.requestValid(learner, p, tree.get());
        }
        List<Manifest.Item> launchable = packages.items(p.id()).stream().filter(Manifest.Item::launchable).toList();
        int at = launchable.indexOf(item);
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("continue", String.valueOf(at >= 0 && at < launchable.size() - 1));
        out.put("previous", String.valueOf(at > 0));
        Map<String, String> choice = new java.util.LinkedHashMap<>();
        launchable.forEach(i -> choice.put(i.id(), "true"));
        out.put("choice", choice);
        out.put("jump", choice);
        return out;
    }

    /** A file of the token's package; its real path must stay inside the package's folder. */
    private Result showFile(Ctx ctx) {
        LaunchTokens.Launch l = launch(ctx);
        Path dir = root.resolve(pkg(l).contentKey()).normalize();
        Path file = dir.resolve(ctx.param("path")).normalize();
        if (!file.startsWith(dir) || file.equals(dir)) {
            throw HttpError.notFound("error.notFound");
        }
        ctx.responseHeader("Content-Security-Policy", site.policy(l.player()));
        return new Result.File(dir, file, null);
    }

    private Result submitCommit(Ctx ctx) throws java.io.IOException {
        LaunchTokens.Launch l = launch(ctx);
        ScormPackage p = pkg(l);
        var stored = cmi.session(l.sessionId());
        if (stored.isPresent() && stored.get().learnerId() != l.learnerId()) {
            throw HttpError.forbidden("scorm.error.notYourSession");
        }
        var key = new CmiStore.SessionKey(l.sessionId(), l.learnerId(), p.id(), l.itemId(), p.version());
        String body = Commits.body(ctx);
        Result result = Commits.submit(ctx, cmi, key, body);
        if (result instanceof Result.Json j && j.status() == 200 && p.version() == ScormVersion.SCORM_2004) {
            Map<String, String> written = Commits.sharedData(body);
            if (!written.isEmpty()) {
                sequencing.storeSharedData(l.learnerId(), p, l.itemId(), written, ctx.now());
            }
        }
        return result;
    }
}
