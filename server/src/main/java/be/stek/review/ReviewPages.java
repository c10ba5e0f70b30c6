package be.stek.review;

import be.stek.quiz.Option;
import be.stek.quiz.Question;
import be.stek.quiz.QuestionView;
import be.stek.quiz.QuizGrader;
import be.stek.web.Ctx;
import be.stek.web.HttpError;
import be.stek.web.Messages;
import be.stek.web.Result;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the page of one question in a review session: its case, and once answered the module's feedback. */
final class ReviewPages {
    private ReviewPages() {
    }

    static String url(ReviewRepository.Session s, int n) {
        return "/review/sessions/" + s.id() + "/questions/" + n;
    }

    /** The question at position {@code n} as the course has it now; 404 when it left the course. */
    static Reviews.Found found(Reviews reviews, ReviewRepository.Session s, int n) {
        var item = s.plan().at(n);
        return reviews.find(item.course(), item.activity(), item.question())
                .orElseThrow(() -> HttpError.notFound("review.questionGone"));
    }

    /** The options in the order this session shows them; options added to the course since come last. */
    static List<Option> options(Question q, ReviewPlan.Item item) {
        List<Option> out = new ArrayList<>();
        item.options().forEach(id -> q.option(id).ifPresent(out::add));
        q.options().stream().filter(o -> !item.options().contains(o.id())).forEach(out::add);
        return out;
    }

    static Result question(Ctx ctx, ReviewRepository.Session s, Reviews reviews, ReviewRepository repository,
                           String error, int status) {
        int n = ReviewRoutes.position(ctx, s);
        var found = found(reviews, s, n);
        var answers = repository.answers(s.id());
        var given = answers.stream().filter(a -> a.position() == n).findFirst();
        Question q = found.question();
        QuestionView view = new QuestionView(n, q, options(q, s.plan().at(n)),
                given.map(g -> new HashSet<>(g.chosen())).orElse(new HashSet<>()),
                given.map(ReviewRepository.Given::score).orElse(null), labels(q, ctx.messages()), error);
        Integer next = null;
        for (int i = n + 1; i <= s.plan().items().size() && next == null; i++) {
            final int pos = i;
            if (answers.stream().noneMatch(a -> a.position() == pos)) {
                next = pos;
            }
        }
        Map<String, Object> model = Result.model("sessionId", s.id(), "position", n, "total", s.plan().items().size(),
                "course", found.course(), "vignette", found.vignette(), "qv", view, "next", next,
                "lesson", found.course().page(q.lesson()).orElse(null));
        return new Result.Page("review/question", model, status);
    }

    private static Map<String, String> labels(Question q, Messages m) {
        Map<String, String> labels = new LinkedHashMap<>();
        q.options().forEach(o -> labels.put(o.id(), o.label() != null ? o.label() : m.get(QuizGrader.labelKey(q, o))));
        return labels;
    }
}
