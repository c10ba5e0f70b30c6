package be.stek.scorm;

import java.util.Map;

/**
 * How the LMS's navigation of a sequenced package looks for a learner now (for the package page and the player):
 * the current activity, whether continue and previous lead to an activity, why each activity cannot be chosen
 * (a {@code scorm.nav.refused.*} reason; absent when it can), and the course's rolled-up status.
 */
public record SequencingView(String current, boolean canContinue, boolean canPrevious, Map<String, String> refusals,
                             boolean rootKnown, boolean rootSatisfied, Double rootMeasure, boolean completed,
                             boolean progressKnown, boolean started, boolean suspended, boolean ended) {

    public boolean choosable(String item) {
        return !refusals.containsKey(item);
    }
}
