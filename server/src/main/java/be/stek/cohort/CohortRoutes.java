package be.stek.cohort;

import be.stek.course.Catalogue;
import be.stek.learner.LearnerRepository;
import be.stek.scorm.PackageStandings;
import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.Form;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import java.time.Duration;
import java.time.LocalDate;

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
        return cohortsPage(ctx, Form.blank(ctx));
    }

    private Result cohortsPage(Ctx ctx, Form form) {
        var list = ctx.user().isAdmin() ? cohorts.all() : cohorts.of(ctx.user().id(), "facilitator");
        return form.page("cohort/list", "cohorts", list);
    }

    private Result submitCohort(Ctx ctx) {
        Form form = Form.submitted(ctx, "name");
        String name = form.required("name", "cohort.name.missing");
        form.check(name.length() <= 100, "name", "cohort.name.tooLong", 100);
        if (form.invalid()) {
            return cohortsPage(ctx, form);
        }
        long id = cohorts.create(name, ctx.user().id(), ctx.now());
        return Result.redirect("/cohorts/" + id, "cohort.flash.created");
    }

    private Result showCohort(Ctx ctx) {
        return cohortPage(access.facilitated(ctx), Form.blank(ctx));
    }

    /** The cohort's page with its forms; {@code form} is the one that came back with errors, if any. */
    private Result cohortPage(Cohort cohort, Form form) {
        CohortRepository.Assignments assigned = cohorts.assignments(cohort.id());
        return form.page("cohort/show", "cohort", cohort, "members", cohorts.members(cohort.id()),
                "codes", cohorts.codes(cohort.id()), "assigned", assigned.courses(),
                "courses", catalogue.courses(), "assignedPackages", assigned.packages(),
                "packages", packages.catalogue(), "signupUrl", baseUrl + "/signup?code=");
    }

    private Result submitCode(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        String role = memberRole(ctx);
        Form form = Form.submitted(ctx, "role", "days", "uses");
        Integer days = form.wholeNumber("days", 1, 365, "cohort.days.range");
        Integer uses = form.wholeNumber("uses", 1, 10_000, "cohort.uses.range");
        if (form.invalid()) {
            return cohortPage(cohort, form);
        }
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
        Form form = Form.submitted(ctx, "course", "due");
        form.check(catalogue.course(form.value("course")).isPresent(), "course", "cohort.course.unknown");
        LocalDate due = form.date("due", "cohort.due.invalid");
        if (form.invalid()) {
            return cohortPage(cohort, form);
        }
        cohorts.assign(cohort.id(), form.value("course"), due == null ? null : due.toString());
        return Result.redirect("/cohorts/" + cohort.id() + "#courses", "cohort.flash.assigned");
    }

    private Result submitUnassign(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        cohorts.unassign(cohort.id(), ctx.param("course"));
        return Result.redirect("/cohorts/" + cohort.id() + "#courses", "cohort.flash.unassigned");
    }

    private Result submitAssignPackage(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        // The due-date field is named "due" as in the module form above it; its id (the form's key) is "package-due".
        Form form = Form.filled(ctx, java.util.Map.of("package", ctx.formOpt("package").orElse(""),
                "package-due", ctx.formOpt("due").orElse("")));
        String slug = form.value("package");
        form.check(packages.catalogue().stream().anyMatch(p -> p.slug().equals(slug)), "package",
                "cohort.unknownPackage");
        LocalDate due = form.date("package-due", "cohort.due.invalid");
        if (form.invalid()) {
            return cohortPage(cohort, form);
        }
        cohorts.assignPackage(cohort.id(), slug, due == null ? null : due.toString());
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
        String role = memberRole(ctx);
        Form form = Form.submitted(ctx, "email");
        String email = form.required("email", "cohort.email.missing");
        var learner = email.isEmpty() ? null : learners.byEmail(email).orElse(null);
        if (!email.isEmpty()) {
            form.check(learner != null, "email", "cohort.noSuchEmail");
        }
        if (form.invalid()) {
            return cohortPage(cohort, form);
        }
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
}
