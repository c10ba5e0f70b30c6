package be.stek.quiz;

import java.util.List;

/**
 * A recorded answer: the question (or branching step) with the text it had, the options as shown, what was chosen
 * (ids and text), the score and the time taken.
 */
public record Answer(long attemptId, int position, String question, String questionText, String questionKind,
                     String version, String optionsJson, List<String> chosen, String chosenText, double score,
                     String answeredAt, long timeMs) {
}
