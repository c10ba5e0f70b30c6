package be.stek.cohort;

import be.stek.course.Course;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The dashboard's rows, course summaries and sorted lists, built once per state of a cohort: while the {@link
 * CohortCache} hands out the same standings (the same objects: nobody worked, joined or left), a view with the same
 * filter, sort, search, due dates and day reuses what the last one built, instead of building a row per learner
 * again. Bounded: a few variants per cohort, and the whole map starts again above {@value #MAX_COHORTS} cohorts or
 * {@link CohortCache#MAX_LEARNERS} learners in all (a row is a few hundred bytes).
 */
final class DashboardViews {
    private static final int MAX_COHORTS = 64;
    private static final int MAX_VARIANTS = 16;

    /** Every learner's rows for the courses shown, and the summaries per course. */
    record Built(List<Dashboard.Row> all, List<Dashboard.CourseSummary> summaries,
                 Map<List<String>, List<Dashboard.Row>> sorted, Map<List<Object>, String> grids) {
        Built(List<Dashboard.Row> all, List<Dashboard.CourseSummary> summaries) {
            this(all, summaries, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    /** What the rows depend on besides the standings. */
    private record RowsKey(List<String> courses, Map<String, String> due, LocalDate today) {
    }

    /** One cohort's views, for one state of its standings (compared by identity). */
    private record CohortViews(CohortCache.Standings standings, Map<RowsKey, Built> built) {
    }

    private final Map<Long, CohortViews> cohorts = new ConcurrentHashMap<>();

    /** The rows and summaries for this state of the cohort, built by {@code build} when not kept. */
    Built rows(long cohortId, CohortCache.Standings standings, List<Course> courses, Map<String, String> due,
               LocalDate today, Supplier<Built> build) {
        CohortViews views = cohorts.get(cohortId);
        if (views == null || views.standings().learners() != standings.learners()
                || views.standings().statuses() != standings.statuses()) {
            if (cohorts.size() >= MAX_COHORTS || cohorts.values().stream()
                    .mapToInt(c -> c.standings().learners().size()).sum() > CohortCache.MAX_LEARNERS) {
                cohorts.clear();
            }
            views = new CohortViews(standings, new ConcurrentHashMap<>());
            cohorts.put(cohortId, views);
        }
        RowsKey key = new RowsKey(courses.stream().map(Course::slug).toList(), new java.util.HashMap<>(due), today);
        return kept(views.built(), key, build);
    }

    /** The value kept under {@code key}, or made by {@code make} and kept (the map starts again when full). */
    private static <K, V> V kept(Map<K, V> map, K key, Supplier<V> make) {
        V value = map.get(key);
        if (value == null) {
            if (map.size() >= MAX_VARIANTS) {
                map.clear();
            }
            value = make.get();
            map.put(key, value);
        }
        return value;
    }

    /**
     * The grid rendered for {@code key} (filter, page, language, package columns), kept with the rows; {@code render}
     * makes it when it is not kept.
     */
    static String grid(Built built, List<Object> key, Supplier<String> render) {
        return kept(built.grids(), key, render);
    }

    /** The rows sorted by {@code sort} and searched for {@code q} (no state filter), kept with the rows. */
    static List<Dashboard.Row> sorted(Built built, String sort, String q) {
        return kept(built.sorted(), java.util.Arrays.asList(sort, q),
                () -> Dashboard.search(Dashboard.filterAndSort(built.all(), null, sort), q));
    }
}
