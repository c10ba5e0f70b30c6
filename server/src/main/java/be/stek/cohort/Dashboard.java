package be.stek.cohort;

import be.stek.course.Course;
import be.stek.progress.CourseStatus;
import be.stek.progress.Standings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The facilitator's table: each learner of a cohort against each of its courses. */
public final class Dashboard {

    /** One learner in one course. */
    public record Cell(Course course, CourseStatus status, String due, boolean overdue) {
    }

    /** One learner with their cells. */
    public record Row(CohortRepository.Member learner, List<Cell> cells, String lastActivity, int percent) {
        public boolean has(String state) {
            return cells.stream().anyMatch(c -> state.equals("overdue") ? c.overdue() : c.status().state().equals(state));
        }
    }

    /** Per course: average progress and how many learners are at each stage. */
    public record CourseSummary(Course course, int averagePercent, int notStarted, int inProgress, int complete, int overdue) {
    }

    private Dashboard() {
    }

    static List<Row> rows(List<CohortRepository.Member> learners, List<Course> courses, Map<String, String> due,
                          Standings standings, LocalDate today) {
        List<Row> rows = new ArrayList<>();
        for (CohortRepository.Member m : learners) {
            var lessonsSeen = standings.lessonsSeen(m.id());
            var attemptsSeen = standings.attemptsSeen(m.id());
            List<Cell> cells = courses.stream().map(c -> {
                CourseStatus s = standings.of(m.id(), c, lessonsSeen, attemptsSeen);
                String d = due.get(c.slug());
                return new Cell(c, s, d, d != null && !s.complete() && LocalDate.parse(d).isBefore(today));
            }).toList();
            String last = cells.stream().map(c -> c.status().lastActivity()).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            int percent = cells.isEmpty() ? 0 : (int) cells.stream().mapToInt(c -> c.status().percent()).average().orElse(0);
            rows.add(new Row(m, cells, last, percent));
        }
        return rows;
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
