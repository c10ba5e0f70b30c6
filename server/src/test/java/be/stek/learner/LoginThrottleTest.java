package be.stek.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    /** A clock the test moves by hand. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2026-11-23T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void five_failures_lock_the_account_for_a_while_then_it_opens_again() {
        Hand clock = new Hand();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < 4; i++) {
            throttle.failed("an@example.be", "10.0.0.1");
        }
        assertEquals(0, throttle.waitSeconds("an@example.be", "10.0.0.1"));
        throttle.failed("an@example.be", "10.0.0.1");
        assertTrue(throttle.waitSeconds("AN@example.be", "10.0.0.2") > 0);
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertEquals(0, throttle.waitSeconds("an@example.be", "10.0.0.1"));
    }

    @Test
    void other_accounts_from_the_same_address_are_not_locked_by_a_few_failures() {
        LoginThrottle throttle = new LoginThrottle(new Hand());
        for (int i = 0; i < 5; i++) {
            throttle.failed("an@example.be", "10.0.0.1");
        }
        assertEquals(0, throttle.waitSeconds("bert@example.be", "10.0.0.1"));
    }

    @Test
    void an_address_gets_short_growing_waits_never_a_wall() {
        Hand clock = new Hand();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < 200; i++) {
            throttle.failed("guess" + i + "@example.be", "10.0.0.9");
        }
        long wait = throttle.waitSeconds("bert@example.be", "10.0.0.9");
        assertTrue(wait > 0 && wait <= LoginThrottle.ADDRESS_MAX_WAIT.toSeconds(), "wait " + wait);
        clock.now = clock.now.plus(LoginThrottle.ADDRESS_MAX_WAIT);
        assertEquals(0, throttle.waitSeconds("bert@example.be", "10.0.0.9"), "after a minute the address may try again");
    }

    @Test
    void an_account_waits_longer_after_each_further_failure_up_to_fifteen_minutes() {
        Hand clock = new Hand();
        LoginThrottle throttle = new LoginThrottle(clock);
        long previous = 0;
        for (int i = 0; i < 12; i++) {
            throttle.failed("an@example.be", "10.0.0." + i);
            long wait = throttle.waitSeconds("an@example.be", "10.0.1.1");
            assertTrue(wait >= previous, "the wait grows");
            assertTrue(wait <= LoginThrottle.ACCOUNT_MAX_WAIT.toSeconds());
            previous = wait;
        }
        assertEquals(LoginThrottle.ACCOUNT_MAX_WAIT.toSeconds(), previous);
    }

    @Test
    void the_store_stays_bounded_and_forgets_after_its_window() {
        Hand clock = new Hand();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.MAX_ENTRIES + 20_000; i++) {
            throttle.failed("typed" + i + "@example.be", "10.0.0.1");
        }
        assertTrue(throttle.size() <= LoginThrottle.MAX_ENTRIES + 1, "size " + throttle.size());
        assertTrue(throttle.waitSeconds(null, "10.0.0.1") > 0);
        clock.now = clock.now.plus(LoginThrottle.WINDOW).plusSeconds(1);
        assertEquals(0, throttle.waitSeconds(null, "10.0.0.1"), "counts are forgotten after the window");
    }
}
