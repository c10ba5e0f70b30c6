package be.stek.cohort;

import be.stek.course.Catalogue;
import be.stek.course.Course;
import be.stek.scorm.PackageStandings;
import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.Messages;
import be.stek.web.Result;
import be.stek.web.Router;
import be.stek.web.Templates;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The facilitator dashboard of a cohort, with filter, search by name, sort, pages of {@value #PAGE_SIZE} learners, a
 * chart per course and a CSV export. Every learner's standing comes from the {@link CohortCache} (one query, plus
 * reads of the learners who worked since the last view); the SCORM standings are read for the learners on the page
 * only. The CSV is written while it is sent.
 */
public final class DashboardRoutes {
    static final int PAGE_SIZE = 50;
    /** Learners whose SCORM standings the CSV reads at once. */
    static final int PACKAGE_CHUNK = 500;
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private static final CsvMapper CSV = (CsvMapper) new CsvMapper()
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    private final CohortRepository cohorts;
    private final CohortAccess access;
    private final Catalogue catalogue;

    private final CohortCache standings;
    private final DashboardViews views = new DashboardViews();
    private final PackageStandings packages;
    private final Templates templates;

    public DashboardRoutes(CohortRepository cohorts, Catalogue catalogue, CohortCache standings,
                           PackageStandings packages, Templates templates) {
        this.cohorts = cohorts;
        this.access = new CohortAccess(cohorts);
        this.catalogue = catalogue;
        this.standings = standings;
        this.packages = packages;
        this.templates = templates;
    }

    public void register(Router r) {
        r.get("/cohorts/{cohort}/dashboard", Access.FACILITATOR, this::showDashboard);
        r.get("/cohorts/{cohort}/dashboard.csv", Access.FACILITATOR, this::downloadCsv);
    }

    /** The cohort's courses (assigned, else every course), those shown (the module filter's), and their due dates. */
    private record Courses(List<Course> all, List<Course> shown, Map<String, String> due) {
    }

    private Courses courses(CohortRepository.Assignments assignments, String only) {
        var assigned = assignments.courses();
        Map<String, String> due = new HashMap<>();
        assigned.forEach(a -> due.put(a.course(), a.dueDate()));
        List<Course> all = CohortAccess.courses(assigned, catalogue);
        return new Courses(all, only == null || only.isEmpty() ? all
                : all.stream().filter(c -> c.slug().equals(only)).toList(), due);
    }

    /**
     * Every learner's row for the courses shown, with the summaries per course: built from the cached standings, and
     * kept by {@link DashboardViews} until they change.
     */
    private DashboardViews.Built rows(CohortRepository.Facilitated found, Courses courses, Ctx ctx) {
        Cohort cohort = found.cohort();
        CohortCache.Standings all = standings.standings(cohort.id(), found.stamp(), courses.all());
        LocalDate today = LocalDate.ofInstant(ctx.now(), BRUSSELS);
        return views.rows(cohort.id(), all, courses.shown(), courses.due(), today, () -> {
            List<Dashboard.Row> rows = Dashboard.rows(all.learners(), courses.shown(), courses.due(), all.statuses(),
                    today);
            return new DashboardViews.Built(rows, Dashboard.summaries(rows, courses.shown()));
        });
    }

    private Result showDashboard(Ctx ctx) {
        CohortRepository.Facilitated found = access.facilitatedWithStamp(ctx);
        Cohort cohort = found.cohort();
        String course = ctx.query("course");
        CohortRepository.Assignments assignments = cohorts.assignments(cohort.id(), found.stamp().settings());
        Courses courses = courses(assignments, course);
        // A module filter shows that module's column only, so no package columns then.
        Map<String, String> packageDue = new HashMap<>();
        List<PackageStandings.Entry> packageList = course == null || course.isEmpty()
                ? packages(assignments, packageDue) : List.of();
        String state = ctx.query("state");
        String sort = ctx.query("sort");
        String q = ctx.query("q");
        DashboardViews.Built built = rows(found, courses, ctx);
        List<Dashboard.Row> matching;
        boolean byState = state != null && !state.isEmpty();
        if (byState) {
            // The state filter also looks at packages, so it needs every learner's package standings (grouped).
            matching = Dashboard.search(Dashboard.filterAndSort(withPackages(built.all(), packageList, packageDue, ctx),
                    state, sort), q);
        } else {
            matching = DashboardViews.sorted(built, sort, q);
        }
        int pages = Dashboard.pages(matching.size(), PAGE_SIZE);
        int page = Math.min(pages, Math.max(1, pageNumber(ctx.query("page"))));
        Map<String, Object> filter = Result.model("course", course == null ? "" : course, "state",
                state == null ? "" : state, "sort", sort == null ? "name" : sort, "q", q == null ? "" : q);
        Supplier<String> grid = () -> {
            List<Dashboard.Row> shown = Dashboard.page(matching, page, PAGE_SIZE);
            return templates.render("cohort/dashboard-grid", Result.model("cohort", cohort, "courses",
                    courses.shown(), "rows", byState ? shown : withPackages(shown, packageList, packageDue, ctx),
                    "matching", matching.size(), "page", page, "pages", pages, "filter", filter, "total",
                    built.all().size(), "packages", packageList), ctx.messages());
        };
        // Package cells are part of the grid: a SCORM commit raises the learner's version like any other write, so a
        // kept grid is as fresh as the standings it was built from. With a state filter (it reads every learner's
        // package standings) the grid is built each time.
        return Result.page("cohort/dashboard", "cohort", cohort, "allCourses", courses.all(),
                "summaries", built.summaries(), "filter", filter, "total", built.all().size(),
                "grid", byState ? grid.get() : DashboardViews.grid(built, java.util.Arrays.asList(course, sort, q, page,
                        ctx.messages().language(), packageList, packageDue), grid));
    }

    /**
     * The packages in the grid: those assigned to the cohort in their order (their due dates put in {@code due}), or
     * every package while none are assigned, as for courses.
     */
    private List<PackageStandings.Entry> packages(CohortRepository.Assignments assignments, Map<String, String> due) {
        List<PackageStandings.Entry> all = packages.catalogue();
        var assigned = assignments.packages();
        if (assigned.isEmpty()) {
            return all;
        }
        assigned.forEach(a -> due.put(a.course(), a.dueDate()));
        return assigned.stream().flatMap(a -> all.stream().filter(p -> p.slug().equals(a.course()))).toList();
    }

    /** The rows with their package cells, from one grouped read of these learners' package standings. */
    private List<Dashboard.Row> withPackages(List<Dashboard.Row> rows, List<PackageStandings.Entry> packageList,
                                             Map<String, String> due, Ctx ctx) {
        if (packageList.isEmpty() || rows.isEmpty()) {
            return rows;
        }
        var of = packages.ofLearners(rows.stream().map(r -> r.learner().id()).toList());
        return Dashboard.withPackages(rows, packageList, due, of, LocalDate.ofInstant(ctx.now(), BRUSSELS));
    }

    private static int pageNumber(String text) {
        try {
            return text == null ? 1 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * Every learner's line per course, then per package (package standings read {@value #PACKAGE_CHUNK} learners at a
     * time), written while sent: at 10,000 learners the file is a few megabytes that never sit whole in memory.
     */
    private Result downloadCsv(Ctx ctx) {
        CohortRepository.Facilitated found = access.facilitatedWithStamp(ctx);
        Cohort cohort = found.cohort();
        CohortRepository.Assignments assignments = cohorts.assignments(cohort.id(), found.stamp().settings());
        Map<String, String> packageDue = new HashMap<>();
        List<PackageStandings.Entry> packageList = packages(assignments, packageDue);
        List<Dashboard.Row> rows = DashboardViews.sorted(rows(found, courses(assignments, null), ctx), "name",
                null);
        Messages m = ctx.messages();
        CsvSchema.Builder schema = CsvSchema.builder();
        for (String col : List.of("name", "email", "course", "progress", "completion", "success", "score", "lastActivity",
                "due", "overdue")) {
            schema.addColumn(m.get("cohort.csv." + col));
        }
        // Belgian spreadsheets expect a semicolon between columns (a comma is the decimal sign there); English ones a
        // comma. The byte order mark makes Excel read UTF-8.
        char separator = m.locale().getLanguage().equals("en") ? ',' : ';';
        return new Result.Stream("voortgang-" + cohort.id() + ".csv", "text/csv;charset=utf-8", out -> {
            out.write("\uFEFF".getBytes(StandardCharsets.UTF_8));
            // Lines go out as the servlet's buffer fills, not one network write per line.
            try (SequenceWriter csv = CSV.writer(schema.setColumnSeparator(separator).build().withHeader())
                    .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).writeValues(out)) {
                for (Dashboard.Row row : rows) {
                    for (Dashboard.Cell cell : row.cells()) {
                        csv.write(courseLine(row, cell, m));
                    }
                }
                for (int from = 0; from < rows.size(); from += PACKAGE_CHUNK) {
                    var chunk = rows.subList(from, Math.min(rows.size(), from + PACKAGE_CHUNK));
                    for (Dashboard.Row row : withPackages(chunk, packageList, packageDue, ctx)) {
                        for (Dashboard.PackageCell cell : row.packages()) {
                            csv.write(packageLine(row, cell, m));
                        }
                    }
                }
            }
            out.flush();
        });
    }

    private static List<String> courseLine(Dashboard.Row row, Dashboard.Cell cell, Messages m) {
        var s = cell.status();
        return List.of(safe(row.learner().name()), safe(row.learner().email()), safe(cell.course().title()),
                String.valueOf(s.percent()), m.get("state." + s.state()),
                s.passed() == null ? "" : m.get(s.passed() ? "course.passed" : "course.notYet"),
                s.score() == null ? "" : String.valueOf(Math.round(s.score() * 100)),
                local(s.lastActivity()), cell.due() == null ? "" : cell.due(),
                cell.overdue() ? m.get("cohort.dashboard.yes") : "");
    }

    private static List<String> packageLine(Dashboard.Row row, Dashboard.PackageCell cell, Messages m) {
        var p = cell.standing();
        return List.of(safe(row.learner().name()), safe(row.learner().email()), safe(p.title()),
                String.valueOf(p.percent()), m.get("state." + p.state()),
                "unknown".equals(p.success()) ? "" : m.get("dashboard.packageSuccess." + p.success()),
                p.score() == null ? "" : String.valueOf(Math.round(p.score() * 100)),
                local(p.lastActivity()), cell.due() == null ? "" : cell.due(),
                cell.overdue() ? m.get("cohort.dashboard.yes") : "");
    }

    /** An instant as Brussels local time, "2026-12-07 14:05", which spreadsheets read as a date and time. */
    static String local(String iso) {
        return iso == null || iso.isBlank() ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneId.of("Europe/Brussels")).format(java.time.Instant.parse(iso));
    }

    /** Stops spreadsheet programs from reading a typed name as a formula. */
    static String safe(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
