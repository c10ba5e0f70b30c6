package be.stek.cohort;

import be.stek.course.Activity;
import be.stek.course.Catalogue;
import be.stek.course.Course;
import be.stek.progress.CourseStatus;
import be.stek.progress.Standings;
import be.stek.scorm.PackageStandings;
import be.stek.store.Database;
import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A facilitator's page about one learner of their cohort (reached from the dashboard): per module that the cohort
 * assigned or the learner started, the status, score, each case's first and best attempt, time spent answering,
 * last activity, the number of reflections (never their text) and the due date; per SCORM package that the cohort
 * assigned or the learner opened, what the learner's own package page shows. Only the cohort's facilitators and
 * admins see it, and only for the cohort's learners.
 */
public final class LearnerRoutes {
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private final CohortRepository cohorts;
    private final CohortAccess access;
    private final Catalogue catalogue;
    private final Standings standings;
    private final PackageStandings packages;
    private final LearnerReport report;

    /** One case of a module with the learner's result (null before any attempt). */
    public record CaseRow(Activity activity, LearnerReport.CaseResult result) {
    }

    /** One module: status, due date, cases, reflections and time. */
    public record ModuleRow(Course course, CourseStatus status, String due, boolean overdue, List<CaseRow> cases,
                            int reflections, long timeMs) {
    }

    /** One package: the learner's standing and item results, and the cohort's due date (or null). */
    public record PackageRow(PackageStandings.Detail detail, String due, boolean overdue) {
    }

    public LearnerRoutes(CohortRepository cohorts, Catalogue catalogue, Standings standings, PackageStandings packages,
                         Database db) {
        this.cohorts = cohorts;
        this.access = new CohortAccess(cohorts);
        this.catalogue = catalogue;
        this.standings = standings;
        this.packages = packages;
        this.report = new LearnerReport(db);
    }

    public void register(Router r) {
        r.get("/cohorts/{cohort}/learners/{learner}", Access.FACILITATOR, this::showLearner);
    }

    private Result showLearner(Ctx ctx) {
        Cohort cohort = access.facilitated(ctx);
        CohortRepository.Member learner = cohorts.learner(cohort.id(), ctx.idParam("learner"))
                .orElseThrow(() -> HttpError.notFound("cohort.learner.unknown"));
        LocalDate today = LocalDate.ofInstant(ctx.now(), BRUSSELS);
        CohortRepository.Assignments assigned = cohorts.assignments(cohort.id());
        return Result.page("cohort/learner", "cohort", cohort, "learner", learner,
                "modules", modules(assigned.courses(), learner.id(), today),
                "packages", packages(assigned.packages(), learner.id(), today),
                "maxAnswerMinutes", LearnerReport.MAX_ANSWER_MS / 60_000);
    }

    /** The modules the cohort assigned (in its order), then the other modules the learner started. */
    private List<ModuleRow> modules(List<CohortRepository.Assignment> assigned, long learnerId, LocalDate today) {
        Map<String, String> due = new HashMap<>();
        assigned.forEach(a -> due.put(a.course(), a.dueDate()));
        var lessonsSeen = standings.lessonsSeen(learnerId);
        var attemptsSeen = standings.attemptsSeen(learnerId);
        var results = report.of(learnerId);
        List<Course> ordered = new ArrayList<>(CohortAccess.courses(assigned, catalogue).stream()
                .filter(c -> due.containsKey(c.slug())).toList());
        var first = ordered.stream().map(Course::slug).toList();
        catalogue.courses().stream().filter(c -> !first.contains(c.slug())).forEach(ordered::add);
        List<ModuleRow> rows = new ArrayList<>();
        for (Course course : ordered) {
            CourseStatus status = standings.of(learnerId, course, lessonsSeen, attemptsSeen);
            var mine = results.getOrDefault(course.slug(), new LearnerReport.ModuleResults(Map.of(), 0));
            if (!due.containsKey(course.slug()) && !status.started() && mine.reflections() == 0) {
                continue;
            }
            String d = due.get(course.slug());
            List<CaseRow> cases = course.activities().values().stream().filter(a -> !a.kind().equals("reflection"))
                    .map(a -> new CaseRow(a, mine.cases().get(a.id()))).toList();
            rows.add(new ModuleRow(course, status, d, Dashboard.overdue(d, status.complete(), today), cases,
                    mine.reflections(), mine.timeMs()));
        }
        return rows;
    }

    /** The packages the cohort assigned (in its order), then the other packages the learner opened. */
    private List<PackageRow> packages(List<CohortRepository.Assignment> assigned, long learnerId, LocalDate today) {
        Map<String, String> due = new HashMap<>();
        List<String> order = new ArrayList<>();
        assigned.forEach(a -> {
            due.put(a.course(), a.dueDate());
            order.add(a.course());
        });
        List<PackageStandings.Detail> details = new ArrayList<>(packages.details(learnerId).stream()
                .filter(d -> due.containsKey(d.standing().slug()) || d.standing().started()).toList());
        details.sort(java.util.Comparator.comparingInt(d -> order.contains(d.standing().slug())
                ? order.indexOf(d.standing().slug()) : order.size()));
        return details.stream().map(d -> {
            String day = due.get(d.standing().slug());
            return new PackageRow(d, day, Dashboard.overdue(day, d.standing().complete(), today));
        }).toList();
    }
}
