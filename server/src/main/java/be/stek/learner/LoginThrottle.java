package be.stek.learner;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Slows down password guessing with growing delays, never a wall. Failed attempts are counted per account and per
 * network address (the real client's, see {@code --trusted-proxy}); once an account has had {@value #FREE_ATTEMPTS}
 * failures the next attempt must wait, doubling from {@link #ACCOUNT_FIRST_WAIT} up to {@link #ACCOUNT_MAX_WAIT}; an
 * address gets {@value #FREE_ATTEMPTS_PER_ADDRESS} free failures (an office shares one) and then short waits, at most
 * {@link #ADDRESS_MAX_WAIT}, so that one person guessing cannot lock out everyone behind the same address for long. A
 * successful sign-in clears the account's count. The counts live in a bounded cache whose entries expire
 * {@link #WINDOW} after the last failure: a flood of made-up e-mail addresses cannot grow it without limit. Kept in
 * memory: a restart forgives, which is acceptable for a throttle.
 */
public final class LoginThrottle {
    static final int FREE_ATTEMPTS = 5;
    static final int FREE_ATTEMPTS_PER_ADDRESS = 4 * FREE_ATTEMPTS;
    static final Duration ACCOUNT_FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration ACCOUNT_MAX_WAIT = Duration.ofMinutes(15);
    static final Duration ADDRESS_FIRST_WAIT = Duration.ofSeconds(2);
    static final Duration ADDRESS_MAX_WAIT = Duration.ofMinutes(1);
    static final Duration WINDOW = Duration.ofMinutes(30);
    static final int MAX_ENTRIES = 100_000;

    private record Failures(int count, Instant last) {
    }

    private final Clock clock;
    private final Cache<String, Failures> failures;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
        this.failures = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(WINDOW)
                .ticker(() -> clock.millis() * 1_000_000L)
                .executor(Runnable::run)
                .build();
    }

    /** Seconds to wait before another attempt for this account or address; 0 when allowed. */
    public long waitSeconds(String email, String address) {
        return Math.max(wait(key("e", email), FREE_ATTEMPTS, ACCOUNT_FIRST_WAIT, ACCOUNT_MAX_WAIT),
                wait(key("a", address), FREE_ATTEMPTS_PER_ADDRESS, ADDRESS_FIRST_WAIT, ADDRESS_MAX_WAIT));
    }

    public void failed(String email, String address) {
        Instant now = clock.instant();
        for (String k : new String[] {key("e", email), key("a", address)}) {
            failures.asMap().merge(k, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        }
    }

    public void succeeded(String email) {
        failures.invalidate(key("e", email));
    }

    /** How many keys are kept now (for tests: the store stays bounded). */
    long size() {
        failures.cleanUp();
        return failures.estimatedSize();
    }

    private long wait(String key, int free, Duration first, Duration max) {
        Failures f = failures.getIfPresent(key);
        if (f == null || f.count() < free) {
            return 0;
        }
        long seconds = Math.min(max.toSeconds(), first.toSeconds() << Math.min(20, f.count() - free));
        long left = Duration.between(clock.instant(), f.last().plusSeconds(seconds)).toSeconds();
        return Math.max(0, left);
    }

    private static String key(String kind, String value) {
        return kind + ":" + (value == null ? "" : value.toLowerCase(Locale.ROOT));
    }
}
