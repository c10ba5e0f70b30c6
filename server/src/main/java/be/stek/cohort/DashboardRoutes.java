package be.stek.cohort;

import be.stek.course.Catalogue;
import be.stek.course.Course;
import be.stek.scorm.PackageStandings;
import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.Messages;
import be.stek.web.Result;
import be.stek.web.Router;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private final CohortRepository cohorts;
    private final CohortAccess access;
    private final Catalogue catalogue;
    private static final CsvMapper CSV = (CsvMapper) new CsvMapper()
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    private final CohortCache standings;
    private final PackageStandings packages;

    public DashboardRoutes(CohortRepository cohorts, Catalogue catalogue, CohortCache standings,
                           PackageStandings packages) {
        this.cohorts = cohorts;
        this.access = new CohortAccess(cohorts);
        this.catalogue = catalogue;
        this.standings = standings;
        this.packages = packages;
    }

    public void register(Router r) {
        r.get("/cohorts/{cohort}/dashboard", Access.FACILITATOR, this::showDashboard);
        r.get("/cohorts/{cohort}/dashboard.csv", Access.FACILITATOR, this::downloadCsv);
    }

    /** The cohort's courses (all courses when none are assigned yet) and their due dates. */
    private List<Course> courses(Cohort cohort, Map<String, String> due, String only) {
        cohorts.courses(cohort.id()).forEach(a -> due.put(a.course(), a.dueDate()));
        List<Course> list = access.courses(cohort, catalogue);
        return only == null || only.isEmpty() ? list : list.stream().filter(c -> c.slug().equals(only)).toList();
    }

    /** Every learner's row for the {@code courses} shown (all of the cohort's, or the one the filter chose). */
    private List<Dashboard.Row> rows(Cohort cohort, List<Course> courses, Map<String, String> due, Ctx ctx) {
        CohortCache.Standings all = standings.standings(cohort.id(), access.courses(cohort, catalogue));
        return Dashboard.rows(all.learners(), courses, due, all.statuses(), LocalDate.ofInstant(ctx.now(), BRUSSELS));
    }

    private Result showDashboard(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        Map<String, String> due = new HashMap<>();
        String course = ctx.query("course");
        List<Course> courses = courses(cohort, due, course);
        // A module filter shows that module's column only, so no package columns then.
        Map<String, String> packageDue = new HashMap<>();
        List<PackageStandings.Entry> packageList = course == null || course.isEmpty() ? packages(cohort, packageDue)
                : List.of();
        String state = ctx.query("state");
        boolean byState = state != null && !state.isEmpty();
        List<Dashboard.Row> all = rows(cohort, courses, due, ctx);
        if (byState) {
            // The state filter also looks at packages, so it needs every learner's package standings (grouped).
            all = withPackages(all, packageList, packageDue, ctx);
        }
        String sort = ctx.query("sort");
        String q = ctx.query("q");
        List<Dashboard.Row> matching = Dashboard.search(Dashboard.filterAndSort(all, state, sort), q);
        int pages = Dashboard.pages(matching.size(), PAGE_SIZE);
        int page = Math.min(pages, Math.max(1, pageNumber(ctx.query("page"))));
        List<Dashboard.Row> shown = Dashboard.page(matching, page, PAGE_SIZE);
        if (!byState) {
            shown = withPackages(shown, packageList, packageDue, ctx);
        }
        return Result.page("cohort/dashboard", "cohort", cohort, "courses", courses, "allCourses", courses(cohort,
                new HashMap<>(), null), "rows", shown, "matching", matching.size(), "page", page, "pages", pages,
                "summaries", Dashboard.summaries(all, courses), "filter", Result.model("course", course == null ? "" : course,
                        "state", state == null ? "" : state, "sort", sort == null ? "name" : sort, "q", q == null ? "" : q),
                "total", all.size(), "packages", packageList);
    }

    /**
     * The packages in the grid: those assigned to the cohort in their order (their due dates put in {@code due}), or
     * every package while none are assigned, as for courses.
     */
    private List<PackageStandings.Entry> packages(Cohort cohort, Map<String, String> due) {
        List<PackageStandings.Entry> all = packages.catalogue();
        var assigned = cohorts.packages(cohort.id());
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
        Cohort cohort = access.facilitated(ctx);
        Map<String, String> due = new HashMap<>();
        List<Course> courses = courses(cohort, due, null);
        Map<String, String> packageDue = new HashMap<>();
        List<PackageStandings.Entry> packageList = packages(cohort, packageDue);
        List<Dashboard.Row> rows = Dashboard.filterAndSort(rows(cohort, courses, due, ctx), null, "name");
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
