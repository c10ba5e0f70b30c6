package be.stek.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When a graded question comes back for review: the whole rule, in one place.
 *
 * <ul>
 *   <li>A question answered <b>below full marks</b> (in the module or in a review) comes back after 2 days. Each
 *       time it is then answered with full marks in a review it moves on: 7 days later, then 21, then 60; after the
 *       60-day review it is done.</li>
 *   <li>A question answered <b>with full marks</b> the first time comes back <b>once</b>, after 21 days; answered
 *       well then, it is done; missed then, it starts again at 2 days.</li>
 *   <li>Answering the question again <b>in the module</b> with full marks leaves a schedule as it is (a retry right
 *       after reading the feedback is not spaced retrieval); a miss there restarts it at 2 days.</li>
 * </ul>
 * Every interval counts from the moment of the answer, so a review done late is not punished.
 */
final class ReviewSchedule {
    /** Days until the next review on the track of a missed question: after the miss, then after each good review. */
    static final List<Integer> MISSED_TRACK = List.of(2, 7, 21, 60);
    /** Days until the one check of a question answered well the first time. */
    static final int CHECK_DAYS = 21;
    /** The stage of that one check. */
    static final int CHECK = -1;
    /** The stage of a question that no longer comes back. */
    static final int DONE = 99;

    /** Where a question stands: its stage and when it is due ({@code null} once done). */
    record Slot(int stage, Instant due) {
        boolean done() {
            return due == null;
        }
    }

    private final Clock clock;

    ReviewSchedule(Clock clock) {
        this.clock = clock;
    }

    /** Full marks: the score of a question is 1 (a rounding error below it still counts). */
    static boolean fullMarks(double score) {
        return score >= 0.999;
    }

    /** The slot after an answer in the module itself; {@code current} is null for a question never scheduled. */
    Slot afterModuleAnswer(Slot current, double score) {
        if (!fullMarks(score)) {
            return missed();
        }
        return current != null ? current : new Slot(CHECK, in(CHECK_DAYS));
    }

    /** The slot after an answer in a review session. */
    Slot afterReview(Slot current, double score) {
        if (!fullMarks(score)) {
            return missed();
        }
        int next = current.stage() == CHECK ? MISSED_TRACK.size() : current.stage() + 1;
        return next < MISSED_TRACK.size() ? new Slot(next, in(MISSED_TRACK.get(next))) : new Slot(DONE, null);
    }

    private Slot missed() {
        return new Slot(0, in(MISSED_TRACK.get(0)));
    }

    private Instant in(int days) {
        return clock.instant().plus(Duration.ofDays(days));
    }

    Instant now() {
        return clock.instant();
    }
}
