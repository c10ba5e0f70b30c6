package be.stek.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import be.stek.quiz.AttemptRepository.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemAnalysisTest {
    static final String OPTIONS = "[{\"id\":\"a\",\"text\":\"A\",\"weight\":1.0},{\"id\":\"b\",\"text\":\"B\",\"weight\":0.0}]";

    static Response r(long learner, String question, String chosen, double score) {
        return new Response(learner, "v", 0, question, "Vraag " + question, OPTIONS, List.of(chosen), score);
    }

    @Test
    void facility_is_the_mean_score_and_options_are_counted() {
        var items = ItemAnalysis.analyse(List.of(r(1, "q1", "a", 1), r(2, "q1", "b", 0), r(3, "q1", "a", 1), r(4, "q1", "a", 1)));
        var q1 = items.get(0);
        assertEquals(0.75, q1.facility());
        assertEquals(4, q1.responses());
        assertEquals(3, q1.options().get(0).count());
        assertEquals(75, q1.options().get(0).percent());
        assertEquals(1, q1.options().get(1).count());
    }

    @Test
    void discrimination_is_the_correlation_of_item_and_rest_of_test_times_100() {
        List<Response> rs = new ArrayList<>();
        // Learners 1-2 do well on q2 and q3, learners 3-4 do not: q1 follows them (discriminates), q4 goes against them.
        double[][] scores = {{1, 1, 1, 0}, {1, 1, 1, 0}, {0, 0, 0, 1}, {0, 0, 0, 1}};
        for (int l = 0; l < 4; l++) {
            for (int q = 0; q < 4; q++) {
                rs.add(r(l + 1, "q" + (q + 1), scores[l][q] == 1 ? "a" : "b", scores[l][q]));
            }
        }
        var items = ItemAnalysis.analyse(rs);
        assertEquals(100.0, items.get(0).discrimination(), 1e-9);
        assertEquals(-100.0, items.get(3).discrimination(), 1e-9);
    }

    @Test
    void discrimination_is_unknown_with_fewer_than_three_learners_or_no_variance() {
        var two = ItemAnalysis.analyse(List.of(r(1, "q1", "a", 1), r(2, "q1", "b", 0), r(1, "q2", "a", 1), r(2, "q2", "a", 1)));
        assertNull(two.get(0).discrimination());
        var same = ItemAnalysis.analyse(List.of(r(1, "q1", "a", 1), r(2, "q1", "a", 1), r(3, "q1", "a", 1),
                r(1, "q2", "a", 1), r(2, "q2", "b", 0), r(3, "q2", "a", 1)));
        assertNull(same.get(0).discrimination(), "everyone scored the same on q1");
    }

    @Test
    void most_missed_lists_the_hardest_first_and_leaves_out_items_everyone_got() {
        var items = ItemAnalysis.analyse(List.of(r(1, "makkelijk", "a", 1), r(1, "moeilijk", "b", 0),
                r(1, "half", "a", 0.5), r(2, "makkelijk", "a", 1), r(2, "moeilijk", "b", 0), r(2, "half", "b", 0.5)));
        assertEquals(List.of("moeilijk", "half"), ItemAnalysis.mostMissed(items, 5).stream()
                .map(ItemAnalysis.Item::question).toList());
    }
}
