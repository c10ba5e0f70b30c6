package be.stek.handout;

import be.stek.course.Catalogue;
import be.stek.course.Course;
import be.stek.course.Glossary;
import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.file.Path;

/**
 * A printable handout per module: {@code /courses/<slug>/handout.pdf} for every signed-in person, and
 * {@code /courses/<slug>/handout-facilitator.pdf}, with the facilitator guide, the comprehension questions and the
 * cases without keys, for facilitators and admins. A PDF is made once per loaded course and kept while that course
 * is served (a course reloaded in development mode is a new course, so its handout is made anew).
 */
public final class Handouts {
    private final Catalogue catalogue;
    private final Path mediaDir;
    private final HandoutPdf pdf = new HandoutPdf();
    /** Keyed by the course object itself (weak keys compare by identity): an edited course gets a new PDF. */
    private final Cache<Course, byte[]> learner = Caffeine.newBuilder().weakKeys().maximumSize(50).build();
    private final Cache<Course, byte[]> facilitator = Caffeine.newBuilder().weakKeys().maximumSize(50).build();

    /** {@code mediaDir} is where the diagrams the handouts draw are. */
    public Handouts(Catalogue catalogue, Path mediaDir) {
        this.catalogue = catalogue;
        this.mediaDir = mediaDir;
    }

    public void register(Router r) {
        r.get("/courses/{course}/handout.pdf", Access.SIGNED_IN, ctx -> download(ctx, false));
        r.get("/courses/{course}/handout-facilitator.pdf", Access.FACILITATOR, ctx -> download(ctx, true));
    }

    private Result download(Ctx ctx, boolean forFacilitator) {
        Course course = catalogue.course(ctx.param("course")).orElseThrow(() -> HttpError.notFound("error.unknownCourse"));
        String name = (forFacilitator ? "hand-out-begeleiders-" : "hand-out-") + course.slug() + ".pdf";
        return Result.download(name, "application/pdf", (forFacilitator ? facilitator : learner)
                .get(course, c -> render(c, catalogue.glossary(), forFacilitator)));
    }

    /** The handout of a course as PDF bytes (also used by the {@code handout} command). */
    public byte[] render(Course course, Glossary glossary, boolean forFacilitator) {
        var m = Handout.messages(course);
        String title = course.title() + " · " + m.get(forFacilitator ? "handout.nameFacilitator" : "handout.name");
        return pdf.render(title, course.meta().language(), Handout.of(course, glossary, forFacilitator), m, mediaDir);
    }
}
