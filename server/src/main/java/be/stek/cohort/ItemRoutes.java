package be.stek.cohort;

import be.stek.course.Catalogue;
import be.stek.course.Course;
import be.stek.quiz.AttemptRepository;
import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Item analysis per vignette question for a cohort: what a trainer should revisit. */
public final class ItemRoutes {
    private final CohortRepository cohorts;
    private final CohortAccess access;
    private final Catalogue catalogue;
    private final AttemptRepository attempts;

    public ItemRoutes(CohortRepository cohorts, Catalogue catalogue, AttemptRepository attempts) {
        this.cohorts = cohorts;
        this.access = new CohortAccess(cohorts);
        this.catalogue = catalogue;
        this.attempts = attempts;
    }

    public void register(Router r) {
        r.get("/cohorts/{cohort}/items", Access.FACILITATOR, this::showItems);
    }

    private Result showItems(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        List<Course> courses = catalogue.courses();
        if (courses.isEmpty()) {
            throw HttpError.notFound("error.unknownCourse");
        }
        String slug = ctx.query("course");
        if (slug == null || slug.isEmpty()) {
            var assigned = cohorts.courses(cohort.id());
            slug = assigned.isEmpty() ? courses.get(0).slug() : assigned.get(0).course();
        }
        Course course = catalogue.course(slug).orElseThrow(() -> HttpError.notFound("error.unknownCourse"));
        List<ItemAnalysis.Item> items = ItemAnalysis.analyse(attempts.firstAttemptAnswers(course.slug(), cohort.id()));
        Map<String, String> titles = new HashMap<>();
        Map<String, String> lessons = new HashMap<>();
        course.activities().values().forEach(a -> {
            titles.put(a.id(), a.title());
            lessons.put(a.id(), a.lesson());
        });
        return Result.page("cohort/items", "cohort", cohort, "course", course, "courses", courses, "items", items,
                "missed", ItemAnalysis.mostMissed(items, 5), "titles", titles, "lessons", lessons);
    }
}
