package be.stek.scorm;

import be.stek.course.Catalogue;
import be.stek.course.Course;
import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;

/** Facilitators download any course as a SCORM 1.2 or SCORM 2004 4th edition package for another LMS. */
final class ExportRoutes {
    private final Catalogue catalogue;
    private final ScormExporter exporter;

    ExportRoutes(Catalogue catalogue, ScormExporter exporter) {
        this.catalogue = catalogue;
        this.exporter = exporter;
    }

    void register(Router r) {
        r.get("/scorm/export", Access.FACILITATOR, ctx -> Result.page("scorm/export", "courses", catalogue.courses()));
        r.get("/scorm/export/{course}/{file}", Access.FACILITATOR, this::download);
    }

    private Result download(Ctx ctx) {
        Course course = catalogue.course(ctx.param("course")).orElseThrow(() -> HttpError.notFound("error.unknownCourse"));
        String file = ctx.param("file");
        ScormVersion version = file.equals(fileName(course, ScormVersion.SCORM_12)) ? ScormVersion.SCORM_12
                : file.equals(fileName(course, ScormVersion.SCORM_2004)) ? ScormVersion.SCORM_2004 : null;
        if (version == null) {
            throw HttpError.notFound("error.notFound");
        }
        return Result.download(file, "application/zip", exporter.export(course, catalogue.glossary(), version));
    }

    /** {@code <course>-scorm12.zip} or {@code <course>-scorm2004.zip}. */
    static String fileName(Course course, ScormVersion version) {
        return course.slug() + (version == ScormVersion.SCORM_12 ? "-scorm12.zip" : "-scorm2004.zip");
    }
}
