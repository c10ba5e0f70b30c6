package be.stek.review;

import static be.stek.testing.HandClock.dayOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import be.stek.testing.HandClock;
import org.junit.jupiter.api.Test;

/** The review rule, with a clock moved by hand: 2, 7, 21, 60 days after a miss; 21 days once after a good answer. */
class ReviewScheduleTest {
    private final HandClock clock = new HandClock();
    private final ReviewSchedule rule = new ReviewSchedule(clock);

    @Test
    void a_question_missed_on_day_0_is_due_on_day_2_then_moves_to_day_9_30_and_90_and_then_stops() {
        ReviewSchedule.Slot slot = rule.afterModuleAnswer(null, 0.5);
        assertEquals(dayOf(2), slot.due());
        clock.day(2);
        slot = rule.afterReview(slot, 1.0);
        assertEquals(dayOf(9), slot.due(), "answered well on day 2: 7 days later");
        clock.day(9);
        slot = rule.afterReview(slot, 1.0);
        assertEquals(dayOf(30), slot.due(), "then 21 days later");
        clock.day(30);
        slot = rule.afterReview(slot, 1.0);
        assertEquals(dayOf(90), slot.due(), "then 60 days later");
        clock.day(90);
        slot = rule.afterReview(slot, 1.0);
        assertNull(slot.due(), "after the 60-day review it no longer comes back");
    }

    @Test
    void a_miss_in_a_review_starts_the_track_again_at_two_days() {
        ReviewSchedule.Slot slot = rule.afterModuleAnswer(null, 0.0);
        clock.day(2);
        slot = rule.afterReview(slot, 1.0);
        clock.day(9);
        slot = rule.afterReview(slot, 0.75);
        assertEquals(dayOf(11), slot.due(), "0.75 is below full marks: back in 2 days");
        clock.day(11);
        assertEquals(dayOf(18), rule.afterReview(slot, 1.0).due());
    }

    @Test
    void a_question_answered_well_comes_back_once_after_21_days() {
        ReviewSchedule.Slot slot = rule.afterModuleAnswer(null, 1.0);
        assertEquals(dayOf(21), slot.due());
        clock.day(21);
        assertNull(rule.afterReview(slot, 1.0).due(), "well again: done");
        assertEquals(dayOf(23), rule.afterReview(slot, 0.25).due(), "missed then: the 2-day track starts");
    }

    @Test
    void a_review_done_late_counts_from_the_day_it_was_done() {
        ReviewSchedule.Slot slot = rule.afterModuleAnswer(null, 0.0);
        clock.day(5);
        assertEquals(dayOf(12), rule.afterReview(slot, 1.0).due());
    }

    @Test
    void a_good_retry_in_the_module_keeps_the_schedule_and_a_missed_one_restarts_it() {
        ReviewSchedule.Slot slot = rule.afterModuleAnswer(null, 0.0);
        clock.day(1);
        assertSame(slot, rule.afterModuleAnswer(slot, 1.0), "a retry right after the feedback is not spaced");
        assertEquals(dayOf(3), rule.afterModuleAnswer(slot, 0.5).due());
    }
}
