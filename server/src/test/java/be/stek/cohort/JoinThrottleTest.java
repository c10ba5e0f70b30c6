package be.stek.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.store.Database;
import be.stek.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong join codes: a person gets a number of tries per window, then waits for the window to end; others do not. */
class JoinThrottleTest {

    static final class Hand extends Clock {
        Instant now = Instant.parse("2026-12-07T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void wrong_codes_make_that_person_wait_until_the_window_ends(@TempDir Path dir) {
        try (Database db = TestDatabases.open(dir)) {
            Hand clock = new Hand();
            JoinThrottle throttle = new JoinThrottle(db, clock);
            for (int i = 0; i < JoinThrottle.FREE; i++) {
                assertEquals(0, throttle.waitSeconds(7), "try " + (i + 1) + " is free");
                throttle.failed(7);
                clock.now = clock.now.plusSeconds(5);
            }
            long wait = throttle.waitSeconds(7);
            assertTrue(wait > 0 && wait <= JoinThrottle.WINDOW.toSeconds(), "waits: " + wait);
            assertEquals(0, throttle.waitSeconds(8), "someone else in the same room is not held up");

            clock.now = clock.now.plus(JoinThrottle.WINDOW);
            assertEquals(0, throttle.waitSeconds(7), "a new window, new tries");
            throttle.failed(7);
            assertEquals(0, throttle.waitSeconds(7), "the count started again at one");
            assertEquals(1L, (long) db.read(c -> be.stek.store.Sql.one(c, "SELECT count(*) FROM team_join_failure",
                    rs -> rs.getLong(1)).orElseThrow()), "old counts are swept");
        }
    }
}
