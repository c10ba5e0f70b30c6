package be.stek.learner;

import be.stek.store.Database;
import be.stek.store.Sql;
import be.stek.web.Tokens;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down password guessing with growing delays, never a wall. Failed attempts are counted per account and per
 * network address (the real client's, see {@code --trusted-proxy}); once an account has had {@value #FREE_ATTEMPTS}
 * failures the next attempt must wait, doubling from {@link #ACCOUNT_FIRST_WAIT} up to {@link #ACCOUNT_MAX_WAIT}; an
 * address gets {@value #FREE_ATTEMPTS_PER_ADDRESS} free failures (an office shares one) and then short waits, at most
 * {@link #ADDRESS_MAX_WAIT}, so that one person guessing cannot lock out everyone behind the same address for long. A
 * successful sign-in clears the account's count. Counts are forgotten {@link #WINDOW} after the last failure. In one
 * process they live in a bounded cache (a flood of made-up e-mail addresses cannot grow it without limit; a restart
 * forgives, which is acceptable for a throttle); when several nodes share a PostgreSQL database they live in the
 * database (table {@code login_failure}, keys hashed), so that spreading guesses over the nodes gains nothing.
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

    record Failures(int count, Instant last) {
    }

    /** Where the counts live. */
    private interface Counts {
        Optional<Failures> get(String key, Instant now);

        void failed(String key, Instant now);

        void clear(String key);

        long size();
    }

    private final Clock clock;
    private final Counts counts;

    /** Counts in this process's memory. */
    public LoginThrottle(Clock clock) {
        this.clock = clock;
        this.counts = new InMemory(clock);
    }

    /** Counts in the database when several nodes share it ({@link Database#shared()}), else in memory. */
    public LoginThrottle(Clock clock, Database db) {
        this.clock = clock;
        this.counts = db.shared() ? new InDatabase(db) : new InMemory(clock);
    }

    /** Seconds to wait before another attempt for this account or address; 0 when allowed. */
    public long waitSeconds(String email, String address) {
        Instant now = clock.instant();
        return Math.max(wait(key("e", email), FREE_ATTEMPTS, ACCOUNT_FIRST_WAIT, ACCOUNT_MAX_WAIT, now),
                wait(key("a", address), FREE_ATTEMPTS_PER_ADDRESS, ADDRESS_FIRST_WAIT, ADDRESS_MAX_WAIT, now));
    }

    public void failed(String email, String address) {
        Instant now = clock.instant();
        counts.failed(key("e", email), now);
        counts.failed(key("a", address), now);
    }

    public void succeeded(String email) {
        counts.clear(key("e", email));
    }

    /** How many keys are kept now (for tests: the store stays bounded). */
    long size() {
        return counts.size();
    }

    private long wait(String key, int free, Duration first, Duration max, Instant now) {
        Failures f = counts.get(key, now).orElse(null);
        if (f == null || f.count() < free) {
            return 0;
        }
        long seconds = Math.min(max.toSeconds(), first.toSeconds() << Math.min(20, f.count() - free));
        long left = Duration.between(now, f.last().plusSeconds(seconds)).toSeconds();
        return Math.max(0, left);
    }

    private static String key(String kind, String value) {
        return kind + ":" + (value == null ? "" : value.toLowerCase(Locale.ROOT));
    }

    private static final class InMemory implements Counts {
        private final Cache<String, Failures> failures;

        InMemory(Clock clock) {
            this.failures = Caffeine.newBuilder()
                    .maximumSize(MAX_ENTRIES)
                    .expireAfterWrite(WINDOW)
                    .ticker(() -> clock.millis() * 1_000_000L)
                    .executor(Runnable::run)
                    .build();
        }

        @Override
        public Optional<Failures> get(String key, Instant now) {
            return Optional.ofNullable(failures.getIfPresent(key));
        }

        @Override
        public void failed(String key, Instant now) {
            failures.asMap().merge(key, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        }

        @Override
        public void clear(String key) {
            failures.invalidate(key);
        }

        @Override
        public long size() {
            failures.cleanUp();
            return failures.estimatedSize();
        }
    }

    /**
     * Counts in the table {@code login_failure}, keyed by a hash (no e-mail address is stored). A count older than
     * the window starts again at one; old rows are swept by the failures that come after them.
     */
    private record InDatabase(Database db) implements Counts {
        @Override
        public Optional<Failures> get(String key, Instant now) {
            return db.read(c -> Sql.one(c, "SELECT failures, last_at FROM login_failure WHERE key_hash = ? AND last_at > ?",
                    rs -> new Failures(rs.getInt(1), Instant.parse(rs.getString(2))), Tokens.hash(key), now.minus(WINDOW)));
        }

        @Override
        public void failed(String key, Instant now) {
            db.write(c -> {
                Sql.update(c, "DELETE FROM login_failure WHERE last_at <= ?", now.minus(WINDOW));
                return Sql.update(c, """
                        INSERT INTO login_failure (key_hash, failures, last_at) VALUES (?, 1, ?)
                        ON CONFLICT (key_hash) DO UPDATE SET failures = login_failure.failures + 1,
                                                             last_at = excluded.last_at""", Tokens.hash(key), now);
            });
        }

        @Override
        public void clear(String key) {
            db.write(c -> Sql.update(c, "DELETE FROM login_failure WHERE key_hash = ?", Tokens.hash(key)));
        }

        @Override
        public long size() {
            return db.read(c -> Sql.one(c, "SELECT count(*) FROM login_failure", rs -> rs.getLong(1)).orElse(0L));
        }
    }
}
