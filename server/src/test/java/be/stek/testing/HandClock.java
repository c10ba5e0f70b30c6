package be.stek.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the test moves by hand: day 0 is Monday 23 November 2026, 09:00 UTC (10:00 in Brussels). Give it to
 * {@link TestServer} or a repository to make due dates, reminders, review stages and time spent exact.
 */
public final class HandClock extends Clock {
    public static final Instant DAY_0 = Instant.parse("2026-11-23T09:00:00Z");
    public volatile Instant now = DAY_0;

    /** The instant {@code days} days after day 0. */
    public static Instant dayOf(int days) {
        return DAY_0.plus(Duration.ofDays(days));
    }

    /** Moves the clock to {@code days} days after day 0. */
    public void day(int days) {
        now = dayOf(days);
    }

    /** Moves the clock to {@code minutes} minutes after day 0. */
    public void minutes(long minutes) {
        now = DAY_0.plus(Duration.ofMinutes(minutes));
    }

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
