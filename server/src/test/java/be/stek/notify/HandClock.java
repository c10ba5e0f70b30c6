package be.stek.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand: day 0 is Monday 23 November 2026, 09:00 UTC (10:00 in Brussels). */
final class HandClock extends Clock {
    static final Instant DAY_0 = Instant.parse("2026-11-23T09:00:00Z");
    volatile Instant now = DAY_0;

    void day(int days) {
        now = DAY_0.plus(Duration.ofDays(days));
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
