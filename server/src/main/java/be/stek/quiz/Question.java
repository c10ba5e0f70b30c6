package be.stek.quiz;

import java.util.List;
import java.util.Optional;

/** A question of a vignette, with its options and the explanation shown after answering. */
public record Question(String id, QuestionType type, String prompt, String promptHtml, List<Option> options,
                       String explanationHtml, String source, String lesson, boolean nuance, String version) {

    public Optional<Option> option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }

    public boolean multiple() {
        return type == QuestionType.MULTIPLE;
    }
}
