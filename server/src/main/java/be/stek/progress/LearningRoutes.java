package be.stek.progress;

import be.stek.course.Catalogue;
import be.stek.course.Course;
import be.stek.course.Lesson;
import be.stek.quiz.ActivityViews;
import be.stek.quiz.AttemptRepository;
import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.Form;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import be.stek.web.Visitor;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/** The course page, lessons, "Verder gaan", finishing a lesson, and the learner's dashboard. */
public final class LearningRoutes {
    private final Catalogue catalogue;
    private final ProgressRepository progress;
    private final AttemptRepository attempts;
    private final Standings standings;
    private final ActivityViews activityViews;
    private final LongFunction<List<?>> openTeamSessions;
    private final LongFunction<List<?>> packageStandings;
    private final LongFunction<List<GroupAssignment>> assignments;
    private final LongFunction<?> reviewBlock;

    /**
     * {@code openTeamSessions} lists the team sessions a learner can join now, {@code packageStandings} where
     * they stand in SCORM packages (and which of them their groups assigned) and {@code reviewBlock} what they have
     * to review (all shown on the dashboard);
     * they are functions so that progress depends on neither the cohort, the SCORM nor the review feature.
     */
    public LearningRoutes(Catalogue catalogue, ProgressRepository progress, AttemptRepository attempts,
                          Standings standings, ActivityViews activityViews, LongFunction<List<?>> openTeamSessions,
                          LongFunction<List<?>> packageStandings, LongFunction<List<GroupAssignment>> assignments,
                          LongFunction<?> reviewBlock) {
        this.catalogue = catalogue;
        this.progress = progress;
        this.attempts = attempts;
        this.standings = standings;
        this.activityViews = activityViews;
        this.openTeamSessions = openTeamSessions;
        this.packageStandings = packageStandings;
        this.assignments = assignments;
        this.reviewBlock = reviewBlock;
    }

    public void register(Router r) {
        r.get("/courses/{course}", Access.PUBLIC, this::showCourse);
        r.get("/courses/{course}/continue", Access.SIGNED_IN, this::showContinue);
        r.get("/courses/{course}/lessons/{lesson}", Access.SIGNED_IN, this::showLesson);
        r.post("/courses/{course}/lessons/{lesson}/done", Access.SIGNED_IN, this::submitDone);
        r.get("/me", Access.SIGNED_IN, this::showDashboard);
    }

    private Course course(Ctx ctx) {
        return catalogue.course(ctx.param("course")).orElseThrow(() -> HttpError.notFound("error.unknownCourse"));
    }

    private Lesson lesson(Ctx ctx, Course course) {
        return course.page(ctx.param("lesson")).orElseThrow(() -> HttpError.notFound("error.unknownLesson"));
    }

    private Result showCourse(Ctx ctx) {
        Course course = course(ctx);
        Visitor v = ctx.maybeUser().orElse(null);
        if (v == null) {
            return Result.page("progress/course", "course", course, "states", Map.of(), "best", Map.of());
        }
        CourseStatus status = standings.of(v.id(), course);
        List<Assigned> assigned = assignments.apply(v.id()).stream().filter(a -> a.course().equals(course.slug()))
                .map(a -> new Assigned(a, a.overdue(today(ctx), status.complete()))).toList();
        return Result.page("progress/course", "course", course, "status", status,
                "states", progress.states(v.id(), course.slug()), "best", attempts.best(v.id(), course.slug()),
                "assigned", assigned);
    }

    private Result showContinue(Ctx ctx) {
        Course course = course(ctx);
        long me = ctx.user().id();
        Lesson next = Resume.lesson(course, progress.states(me, course.slug()),
                progress.lastVisited(me, course.slug()).orElse(null));
        // Land on the first graded activity of that lesson not yet done, if any: that is where the learner stopped.
        var done = attempts.best(me, course.slug()).keySet();
        String anchor = next.activityIds().stream()
                .filter(id -> course.activity(id).map(a -> a.graded() && !done.contains(id)).orElse(false))
                .findFirst().map(id -> "#a-" + id).orElse("");
        return Result.redirect("/courses/" + course.slug() + "/lessons/" + next.slug() + anchor);
    }

    private Result showLesson(Ctx ctx) {
        Course course = course(ctx);
        return lessonPage(ctx, course, lesson(ctx, course).slug(), Form.blank(ctx));
    }

    /** A lesson page; {@code form} is a form on it (a reflection) that came back with errors, if any. */
    public Result lessonPage(Ctx ctx, Course course, String lessonSlug, Form form) {
        Lesson lesson = course.page(lessonSlug).orElseThrow(() -> HttpError.notFound("error.unknownLesson"));
        long me = ctx.user().id();
        var states = progress.states(me, course.slug());
        var state = states.get(lesson.slug());
        progress.visit(me, course.slug(), lesson.slug(), state, ctx.now());
        return form.page("progress/lesson", "course", course, "lesson", lesson,
                "done", state != null && state.done(), "views", activityViews.forLesson(me, course, lesson),
                "previous", course.previous(lesson).orElse(null), "next", course.next(lesson).orElse(null),
                "position", course.lessons().indexOf(lesson) + 1);
    }

    private Result submitDone(Ctx ctx) {
        Course course = course(ctx);
        Lesson lesson = lesson(ctx, course);
        if (lesson.appendix()) {
            throw HttpError.badRequest("error.appendixNotALesson");
        }
        progress.markDone(ctx.user().id(), course.slug(), lesson.slug(), ctx.now());
        var next = course.next(lesson);
        if (next.isPresent()) {
            return Result.redirect("/courses/" + course.slug() + "/lessons/" + next.get().slug(), "flash.lessonDone");
        }
        boolean complete = standings.of(ctx.user().id(), course).complete();
        return Result.redirect("/courses/" + course.slug(), complete ? "flash.courseComplete" : "flash.lastLessonDone");
    }

    /** One course on the dashboard; {@code assigned} is empty for a course no group assigned. */
    public record Row(Course course, CourseStatus status, List<Assigned> assigned) {
        public boolean overdue() {
            return assigned.stream().anyMatch(Assigned::overdue);
        }
    }

    /** An assignment as the learner sees it: by which group, by when, and whether that date has passed. */
    public record Assigned(GroupAssignment assignment, boolean overdue) {
    }

    private static java.time.LocalDate today(Ctx ctx) {
        return ctx.now().atZone(java.time.ZoneId.of("Europe/Brussels")).toLocalDate();
    }

    /**
     * Mijn leertraject: first what the learner's groups assigned (soonest due date first, overdue marked), then the
     * rest of the catalogue.
     */
    private Result showDashboard(Ctx ctx) {
        long me = ctx.user().id();
        var lessonsSeen = standings.lessonsSeen(me);
        var attemptsSeen = standings.attemptsSeen(me);
        List<GroupAssignment> mine = assignments.apply(me);
        java.time.LocalDate today = today(ctx);
        List<Row> all = catalogue.courses().stream().map(c -> {
            CourseStatus status = standings.of(me, c, lessonsSeen, attemptsSeen);
            List<Assigned> assigned = mine.stream().filter(a -> a.course().equals(c.slug()))
                    .map(a -> new Assigned(a, a.overdue(today, status.complete()))).toList();
            return new Row(c, status, assigned);
        }).toList();
        List<Row> assigned = all.stream().filter(r -> !r.assigned().isEmpty())
                .sorted(java.util.Comparator.comparing((Row r) -> firstDue(r.assigned()))).toList();
        List<Row> others = all.stream().filter(r -> r.assigned().isEmpty()).toList();
        return Result.page("progress/dashboard", "assignedRows", assigned, "rows", others, "paths", catalogue.paths(),
                "teamSessions", openTeamSessions.apply(me), "packages", packageStandings.apply(me),
                "review", reviewBlock.apply(me));
    }

    private static String firstDue(List<Assigned> assigned) {
        return assigned.stream().map(a -> a.assignment().dueDate()).filter(java.util.Objects::nonNull).sorted()
                .findFirst().orElse("9999-12-31");
    }
}
