package be.stek.cohort;

import be.stek.course.Catalogue;
import be.stek.course.Course;
import be.stek.review.ReviewReport;
import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.Result;
import be.stek.web.Router;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A cohort's spaced review for its facilitator: reviews done per module, and the questions learners still miss
 * after review, as counts. No individual answers and no names.
 */
public final class CohortReviewRoutes {
    private final CohortRepository cohorts;
    private final CohortAccess access;
    private final Catalogue catalogue;
    private final ReviewReport report;

    public CohortReviewRoutes(CohortRepository cohorts, Catalogue catalogue, ReviewReport report) {
        this.cohorts = cohorts;
        this.access = new CohortAccess(cohorts);
        this.catalogue = catalogue;
        this.report = report;
    }

    public void register(Router r) {
        r.get("/cohorts/{cohort}/reviews", Access.FACILITATOR, this::showReviews);
    }

    private Result showReviews(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        List<Long> learners = cohorts.members(cohort.id()).stream().filter(m -> m.role().equals("learner"))
                .map(CohortRepository.Member::id).toList();
        Map<String, String> titles = new HashMap<>();
        Map<String, String> activities = new HashMap<>();
        for (Course c : catalogue.courses()) {
            titles.put(c.slug(), c.title());
            c.activities().values().forEach(a -> activities.put(c.slug() + "/" + a.id(), a.title()));
        }
        return Result.page("cohort/reviews", "cohort", cohort, "done", report.done(learners),
                "missed", report.stillMissed(learners), "titles", titles, "activities", activities);
    }
}
