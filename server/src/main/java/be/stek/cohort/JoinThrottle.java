package be.stek.cohort;

import be.stek.store.Database;
import be.stek.store.Sql;
import be.stek.web.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Limits guessing of join codes: a person may type {@value #FREE} wrong codes per {@link #WINDOW}, then waits for
 * the window to end. Counted per person, not per address, because a whole room joins from one address. A code
 * finds nothing outside one's own groups anyway (a session of another group answers as an unknown code), so this
 * only keeps anyone from sweeping the code space. The counts live in the database (table {@code team_join_failure},
 * keyed by a hash), so every node sees the same; old rows are swept by the failures that come after them.
 */
final class JoinThrottle {
    static final int FREE = 10;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final Database db;
    private final Clock clock;

    JoinThrottle(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Seconds until this person may try another code; 0 when they may now. */
    long waitSeconds(long learnerId) {
        Instant now = clock.instant();
        return db.read(c -> Sql.one(c, """
                SELECT first_at FROM team_join_failure WHERE key_hash = ? AND failures >= ? AND first_at > ?""",
                rs -> Duration.between(now, Instant.parse(rs.getString(1)).plus(WINDOW)).toSeconds(),
                key(learnerId), FREE, now.minus(WINDOW))).map(s -> Math.max(1, s)).orElse(0L);
    }

    /** Counts a wrong code; the count starts again once its window has passed. */
    void failed(long learnerId) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(WINDOW);
        db.write(c -> {
            Sql.update(c, "DELETE FROM team_join_failure WHERE first_at <= ?", windowStart);
            return Sql.update(c, """
                    INSERT INTO team_join_failure (key_hash, failures, first_at) VALUES (?, 1, ?)
                    ON CONFLICT (key_hash) DO UPDATE SET failures = team_join_failure.failures + 1""",
                    key(learnerId), now);
        });
    }

    private static String key(long learnerId) {
        return Tokens.hash("team-join:" + learnerId);
    }
}
