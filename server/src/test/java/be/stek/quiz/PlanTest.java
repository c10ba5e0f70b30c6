package be.stek.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanTest {

    static Vignette pool(int draw, boolean shuffle) {
        List<Question> qs = List.of("q1", "q2", "q3", "q4").stream().map(id -> new Question(id, QuestionType.SINGLE,
                id, id, List.of(QuizGraderTest.option("a", 1, true), QuizGraderTest.option("b", 0, false),
                QuizGraderTest.option("c", 0, false)), "", null, "les", false, "v")).toList();
        return new Vignette("v", "vignette", "V", "case", null, null, null, null, qs, draw, shuffle, true, "les", "v");
    }

    @Test
    void a_pool_draws_n_of_m_in_authored_order() {
        Set<List<String>> seen = new HashSet<>();
        for (int seed = 0; seed < 30; seed++) {
            Plan plan = Plan.draw(pool(2, true), new Random(seed));
            assertEquals(2, plan.questions().size());
            assertTrue(List.of("q1", "q2", "q3", "q4").indexOf(plan.questions().get(0))
                    < List.of("q1", "q2", "q3", "q4").indexOf(plan.questions().get(1)));
            seen.add(plan.questions());
        }
        assertTrue(seen.size() > 1, "different attempts draw different questions");
    }

    @Test
    void fixed_order_is_kept_and_plans_survive_json() {
        Plan plan = Plan.draw(pool(4, false), new Random(1));
        assertEquals(List.of("a", "b", "c"), plan.optionOrder().get("q1"));
        assertEquals(plan, Plan.fromJson(plan.toJson()));
    }

    @Test
    void shuffled_options_differ_between_attempts() {
        Set<List<String>> orders = new HashSet<>();
        for (int seed = 0; seed < 30; seed++) {
            orders.add(Plan.draw(pool(4, true), new Random(seed)).optionOrder().get("q1"));
        }
        assertTrue(orders.size() > 1);
    }
}
