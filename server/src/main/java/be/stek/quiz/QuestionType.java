package be.stek.quiz;

import java.util.Locale;

/** How a question is answered and scored. */
public enum QuestionType {
    /** One choice; one option is the best answer. */
    SINGLE,
    /** Tick every option that applies; partial credit. */
    MULTIPLE,
    /** One choice; every option carries a weight between 0 and 1. */
    GRADED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
