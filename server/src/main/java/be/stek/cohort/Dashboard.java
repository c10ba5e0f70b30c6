package be.stek.cohort;

import be.stek.course.Course;
import be.stek.progress.CourseStatus;
import be.stek.progress.GroupStandings;
import be.stek.scorm.PackageStandings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The facilitator's table: each learner of a cohort against each of its courses and SCORM packages. */
public final class Dashboard {

    /** One learner in one course. */
    public record Cell(Course course, CourseStatus status, String due, boolean overdue) {
    }

    /** One learner in one SCORM package the cohort follows. */
    public record PackageCell(PackageStandings.Standing standing, String due, boolean overdue) {
    }

    /**
     * One learner with their cells: one per course, and one per package once {@link #withPackages} filled them in
     * (the page's learners only, or every learner when a state filter needs them).
     */
    public record Row(CohortRepository.Member learner, List<Cell> cells, String lastActivity, int percent,
                      List<PackageCell> packages) {
        public boolean has(String state) {
            boolean overdue = state.equals("overdue");
            return cells.stream().anyMatch(c -> overdue ? c.overdue() : c.status().state().equals(state))
                    || packages.stream().anyMatch(p -> overdue ? p.overdue() : p.standing().state().equals(state));
        }
    }

    /** Per course: average progress and how many learners are at each stage. */
    public record CourseSummary(Course course, int averagePercent, int notStarted, int inProgress, int complete, int overdue) {
    }

    private Dashboard() {
    }

    /** Rows from the statuses read for the whole cohort at once ({@link GroupStandings}). */
    static List<Row> rows(List<CohortRepository.Member> learners, List<Course> courses, Map<String, String> due,
                          Map<Long, Map<String, CourseStatus>> statuses, LocalDate today) {
        List<Row> rows = new ArrayList<>();
        for (CohortRepository.Member m : learners) {
            Map<String, CourseStatus> mine = statuses.getOrDefault(m.id(), Map.of());
            List<Cell> cells = courses.stream().map(c -> {
                CourseStatus s = mine.containsKey(c.slug()) ? mine.get(c.slug()) : GroupStandings.untouched(c);
                String d = due.get(c.slug());
                return new Cell(c, s, d, overdue(d, s.complete(), today));
            }).toList();
            String last = cells.stream().map(c -> c.status().lastActivity()).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            int percent = cells.isEmpty() ? 0 : (int) cells.stream().mapToInt(c -> c.status().percent()).average().orElse(0);
            rows.add(new Row(m, cells, last, percent, List.of()));
        }
        return rows;
    }

    /**
     * The rows with a cell per package ({@code packages} in column order), from the standings read for these
     * learners at once; a package is overdue when its due date has passed and it is not complete.
     */
    static List<Row> withPackages(List<Row> rows, List<PackageStandings.Entry> packages, Map<String, String> due,
                                  Map<Long, List<PackageStandings.Standing>> standings, LocalDate today) {
        if (packages.isEmpty()) {
            return rows;
        }
        return rows.stream().map(r -> {
            Map<String, PackageStandings.Standing> mine = new java.util.HashMap<>();
            standings.getOrDefault(r.learner().id(), List.of()).forEach(s -> mine.put(s.slug(), s));
            List<PackageCell> cells = packages.stream().filter(p -> mine.containsKey(p.slug())).map(p -> {
                String d = due.get(p.slug());
                var s = mine.get(p.slug());
                return new PackageCell(s, d, overdue(d, s.complete(), today));
            }).toList();
            return new Row(r.learner(), r.cells(), r.lastActivity(), r.percent(), cells);
        }).toList();
    }

    /** Work is overdue when it has a due date (YYYY-MM-DD) before {@code today} and is not complete. */
    static boolean overdue(String due, boolean complete, LocalDate today) {
        return due != null && !complete && LocalDate.parse(due).isBefore(today);
    }

    /** Keeps rows with a cell in {@code state} (or overdue); sorts by name, progress or last activity. */
    static List<Row> filterAndSort(List<Row> rows, String state, String sort) {
        Comparator<Row> byName = Comparator.comparing(r -> r.learner().name(), String.CASE_INSENSITIVE_ORDER);
        Comparator<Row> order = switch (sort == null ? "" : sort) {
            case "progress" -> Comparator.comparingInt(Row::percent).reversed().thenComparing(byName);
            case "last" -> Comparator.comparing(Row::lastActivity, Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(byName);
            default -> byName;
        };
        return rows.stream().filter(r -> state == null || state.isEmpty() || r.has(state)).sorted(order).toList();
    }

    /** Rows whose name or e-mail address contains {@code text} (case ignored); all rows when it is blank. */
    static List<Row> search(List<Row> rows, String text) {
        if (text == null || text.isBlank()) {
            return rows;
        }
        String needle = text.strip().toLowerCase(java.util.Locale.ROOT);
        return rows.stream().filter(r -> r.learner().name().toLowerCase(java.util.Locale.ROOT).contains(needle)
                || r.learner().email().toLowerCase(java.util.Locale.ROOT).contains(needle)).toList();
    }

    /** Page {@code page} (from 1; out of range goes to the nearest page) of {@code size} rows. */
    static List<Row> page(List<Row> rows, int page, int size) {
        int from = Math.min((Math.max(1, page) - 1) * size, Math.max(0, (pages(rows.size(), size) - 1) * size));
        return rows.subList(from, Math.min(rows.size(), from + size));
    }

    static int pages(int rows, int size) {
        return Math.max(1, (rows + size - 1) / size);
    }

    static List<CourseSummary> summaries(List<Row> rows, List<Course> courses) {
        List<CourseSummary> out = new ArrayList<>();
        for (int i = 0; i < courses.size(); i++) {
            int col = i;
            List<Cell> cells = rows.stream().map(r -> r.cells().get(col)).toList();
            int avg = (int) cells.stream().mapToInt(c -> c.status().percent()).average().orElse(0);
            out.add(new CourseSummary(courses.get(i), avg, count(cells, "not-started"), count(cells, "in-progress"),
                    count(cells, "complete"), (int) cells.stream().filter(Cell::overdue).count()));
        }
        return out;
    }

    private static int count(List<Cell> cells, String state) {
        return (int) cells.stream().filter(c -> c.status().state().equals(state)).count();
    }
}
