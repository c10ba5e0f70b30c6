package be.stek.learner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@value #FREE_ATTEMPTS} failed sign-ins for an account (or more from one network
 * address) further attempts wait, doubling from one minute up to fifteen. A successful sign-in clears the count.
 * Kept in memory: a restart forgives, which is acceptable for a throttle.
 */
public final class LoginThrottle {
    static final int FREE_ATTEMPTS = 5;
    /** A network address may hide a whole office, so it gets more attempts than one account. */
    static final int FREE_ATTEMPTS_PER_ADDRESS = 4 * FREE_ATTEMPTS;
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private record Failures(int count, Instant last) {
    }

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds to wait before another attempt for this account or address; 0 when allowed. */
    public long waitSeconds(String email, String address) {
        return Math.max(wait(key("e", email), FREE_ATTEMPTS), wait(key("a", address), FREE_ATTEMPTS_PER_ADDRESS));
    }

    public void failed(String email, String address) {
        Instant now = clock.instant();
        for (String k : new String[] {key("e", email), key("a", address)}) {
            failures.merge(k, new Failures(1, now), (old, one) -> new Failures(
                    old.last().plus(WINDOW).isBefore(now) ? 1 : old.count() + 1, now));
        }
    }

    public void succeeded(String email) {
        failures.remove(key("e", email));
    }

    private long wait(String key, int free) {
        Failures f = failures.get(key);
        if (f == null || f.count() < free) {
            return 0;
        }
        long lockSeconds = Math.min(WINDOW.toSeconds(), 60L << Math.min(4, f.count() - free));
        long left = Duration.between(clock.instant(), f.last().plusSeconds(lockSeconds)).toSeconds();
        return Math.max(0, left);
    }

    private static String key(String kind, String value) {
        return kind + ":" + (value == null ? "" : value.toLowerCase(java.util.Locale.ROOT));
    }
}
