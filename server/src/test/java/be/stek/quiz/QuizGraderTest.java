package be.stek.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuizGraderTest {

    static Option option(String id, double weight, boolean correct) {
        return new Option(id, id, id, weight, correct, "", null);
    }

    static Question single() {
        return new Question("q", QuestionType.SINGLE, "?", "?", List.of(option("a", 0, false), option("b", 1, true),
                option("c", 0, false)), "", null, "les", false, "v1");
    }

    static Question graded() {
        return new Question("q", QuestionType.GRADED, "?", "?", List.of(option("best", 1, false),
                option("ok", 0.5, false), option("risky", 0, false)), "", null, "les", true, "v1");
    }

    static Question multiple() {
        return new Question("q", QuestionType.MULTIPLE, "?", "?", List.of(option("a", 1, true), option("b", 1, true),
                option("c", 1, true), option("x", 0, false), option("y", 0, false)), "", null, "les", false, "v1");
    }

    @Test
    void single_best_answer_scores_one_or_zero() {
        assertEquals(1.0, QuizGrader.score(single(), Set.of("b")));
        assertEquals(0.0, QuizGrader.score(single(), Set.of("a")));
    }

    @Test
    void graded_options_score_their_weight() {
        assertEquals(1.0, QuizGrader.score(graded(), Set.of("best")));
        assertEquals(0.5, QuizGrader.score(graded(), Set.of("ok")));
        assertEquals(0.0, QuizGrader.score(graded(), Set.of("risky")));
    }

    @Test
    void partially_correct_multiple_response_earns_partial_credit() {
        assertEquals(1.0, QuizGrader.score(multiple(), Set.of("a", "b", "c")));
        assertEquals(2.0 / 3, QuizGrader.score(multiple(), Set.of("a", "b")), 1e-9);
        assertEquals(1.0 / 3, QuizGrader.score(multiple(), Set.of("a", "b", "x")), 1e-9);
    }

    @Test
    void wrong_ticks_never_push_a_score_below_zero() {
        assertEquals(0.0, QuizGrader.score(multiple(), Set.of("a", "x", "y")));
        assertEquals(0.0, QuizGrader.score(multiple(), Set.of("x")));
    }

    @Test
    void one_choice_questions_refuse_two_choices_and_unknown_options() {
        assertThrows(IllegalArgumentException.class, () -> QuizGrader.score(single(), Set.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> QuizGrader.score(graded(), Set.of("zz")));
    }

    @Test
    void a_path_or_vignette_scores_the_mean_of_its_steps() {
        assertEquals(0.75, QuizGrader.mean(List.of(1.0, 0.5)));
        assertEquals(0.5, QuizGrader.mean(List.of(1.0, 0.5, 0.0)));
        assertEquals(0.0, QuizGrader.mean(List.of()));
    }

    @Test
    void graded_options_are_labelled_by_weight() {
        Question g = graded();
        assertEquals("quiz.label.best", QuizGrader.labelKey(g, g.options().get(0)));
        assertEquals("quiz.label.acceptable", QuizGrader.labelKey(g, g.options().get(1)));
        assertEquals("quiz.label.risky", QuizGrader.labelKey(g, g.options().get(2)));
    }
}
