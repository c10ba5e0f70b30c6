package be.stek.quiz;

/**
 * Hears of every answer to a vignette question once it is stored (not of a resent one), so that another feature
 * can act on it without the quiz package knowing that feature: spaced review schedules the question.
 */
@FunctionalInterface
public interface AnswerListener {
    AnswerListener NONE = (attempt, answer) -> {
    };

    /** Called after the answer's transaction committed; {@code attempt} says whether it is graded. */
    void stored(Attempt attempt, Answer answer);
}
