package be.stek.cohort;

import be.stek.course.Activity;
import be.stek.course.Catalogue;
import be.stek.course.Course;
import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item analysis per vignette question for a cohort: what a trainer should revisit. One module at a time (the
 * filter's choice; the cohort's first module by default), or all of the cohort's modules (assigned, else every
 * module) on request; only what is shown is computed. A table of contents links to each module and each case.
 */
public final class ItemRoutes {
    /** The filter's value for every module of the cohort. */
    static final String ALL = "all";

    private final CohortRepository cohorts;
    private final CohortAccess access;
    private final Catalogue catalogue;
    private final CohortCache cache;

    /** One case (vignette or branching vignette) with its analysed items. */
    public record CaseItems(String activity, String title, String lesson, List<ItemAnalysis.Item> items) {
    }

    /** One module's cases in course order, and its most-missed items. */
    public record ModuleItems(Course course, List<CaseItems> cases, List<ItemAnalysis.Item> missed) {
    }

    public ItemRoutes(CohortRepository cohorts, Catalogue catalogue, CohortCache cache) {
        this.cohorts = cohorts;
        this.access = new CohortAccess(cohorts);
        this.catalogue = catalogue;
        this.cache = cache;
    }

    public void register(Router r) {
        r.get("/cohorts/{cohort}/items", Access.FACILITATOR, this::showItems);
    }

    private Result showItems(Ctx ctx) {
        CohortRepository.Facilitated found = access.facilitatedWithStamp(ctx);
        Cohort cohort = found.cohort();
        List<Course> ours = CohortAccess.courses(cohorts.assignments(cohort.id(), found.stamp().settings()).courses(),
                catalogue);
        if (ours.isEmpty()) {
            throw HttpError.notFound("error.unknownCourse");
        }
        String slug = ctx.query("course");
        slug = slug == null || slug.isEmpty() ? ours.get(0).slug() : slug;
        List<Course> shown = slug.equals(ALL) ? ours
                : List.of(catalogue.course(slug).orElseThrow(() -> HttpError.notFound("error.unknownCourse")));
        List<ModuleItems> modules = shown.stream().map(c -> analyse(found, c)).toList();
        return Result.page("cohort/items", "cohort", cohort, "courses", catalogue.courses(), "chosen", slug,
                "modules", modules, "all", ALL);
    }

    /**
     * A module's items from its first-attempt answers (kept by the {@link CohortCache} until a learner's answers
     * change), grouped per case in the course's order.
     */
    private ModuleItems analyse(CohortRepository.Facilitated cohort, Course course) {
        List<ItemAnalysis.Item> items = cache.items(cohort.cohort().id(), cohort.stamp(), course);
        Map<String, List<ItemAnalysis.Item>> byCase = new LinkedHashMap<>();
        course.activities().keySet().forEach(id -> byCase.put(id, new ArrayList<>()));
        items.forEach(i -> byCase.computeIfAbsent(i.activity(), k -> new ArrayList<>()).add(i));
        List<CaseItems> cases = new ArrayList<>();
        byCase.forEach((id, list) -> {
            if (!list.isEmpty()) {
                Activity a = course.activities().get(id);
                cases.add(new CaseItems(id, a == null ? id : a.title(), a == null ? null : a.lesson(), list));
            }
        });
        return new ModuleItems(course, cases, ItemAnalysis.mostMissed(items, 5));
    }
}
