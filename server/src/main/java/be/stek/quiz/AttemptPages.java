package be.stek.quiz;

import be.stek.course.Course;
import be.stek.web.Messages;
import be.stek.web.Result;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the models of attempt pages from an attempt, its answers and the activity. */
final class AttemptPages {
    private AttemptPages() {
    }

    static List<QuestionView> questions(Vignette v, Attempt a, List<Answer> answers, Messages m,
                                        String errorQuestion, String error) {
        List<QuestionView> views = new ArrayList<>();
        int n = 0;
        for (String qid : a.plan().questions()) {
            Optional<Question> q = v.question(qid);
            if (q.isEmpty()) {
                continue;
            }
            Optional<Answer> answer = answers.stream().filter(x -> x.question().equals(qid)).findFirst();
            Map<String, String> labels = new LinkedHashMap<>();
            q.get().options().forEach(o -> labels.put(o.id(),
                    o.label() != null ? o.label() : m.get(QuizGrader.labelKey(q.get(), o))));
            views.add(new QuestionView(++n, q.get(), a.plan().options(q.get()),
                    answer.map(x -> new HashSet<>(x.chosen())).orElse(new HashSet<>()),
                    answer.map(Answer::score).orElse(null), labels, qid.equals(errorQuestion) ? error : null));
        }
        return views;
    }

    static List<StepView> path(Branching b, List<Answer> answers) {
        List<StepView> path = new ArrayList<>();
        for (Answer ans : answers) {
            Branching.Step step = b.steps().get(ans.question());
            Branching.Choice choice = step == null || ans.chosen().isEmpty() ? null
                    : step.choice(ans.chosen().get(0)).orElse(null);
            path.add(new StepView(ans.position(), step, choice, ans.chosenText(), ans.score()));
        }
        return path;
    }

    static Result.Page page(Course course, be.stek.course.Activity activity, Attempt a, Map<String, Object> extra,
                            int status) {
        Map<String, Object> model = Result.model("course", course, "activity", activity, "attempt", a,
                "lesson", course.page(activity.lesson()).orElse(null));
        model.putAll(extra);
        String template = activity instanceof Branching ? "quiz/branching" : "quiz/vignette";
        return new Result.Page(template, model, status);
    }
}
