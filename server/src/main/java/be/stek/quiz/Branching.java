package be.stek.quiz;

import be.stek.course.Activity;
import java.util.List;
import java.util.Map;

/** A branching vignette: steps with choices that lead to a next step or an ending; the path is scored. */
public record Branching(String id, String title, String introHtml, String start, Map<String, Step> steps,
                        Map<String, Ending> endings, String source, boolean graded, String lesson, String version)
        implements Activity {

    @Override
    public String kind() {
        return "branching";
    }

    /** A moment in the case and the choices open to the learner. */
    public record Step(String id, String text, String html, List<Choice> choices) {
        public java.util.Optional<Choice> choice(String choiceId) {
            return choices.stream().filter(c -> c.id().equals(choiceId)).findFirst();
        }
    }

    /** A choice; {@code next} names a step or an ending. */
    public record Choice(String id, String text, String html, double weight, String feedbackHtml, String next) {
        /** The message key of the label shown with this choice once taken ("beste keuze", "af te raden", …). */
        public String labelKey() {
            return QuizGrader.weightLabelKey(weight);
        }
    }

    /** Where a path ends, with its debrief. */
    public record Ending(String id, String title, String debriefHtml) {
    }
}
