package be.stek.cohort;

import be.stek.web.Ctx;
import be.stek.web.HttpError;

/**
 * Who may see a cohort: admins see every cohort, a facilitator only the cohorts they facilitate. Everything a
 * facilitator sees about learners goes through here.
 */
final class CohortAccess {
    private final CohortRepository cohorts;

    CohortAccess(CohortRepository cohorts) {
        this.cohorts = cohorts;
    }

    /** The cohort of the path, if the signed-in person facilitates it (or is an admin); 404 or 403 otherwise. */
    Cohort facilitated(Ctx ctx) {
        Cohort cohort = cohorts.find(ctx.idParam("cohort")).orElseThrow(() -> HttpError.notFound("cohort.unknown"));
        if (!ctx.user().isAdmin() && !cohorts.isFacilitator(cohort.id(), ctx.user().id())) {
            throw HttpError.forbidden("cohort.notYours");
        }
        return cohort;
    }
}
