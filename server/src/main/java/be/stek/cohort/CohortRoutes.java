package be.stek.cohort;

import be.stek.course.Catalogue;
import be.stek.learner.LearnerRepository;
import be.stek.scorm.PackageStandings;
import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Managing cohorts: create, invitation codes and links, assigned courses and SCORM packages with due dates,
 * members. People join a cohort only themselves, with a code or link: a facilitator cannot add an account,
 * because membership lets them read that person's results. An admin, who sees every account anyway, may add an
 * existing account.
 */
public final class CohortRoutes {
    private final CohortRepository cohorts;
    private final CohortAccess access;
    private final Catalogue catalogue;
    private final LearnerRepository learners;
    private final PackageStandings packages;
    private final String baseUrl;

    public CohortRoutes(CohortRepository cohorts, Catalogue catalogue, LearnerRepository learners,
                        PackageStandings packages, String baseUrl) {
        this.cohorts = cohorts;
        this.access = new CohortAccess(cohorts);
        this.catalogue = catalogue;
        this.learners = learners;
        this.packages = packages;
        this.baseUrl = baseUrl;
    }

    public void register(Router r) {
        r.get("/cohorts", Access.FACILITATOR, this::showCohorts);
        r.post("/cohorts", Access.FACILITATOR, this::submitCohort);
        r.get("/cohorts/{cohort}", Access.FACILITATOR, this::showCohort);
        r.post("/cohorts/{cohort}/codes", Access.FACILITATOR, this::submitCode);
        r.post("/cohorts/{cohort}/codes/{code}/delete", Access.FACILITATOR, this::submitDeleteCode);
        r.post("/cohorts/{cohort}/courses", Access.FACILITATOR, this::submitAssign);
        r.post("/cohorts/{cohort}/courses/{course}/remove", Access.FACILITATOR, this::submitUnassign);
        r.post("/cohorts/{cohort}/packages", Access.FACILITATOR, this::submitAssignPackage);
        r.post("/cohorts/{cohort}/packages/{pkg}/remove", Access.FACILITATOR, this::submitUnassignPackage);
        r.post("/admin/cohorts/{cohort}/members", Access.ADMIN, this::submitMemberAsAdmin);
        r.post("/cohorts/{cohort}/members/{learner}/remove", Access.FACILITATOR, this::submitRemoveMember);
    }

    private Result showCohorts(Ctx ctx) {
        var list = ctx.user().isAdmin() ? cohorts.all() : cohorts.of(ctx.user().id(), "facilitator");
        return Result.page("cohort/list", "cohorts", list);
    }

    private Result submitCohort(Ctx ctx) {
        String name = ctx.form("name");
        if (name.length() > 100) {
            throw HttpError.badRequest("error.fieldTooLong", "name");
        }
        long id = cohorts.create(name, ctx.user().id(), ctx.now());
        return Result.redirect("/cohorts/" + id, "cohort.flash.created");
    }

    private Result showCohort(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        return Result.page("cohort/show", "cohort", cohort, "members", cohorts.members(cohort.id()),
                "codes", cohorts.codes(cohort.id()), "assigned", cohorts.courses(cohort.id()),
                "courses", catalogue.courses(), "assignedPackages", cohorts.packages(cohort.id()),
                "packages", packages.catalogue(), "signupUrl", baseUrl + "/signup?code=");
    }

    private Result submitCode(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        String role = memberRole(ctx);
        Integer days = number(ctx, "days", 1, 365);
        Integer uses = number(ctx, "uses", 1, 10_000);
        cohorts.createCode(cohort.id(), role, days == null ? null : ctx.now().plus(Duration.ofDays(days)), uses, ctx.now());
        return Result.redirect("/cohorts/" + cohort.id() + "#codes", "cohort.flash.codeCreated");
    }

    private Result submitDeleteCode(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        cohorts.deleteCode(cohort.id(), ctx.param("code"));
        return Result.redirect("/cohorts/" + cohort.id() + "#codes", "cohort.flash.codeDeleted");
    }

    private Result submitAssign(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        String course = ctx.form("course");
        catalogue.course(course).orElseThrow(() -> HttpError.badRequest("error.unknownCourse"));
        cohorts.assign(cohort.id(), course, date(ctx.formOpt("due").orElse(null)));
        return Result.redirect("/cohorts/" + cohort.id() + "#courses", "cohort.flash.assigned");
    }

    private Result submitUnassign(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        cohorts.unassign(cohort.id(), ctx.param("course"));
        return Result.redirect("/cohorts/" + cohort.id() + "#courses", "cohort.flash.unassigned");
    }

    private Result submitAssignPackage(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        String slug = ctx.form("package");
        if (packages.catalogue().stream().noneMatch(p -> p.slug().equals(slug))) {
            throw HttpError.badRequest("cohort.unknownPackage");
        }
        cohorts.assignPackage(cohort.id(), slug, date(ctx.formOpt("due").orElse(null)));
        return Result.redirect("/cohorts/" + cohort.id() + "#packages", "cohort.flash.packageAssigned");
    }

    private Result submitUnassignPackage(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        cohorts.unassignPackage(cohort.id(), ctx.param("pkg"));
        return Result.redirect("/cohorts/" + cohort.id() + "#packages", "cohort.flash.packageUnassigned");
    }

    /** An admin adds an existing account; admins see every account on the users page, so the answer may say so. */
    private Result submitMemberAsAdmin(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        var learner = learners.byEmail(ctx.form("email")).orElseThrow(() -> HttpError.badRequest("cohort.noSuchEmail"));
        String role = memberRole(ctx);
        cohorts.addMember(cohort.id(), learner.id(), role, ctx.now());
        return Result.redirect("/cohorts/" + cohort.id() + "#members", "cohort.flash.memberAdded");
    }

    private Result submitRemoveMember(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        cohorts.removeMember(cohort.id(), ctx.idParam("learner"));
        return Result.redirect("/cohorts/" + cohort.id() + "#members", "cohort.flash.memberRemoved");
    }

    /** A role within a cohort, as chosen in a form: learner (the default) or facilitator. */
    private static String memberRole(Ctx ctx) {
        String role = ctx.formOpt("role").orElse("learner");
        if (!role.equals("learner") && !role.equals("facilitator")) {
            throw HttpError.badRequest("error.role", role);
        }
        return role;
    }

    private static Integer number(Ctx ctx, String field, int min, int max) {
        String raw = ctx.formOpt(field).orElse(null);
        if (raw == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(raw);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw HttpError.badRequest("cohort.numberRange", field, min, max);
    }

    /** A due date as typed in a date field (YYYY-MM-DD), or null when empty. */
    static String date(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw).toString();
        } catch (DateTimeParseException e) {
            throw HttpError.badRequest("cohort.badDate", raw);
        }
    }
}
