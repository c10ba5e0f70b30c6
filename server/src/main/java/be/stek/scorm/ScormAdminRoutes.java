package be.stek.scorm;

import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.Form;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Admins import and archive packages; facilitators see the results of a package, answer by answer. */
final class ScormAdminRoutes {
    private final PackageRepository packages;
    private final PackageImporter importer;
    private final PackageResults results;
    private final java.util.function.BiPredicate<Long, Long> follows;
    private final Path scratch;
    private final long maxUpload;

    /**
     * {@code follows} says whether a facilitator follows a learner (shares a cohort with them as facilitator): a
     * facilitator sees only those learners' results; an admin sees everyone's.
     */
    ScormAdminRoutes(PackageRepository packages, PackageImporter importer, PackageResults results,
                     java.util.function.BiPredicate<Long, Long> follows, Path scratch,
                     long maxUpload) {
        this.packages = packages;
        this.importer = importer;
        this.results = results;
        this.follows = follows;
        this.scratch = scratch;
        this.maxUpload = maxUpload;
    }

    void register(Router r) {
        r.get("/admin/scorm", Access.ADMIN, ctx -> page(Form.blank(ctx)));
        r.upload("/admin/scorm/import", Access.ADMIN, maxUpload + 1024 * 1024, this::submitImport);
        r.post("/admin/scorm/{pkg}/archive", Access.ADMIN, this::submitArchive);
        r.get("/admin/scorm/{pkg}/version", Access.ADMIN, this::showVersion);
        r.post("/admin/scorm/{pkg}/version", Access.ADMIN, this::submitVersion);
        r.get("/scorm/packages/{pkg}/results", Access.FACILITATOR, this::showResults);
    }

    private Result.Page page(Form form) {
        return form.page("scorm/admin", "packages", packages.all(true), "maxMb", maxUpload / (1024 * 1024));
    }

    private Result submitImport(Ctx ctx) throws IOException {
        Ctx.Upload upload = ctx.upload("package").orElse(null);
        if (upload == null) {
            return page(Form.blank(ctx).error("package", "scorm.refused.noFile"));
        }
        Path tmp = Files.createTempFile(scratch, ".upload-", ".zip");
        try (InputStream in = upload.content()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            ScormPackage p = importer.importZip(tmp, ctx.user().id(), ctx.now());
            return p.pending() ? Result.redirect("/admin/scorm/" + p.slug() + "/version")
                    : Result.redirect(PackageStandings.url(p), "scorm.imported");
        } catch (ImportRefused e) {
            String why = ctx.messages().get(e.key(), e.args());
            Result.Page page = page(Form.blank(ctx).error("package", "scorm.refused", upload.filename(), why));
            return e.key().equals("scorm.refused.tooLarge") ? page.withStatus(413) : page;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Result submitArchive(Ctx ctx) {
        ScormPackage p = packages.bySlug(ctx.param("pkg")).orElseThrow(() -> HttpError.notFound("scorm.error.noPackage"));
        boolean archive = p.archivedAt() == null;
        packages.archive(p.id(), archive, ctx.now());
        return Result.redirect("/admin/scorm", archive ? "scorm.archived" : "scorm.restored");
    }

    /** An upload with the identifier of a package learners see: replace that one, keep both, or drop the upload. */
    private Result showVersion(Ctx ctx) {
        ScormPackage fresh = waiting(ctx);
        ScormPackage current = packages.byId(fresh.replaces()).orElseThrow();
        return Result.page("scorm/version", "fresh", fresh, "current", current,
                "items", packages.items(fresh.id()).stream().filter(Manifest.Item::launchable).count(),
                "currentItems", packages.items(current.id()).stream().filter(Manifest.Item::launchable).count());
    }

    private Result submitVersion(Ctx ctx) {
        ScormPackage fresh = waiting(ctx);
        return switch (ctx.form("choice")) {
            case "replace" -> {
                packages.replace(fresh, ctx.now());
                ScormPackage now = packages.byId(fresh.id()).orElseThrow();
                yield Result.redirect(PackageStandings.url(now), "scorm.replaced");
            }
            case "apart" -> {
                packages.keepApart(fresh);
                yield Result.redirect(PackageStandings.url(fresh), "scorm.imported");
            }
            case "discard" -> {
                importer.discard(fresh);
                yield Result.redirect("/admin/scorm", "scorm.discarded");
            }
            default -> throw HttpError.badRequest("error.missingField", "choice");
        };
    }

    private ScormPackage waiting(Ctx ctx) {
        return packages.bySlug(ctx.param("pkg")).filter(ScormPackage::pending)
                .orElseThrow(() -> HttpError.notFound("scorm.error.noPackage"));
    }

    private Result showResults(Ctx ctx) {
        ScormPackage p = packages.bySlug(ctx.param("pkg")).orElseThrow(() -> HttpError.notFound("scorm.error.noPackage"));
        var viewer = ctx.user();
        return Result.page("scorm/results", "pkg", p, "earlier", packages.earlier(p), "rows",
                results.of(p, learner -> viewer.isAdmin() || follows.test(viewer.id(), learner)));
    }
}
