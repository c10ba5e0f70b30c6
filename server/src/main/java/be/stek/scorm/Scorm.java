package be.stek.scorm;

import be.stek.course.Catalogue;
import be.stek.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import be.stek.web.Router;

/**
 * The SCORM feature: imported packages (stored under {@code <data>/scorm/}), the player and its commit endpoint,
 * results, and the export of every course as a SCORM 1.2 and a SCORM 2004 4th edition package.
 */
public final class Scorm {
    private final Path root;
    private final PackageStandings standings;
    private final ScormRoutes routes;
    private final ScormAdminRoutes admin;
    private final ExportRoutes export;
    private final ContentRoutes content;

    private Scorm(Path root, PackageStandings standings, ScormRoutes routes, ScormAdminRoutes admin,
                  ExportRoutes export, ContentRoutes content) {
        this.root = root;
        this.standings = standings;
        this.routes = routes;
        this.admin = admin;
        this.export = export;
        this.content = content;
    }

    /**
     * Builds the feature. {@code coursesDir} and {@code mediaDir} are where exported lessons find their media;
     * {@code maxUpload} bounds an uploaded package; {@code follows} says whether a facilitator follows a learner,
     * which limits what a facilitator sees of the results; {@code learnerNames} gives the name the run-time hands a
     * SCO; {@code site} is the origin package content is served from.
     */
    public static Scorm open(Database db, Catalogue catalogue, Path dataDir, Path coursesDir, Path mediaDir,
                             long maxUpload, java.util.function.BiPredicate<Long, Long> follows,
                             java.util.function.LongFunction<String> learnerNames, ContentSite site) {
        Path root = dataDir.resolve("scorm").toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root, e);
        }
        removeLeftovers(root);
        PackageRepository packages = new PackageRepository(db);
        CmiStore cmi = new CmiStore(db);
        PackageStandings standings = new PackageStandings(db, packages);
        ImportLimits limits = new ImportLimits(maxUpload, ImportLimits.DEFAULT.maxUnpacked(),
                ImportLimits.DEFAULT.maxEntries(), ImportLimits.DEFAULT.maxManifest(), ImportLimits.DEFAULT.maxRatio());
        var importer = new PackageImporter(root, packages, limits);
        LaunchTokens tokens = LaunchTokens.of(db);
        Sequencing sequencing = new Sequencing(db, root);
        return new Scorm(root, standings, new ScormRoutes(packages, cmi, standings, tokens, site, root, sequencing),
                new ScormAdminRoutes(packages, importer, new PackageResults(db, cmi), follows, root, maxUpload),
                new ExportRoutes(catalogue, new ScormExporter(coursesDir, mediaDir)),
                new ContentRoutes(packages, cmi, tokens, site, learnerNames, root, sequencing));
    }

    public void register(Router r) {
        export.register(r);
        routes.register(r);
        admin.register(r);
    }

    /** The routes of the package content origin, which has a router (and no sessions) of its own. */
    public void registerContent(Router r) {
        content.register(r);
    }

    /** The folder whose sub-folders are the unpacked packages. */
    public Path contentRoot() {
        return root;
    }

    /** Standings and catalogue entries, for the catalogue and the dashboards. */
    public PackageStandings standings() {
        return standings;
    }

    /** Staging folders and upload copies left by a crash during an import. */
    private static void removeLeftovers(Path root) {
        try (Stream<Path> s = Files.list(root)) {
            s.filter(p -> p.getFileName().toString().startsWith(".")).forEach(PackageImporter::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
