package be.stek.cohort;

import be.stek.course.Catalogue;
import be.stek.course.Course;
import be.stek.web.Ctx;
import be.stek.web.HttpError;
import java.util.List;
import java.util.Optional;

/**
 * Who may see a cohort: admins see every cohort, a facilitator only the cohorts they facilitate. Everything a
 * facilitator sees about learners goes through here.
 */
final class CohortAccess {
    private final CohortRepository cohorts;

    CohortAccess(CohortRepository cohorts) {
        this.cohorts = cohorts;
    }

    /** The cohort's assigned courses in order, or every course while none are assigned. */
    List<Course> courses(Cohort cohort, Catalogue catalogue) {
        return courses(cohorts.courses(cohort.id()), catalogue);
    }

    /** The courses of these assignments in order, or every course when there are none. */
    static List<Course> courses(List<CohortRepository.Assignment> assigned, Catalogue catalogue) {
        return assigned.isEmpty() ? catalogue.courses()
                : assigned.stream().map(a -> catalogue.course(a.course())).flatMap(Optional::stream).toList();
    }

    /** The cohort of the path, if the signed-in person facilitates it (or is an admin); 404 or 403 otherwise. */
    Cohort facilitated(Ctx ctx) {
        return facilitatedWithStamp(ctx).cohort();
    }

    /** As {@link #facilitated}, with the versions read with the cohort (for the {@link CohortCache}). */
    CohortRepository.Facilitated facilitatedWithStamp(Ctx ctx) {
        CohortRepository.Facilitated found = cohorts.findFor(ctx.idParam("cohort"), ctx.user().id())
                .orElseThrow(() -> HttpError.notFound("cohort.unknown"));
        if (!ctx.user().isAdmin() && !found.facilitator()) {
            throw HttpError.forbidden("cohort.notYours");
        }
        return found;
    }
}
