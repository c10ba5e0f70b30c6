package be.stek.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.stek.scorm.PackageStandings;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Package cells of the dashboard: in the cohort's column order, overdue only after the due day and when not done. */
class DashboardPackagesTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");

    private static PackageStandings.Standing standing(String slug, String completion) {
        return new PackageStandings.Standing(slug, slug.toUpperCase(java.util.Locale.ROOT), "/scorm/packages/" + slug,
                completion, "unknown", null, 0, completion.equals("not attempted") ? null : "2026-12-01T10:00:00Z",
                completion.equals("completed") ? 1 : 0, 1);
    }

    private static PackageStandings.Entry entry(String slug) {
        return new PackageStandings.Entry(slug, slug, "1", "/scorm/packages/" + slug, 1);
    }

    private static Dashboard.Row row(long id) {
        return new Dashboard.Row(new CohortRepository.Member(id, "L" + id, id + "@example.be", "learner", null),
                List.of(), null, 0, List.of());
    }

    @Test
    void a_package_is_overdue_after_its_due_day_unless_it_is_complete() {
        var rows = Dashboard.withPackages(List.of(row(1), row(2)), List.of(entry("b"), entry("a")),
                Map.of("a", "2026-12-06", "b", "2026-12-07"),
                Map.of(1L, List.of(standing("a", "incomplete"), standing("b", "not attempted")),
                        2L, List.of(standing("a", "completed"), standing("b", "incomplete"))), TODAY);
        assertEquals(List.of("b", "a"), rows.get(0).packages().stream().map(c -> c.standing().slug()).toList(),
                "the cohort's order");
        assertEquals(List.of(false, true), rows.get(0).packages().stream().map(Dashboard.PackageCell::overdue).toList(),
                "due today is not late yet; due yesterday and not complete is");
        assertEquals(List.of(false, false), rows.get(1).packages().stream().map(Dashboard.PackageCell::overdue).toList(),
                "a complete package is never late");
        assertEquals(true, rows.get(0).has("overdue"));
        assertEquals(false, rows.get(1).has("overdue"));
        assertEquals(true, rows.get(1).has("complete"));
    }
}
