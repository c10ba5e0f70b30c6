package be.stek.quiz;

/**
 * An answer option. {@code text} is what the author wrote (kept with every answer for reports), {@code html} is
 * it rendered. {@code weight} is 1 for a correct option of a single or multiple question.
 */
public record Option(String id, String text, String html, double weight, boolean correct, String feedbackHtml,
                     String label) {
}
