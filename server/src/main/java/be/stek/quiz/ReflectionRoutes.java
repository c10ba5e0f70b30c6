package be.stek.quiz;

import be.stek.course.Catalogue;
import be.stek.course.Course;
import be.stek.web.Access;
import be.stek.web.Ctx;
import be.stek.web.Form;
import be.stek.web.HttpError;
import be.stek.web.Result;
import be.stek.web.Router;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Writing reflections and reading or downloading the private journal of a course. */
public final class ReflectionRoutes {
    static final int MAX_LENGTH = 20_000;

    private final Catalogue catalogue;
    private final ReflectionRepository reflections;
    private final LessonPage lessonPage;

    public ReflectionRoutes(Catalogue catalogue, ReflectionRepository reflections, LessonPage lessonPage) {
        this.catalogue = catalogue;
        this.reflections = reflections;
        this.lessonPage = lessonPage;
    }

    public void register(Router r) {
        r.post("/courses/{course}/reflections/{activity}", Access.SIGNED_IN, this::submitReflection);
        r.get("/courses/{course}/journal", Access.SIGNED_IN, this::showJournal);
        r.get("/courses/{course}/journal/download", Access.SIGNED_IN, this::downloadJournal);
    }

    private Course course(Ctx ctx) {
        return catalogue.course(ctx.param("course")).orElseThrow(() -> HttpError.notFound("error.unknownCourse"));
    }

    private Result submitReflection(Ctx ctx) {
        Course course = course(ctx);
        if (!(course.activity(ctx.param("activity")).orElse(null) instanceof Reflection prompt)) {
            throw HttpError.notFound("error.unknownActivity");
        }
        String nonce = ctx.form("nonce");
        // A lesson can hold several reflections, all with a field "body": the error and the text go to this one's.
        String field = "r-" + prompt.id();
        Form form = Form.filled(ctx, Map.of(field, ctx.formOpt("body").orElse("")));
        String body = form.required(field, "reflection.empty");
        form.check(body.length() <= MAX_LENGTH, field, "reflection.tooLong", MAX_LENGTH);
        if (form.invalid()) {
            return lessonPage.show(ctx, course, prompt.lesson(), form);
        }
        reflections.save(ctx.user().id(), course.slug(), prompt.id(), prompt.prompt(), body, nonce, ctx.now());
        return Result.redirect("/courses/" + course.slug() + "/lessons/" + prompt.lesson() + "#a-" + prompt.id(),
                "flash.reflectionSaved");
    }

    private Result showJournal(Ctx ctx) {
        Course course = course(ctx);
        return Result.page("quiz/journal", "course", course,
                "entries", reflections.journal(ctx.user().id(), course.slug()));
    }

    /** The journal as a Markdown file the learner keeps. */
    private Result downloadJournal(Ctx ctx) {
        Course course = course(ctx);
        List<ReflectionRepository.Entry> entries = reflections.journal(ctx.user().id(), course.slug());
        StringBuilder md = new StringBuilder("# ").append(ctx.messages().get("journal.title")).append(": ")
                .append(course.title()).append("\n\n");
        for (ReflectionRepository.Entry e : entries) {
            String title = course.activity(e.prompt()).map(a -> a.title()).orElse(e.prompt());
            md.append("## ").append(title).append(" (").append(e.writtenAt(), 0, 10).append(")\n\n")
                    .append("> ").append(e.promptText().strip().replace("\n", "\n> ")).append("\n\n")
                    .append(e.body().strip()).append("\n\n");
        }
        return Result.download("reflecties-" + course.slug() + ".md", "text/markdown;charset=utf-8",
                md.toString().getBytes(StandardCharsets.UTF_8));
    }
}
