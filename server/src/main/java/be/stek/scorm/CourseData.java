package be.stek.scorm;

import be.stek.course.Activity;
import be.stek.course.Course;
import be.stek.quiz.Branching;
import be.stek.quiz.Option;
import be.stek.quiz.Question;
import be.stek.quiz.QuizGrader;
import be.stek.quiz.Reflection;
import be.stek.quiz.Vignette;
import be.stek.web.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The activities of a course as data for the exported package's vignette engine: every question with its text,
 * options, weights, feedback and explanation, every branching step and ending. HTML in it was rendered by Stek from
 * the course files, with links mapped into the package.
 */
final class CourseData {
    private CourseData() {
    }

    static Map<String, Object> activities(Course course, LinkRewriter links, Messages m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Activity a : course.activities().values()) {
            if (a instanceof Vignette v) {
                out.put(v.id(), vignette(v, links, m));
            } else if (a instanceof Branching b) {
                out.put(b.id(), branching(b, links));
            } else if (a instanceof Reflection r) {
                out.put(r.id(), map("id", r.id(), "kind", "reflection", "title", r.title(),
                        "promptHtml", links.rewrite(r.promptHtml()), "graded", false));
            }
        }
        return out;
    }

    private static Map<String, Object> vignette(Vignette v, LinkRewriter links, Messages m) {
        List<Object> questions = v.questions().stream().map(q -> (Object) map("id", q.id(), "type", q.type().key(),
                "prompt", q.prompt(), "promptHtml", links.rewrite(q.promptHtml()), "nuance", q.nuance(),
                "explanationHtml", links.rewrite(q.explanationHtml()), "source", q.source(),
                "options", q.options().stream().map(o -> option(q, o, links, m)).toList())).toList();
        return map("id", v.id(), "kind", v.kind(), "title", v.title(), "caseHtml", links.rewrite(v.caseHtml()),
                "imageUrl", links.url(v.imageUrl()), "imageAlt", v.imageAlt(), "audioUrl", links.url(v.audioUrl()),
                "transcriptHtml", links.rewrite(v.transcriptHtml()), "graded", v.graded(), "draw", v.draw(),
                "shuffle", v.shuffle(), "questions", questions);
    }

    private static Object option(Question q, Option o, LinkRewriter links, Messages m) {
        return map("id", o.id(), "text", o.text(), "html", links.rewrite(o.html()), "weight", o.weight(),
                "correct", o.correct(), "feedbackHtml", links.rewrite(o.feedbackHtml()),
                "label", o.label() != null ? o.label() : m.get(QuizGrader.labelKey(q, o)));
    }

    private static Map<String, Object> branching(Branching b, LinkRewriter links) {
        Map<String, Object> steps = new LinkedHashMap<>();
        b.steps().forEach((id, s) -> steps.put(id, map("id", id, "text", s.text(), "html", links.rewrite(s.html()),
                "choices", s.choices().stream().map(c -> (Object) map("id", c.id(), "text", c.text(),
                        "html", links.rewrite(c.html()), "weight", c.weight(),
                        "feedbackHtml", links.rewrite(c.feedbackHtml()), "next", c.next())).toList())));
        Map<String, Object> endings = new LinkedHashMap<>();
        b.endings().forEach((id, e) -> endings.put(id, map("id", id, "title", e.title(),
                "debriefHtml", links.rewrite(e.debriefHtml()))));
        return map("id", b.id(), "kind", "branching", "title", b.title(), "introHtml", links.rewrite(b.introHtml()),
                "start", b.start(), "steps", steps, "endings", endings, "source", b.source(), "graded", b.graded());
    }

    /** A map from key/value pairs that, unlike {@code Map.of}, keeps order and allows nulls. */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1]);
        }
        return out;
    }
}
