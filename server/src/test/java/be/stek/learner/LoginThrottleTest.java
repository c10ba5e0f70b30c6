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
}
