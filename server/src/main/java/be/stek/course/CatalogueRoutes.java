package be.stek.course;

import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The public catalogue with learning paths, the glossary, and media files kept inside course folders. */
public final class CatalogueRoutes {
    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("mp3", "audio/mpeg"),
            Map.entry("ogg", "audio/ogg"), Map.entry("m4a", "audio/mp4"), Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"), Map.entry("vtt", "text/vtt"), Map.entry("pdf", "application/pdf"));

    private final Catalogue catalogue;
    private final Path coursesDir;
    private final Supplier<List<?>> packages;

    /** {@code packages} lists imported SCORM packages for the catalogue (a function: course knows no SCORM). */
    public CatalogueRoutes(Catalogue catalogue, Path coursesDir, Supplier<List<?>> packages) {
        this.catalogue = catalogue;
        this.coursesDir = coursesDir.toAbsolutePath().normalize();
        this.packages = packages;
    }

    public void register(Router r) {
        r.get("/", Access.PUBLIC, this::showCatalogue);
        r.get("/woordenlijst", Access.PUBLIC, this::showGlossary);
        r.get("/courses/{course}/files/{path...}", Access.PUBLIC, this::showFile);
    }

    /** The catalogue; {@code ?pad=id} picks a learning path (its courses in its order), {@code ?voor=} filters. */
    private Result showCatalogue(Ctx ctx) {
        LearningPath path = catalogue.paths().stream().filter(p -> p.id().equals(ctx.query("pad"))).findFirst()
                .orElse(null);
        String audience = path != null ? path.audience() : ctx.query("voor");
        var courses = path != null
                ? path.steps().stream().map(s -> catalogue.course(s.course())).flatMap(java.util.Optional::stream).toList()
                : catalogue.courses().stream().filter(c -> audience == null || audience.isEmpty()
                        || c.meta().audiences().contains(audience)).toList();
        Map<String, String> titles = new java.util.HashMap<>();
        catalogue.courses().forEach(c -> {
            titles.put(c.slug(), c.title());
            c.lessons().forEach(l -> titles.put(c.slug() + "/" + l.slug(), l.title()));
        });
        return Result.page("course/catalogue", "courses", courses, "paths", catalogue.paths(), "titles", titles,
                "audience", audience == null ? "" : audience, "path", path, "packages", packages.get());
    }

    private Result showGlossary(Ctx ctx) {
        return Result.page("course/glossary", "glossary", catalogue.glossary());
    }

    /** A media file kept in a course folder; streamed, and only when its real path stays inside that folder. */
    private Result showFile(Ctx ctx) {
        Course course = catalogue.course(ctx.param("course"))
                .orElseThrow(() -> HttpError.notFound("error.unknownCourse"));
        Path dir = coursesDir.resolve(course.slug()).normalize();
        Path file = dir.resolve(ctx.param("path")).normalize();
        String type = TYPES.get(Links.extension(file.toString()));
        if (!file.startsWith(dir) || type == null) {
            throw HttpError.notFound("error.notFound");
        }
        return new Result.File(dir, file, type);
    }
}
