package be.stek.quiz;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A question as one attempt shows it: options in the attempt's order, and once answered the choice, score and
 * the label per option ("beste keuze", "aanvaardbaar", …).
 */
public record QuestionView(int number, Question question, List<Option> options, Set<String> chosen, Double score,
                           Map<String, String> labels, String error) {

    public boolean answered() {
        return score != null;
    }
}
