package be.stek.quiz;

import java.util.Collection;
import java.util.Set;

/** Scores answers. Pure: no state, no I/O. Every score is between 0 and 1. */
public final class QuizGrader {
    private QuizGrader() {
    }

    /**
     * Scores the chosen options of a question: the weight of the one choice for single and graded questions;
     * for multiple response (right ticks − wrong ticks) / number of right options, never below 0.
     */
    public static double score(Question q, Set<String> chosen) {
        if (q.type() != QuestionType.MULTIPLE) {
            if (chosen.size() != 1) {
                throw new IllegalArgumentException("one option expected, got " + chosen.size());
            }
            return q.option(chosen.iterator().next()).map(Option::weight)
                    .orElseThrow(() -> new IllegalArgumentException("unknown option " + chosen));
        }
        long right = q.options().stream().filter(Option::correct).filter(o -> chosen.contains(o.id())).count();
        long wrong = q.options().stream().filter(o -> !o.correct()).filter(o -> chosen.contains(o.id())).count();
        long total = q.options().stream().filter(Option::correct).count();
        return Math.max(0.0, (double) (right - wrong) / total);
    }

    /** The mean of some scores (a vignette's questions, a branching path's choices); 0 for none. */
    public static double mean(Collection<Double> scores) {
        return scores.stream().mapToDouble(Double::doubleValue).average().orElse(0.0);
    }

    /**
     * How an option is labelled after answering when the author gave no label. Graded weights have one meaning in
     * every course: 1 the best call, 0.75 good but missing one element, 0.5 understandable but missing something
     * important, 0.25 well meant but risky, 0 harmful or against the sources.
     */
    public static String labelKey(Question q, Option o) {
        if (q.type() == QuestionType.GRADED) {
            return weightLabelKey(o.weight());
        }
        return o.correct() ? (q.type() == QuestionType.SINGLE ? "quiz.label.best" : "quiz.label.right")
                : "quiz.label.notBest";
    }

    /** The label key of a graded option's or a branching choice's weight. */
    public static String weightLabelKey(double weight) {
        return weight >= 1.0 ? "quiz.label.best" : weight >= 0.75 ? "quiz.label.good"
                : weight >= 0.5 ? "quiz.label.acceptable" : weight > 0 ? "quiz.label.weak" : "quiz.label.risky";
    }
}
