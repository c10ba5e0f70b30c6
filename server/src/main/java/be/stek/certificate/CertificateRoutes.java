package be.stek.certificate;

import be.stek.course.Catalogue;
import be.stek.course.Course;
import be.stek.progress.CourseStatus;
import be.stek.progress.ProgressRepository;
import be.stek.progress.Standings;
import be.stek.store.Sql;
import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.Form;
import be.stek.web.HttpError;
import be.stek.web.Messages;
import be.stek.web.Result;
import be.stek.web.Router;
import be.stek.web.Visitor;
import java.util.ArrayList;
import java.util.List;

/**
 * Downloading a certificate, and the public page that verifies one. A certificate is issued the first time a
 * learner who achieved the course (completion and success) asks for it; later downloads draw the same stored facts.
 */
public final class CertificateRoutes {
    private final Catalogue catalogue;
    private final Standings standings;
    private final ProgressRepository progress;
    private final CertificateRepository certificates;
    private final CertificatePdf pdf;
    private final String baseUrl;

    public CertificateRoutes(Catalogue catalogue, Standings standings, ProgressRepository progress,
                             CertificateRepository certificates, String baseUrl, String organisation) {
        this.catalogue = catalogue;
        this.standings = standings;
        this.progress = progress;
        this.certificates = certificates;
        this.baseUrl = baseUrl;
        this.pdf = new CertificatePdf(organisation);
    }

    public void register(Router r) {
        r.get("/courses/{course}/certificate", Access.SIGNED_IN, this::downloadCertificate);
        r.get("/verify", Access.PUBLIC, this::showVerifyForm);
        r.get("/verify/{code}", Access.PUBLIC, this::showVerification);
    }

    private Result downloadCertificate(Ctx ctx) {
        Visitor me = ctx.user();
        // An issued certificate stays downloadable even if the course changed or left the catalogue since.
        Certificate cert = certificates.find(me.id(), ctx.param("course")).orElseGet(() -> issue(ctx, me));
        return Result.download(ctx.messages().get("cert.filename", cert.course()), "application/pdf",
                pdf.render(cert, ctx.messages(), baseUrl));
    }

    private Certificate issue(Ctx ctx, Visitor me) {
        Course course = catalogue.course(ctx.param("course"))
                .orElseThrow(() -> HttpError.notFound("error.unknownCourse"));
        CourseStatus status = standings.of(me.id(), course);
        if (!status.achieved()) {
            throw HttpError.forbidden("cert.notYet", course.title(), missing(status, ctx.messages()));
        }
        String completed = CompletionDate.of(course, progress.states(me.id(), course.slug()),
                certificates.finishedAttempts(me.id(), course.slug())).orElse(Sql.iso(ctx.now()));
        return certificates.issue(new Certificate(null, me.id(), course.slug(), course.title(),
                course.meta().version(), me.name(), completed, course.meta().minutes(), Sql.iso(ctx.now())));
    }

    /** What a learner still has to do for a certificate, in words. */
    static String missing(CourseStatus s, Messages m) {
        List<String> parts = new ArrayList<>();
        if (s.lessonsDone() < s.lessonsTotal()) {
            parts.add(m.get("cert.missing.lessons", s.lessonsTotal() - s.lessonsDone(), s.lessonsTotal()));
        }
        if (s.activitiesDone() < s.activitiesTotal()) {
            parts.add(m.get("cert.missing.vignettes", s.activitiesTotal() - s.activitiesDone(), s.activitiesTotal()));
        } else if (Boolean.FALSE.equals(s.passed())) {
            // Floor, not round: 79.6% is short of 80% and must not read as "80% of 80%".
            long score = s.score() == null ? 0 : (long) Math.floor(s.score() * 100);
            parts.add(m.get("cert.missing.score", score, s.mastery()));
        }
        return String.join("; ", parts);
    }

    private Result showVerifyForm(Ctx ctx) {
        String typed = ctx.query("code");
        if (typed == null || typed.isBlank()) {
            return Form.blank(ctx).page("certificate/verify");
        }
        String code = Certificate.normalize(typed);
        return code.isEmpty() ? notFound(ctx, typed) : Result.redirect("/verify/" + code);
    }

    private Result showVerification(Ctx ctx) {
        String typed = ctx.param("code");
        return certificates.byCode(Certificate.normalize(typed))
                .<Result>map(cert -> Form.blank(ctx).page("certificate/verify", "certificate", cert))
                .orElseGet(() -> notFound(ctx, typed));
    }

    /** The form again with the code as typed and the error beside it; 404, as there is no such certificate. */
    private static Result notFound(Ctx ctx, String typed) {
        String shown = typed.length() > 40 ? typed.substring(0, 40) : typed;
        return Form.filled(ctx, java.util.Map.of("code", shown)).error("code", "cert.verify.notFound", shown)
                .page("certificate/verify", "notFound", true).withStatus(404);
    }
}
