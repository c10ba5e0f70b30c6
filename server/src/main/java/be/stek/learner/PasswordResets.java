package be.stek.learner;

import be.stek.store.Database;
import be.stek.store.Sql;
import be.stek.web.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Password reset links, in the database (only the token's hash) so that a link works on every node. A link works
 * once and for {@link #LIFETIME}; using it sets the password, retires the person's other links and ends all their
 * sessions, in one transaction.
 */
final class PasswordResets {
    static final Duration LIFETIME = Duration.ofHours(1);
    /** How long used and expired links are kept (so that a used link says "used", not "unknown"). */
    static final Duration KEPT = Duration.ofDays(1);

    /** What a link is now. */
    enum State {
        VALID, USED, EXPIRED, UNKNOWN
    }

    /** A new link's token (for the mail only) and the account it resets. */
    record Issued(String token, Learner learner) {
    }

    private final Database db;

    PasswordResets(Database db) {
        this.db = db;
    }

    /**
     * A new link for the account with this address, or empty when there is none. Both cases do the same work (one
     * read, one write transaction), so the time taken does not tell whether the address has an account.
     */
    Optional<Issued> request(String email, Instant now) {
        String token = Tokens.random();
        String hash = Tokens.hash(token);
        Optional<Learner> account = db.read(c -> Sql.one(c, "SELECT * FROM learner WHERE email = ?",
                LearnerRepository::map, email));
        db.write(c -> {
            Sql.update(c, "DELETE FROM password_reset WHERE created_at < ?", now.minus(KEPT));
            if (account.isPresent()) {
                Sql.update(c, """
                        INSERT INTO password_reset (token_hash, learner_id, created_at, expires_at) VALUES (?, ?, ?, ?)""",
                        hash, account.get().id(), now, now.plus(LIFETIME));
            }
            return null;
        });
        return account.map(a -> new Issued(token, a));
    }

    State state(String token, Instant now) {
        if (token == null || token.length() != Tokens.LENGTH) {
            return State.UNKNOWN;
        }
        return db.read(c -> Sql.one(c, "SELECT used_at, expires_at FROM password_reset WHERE token_hash = ?",
                rs -> rs.getString(1) != null ? State.USED
                        : Instant.parse(rs.getString(2)).isAfter(now) ? State.VALID : State.EXPIRED,
                Tokens.hash(token))).orElse(State.UNKNOWN);
    }

    /**
     * Uses a link: sets the new password and ends every session of the person, in one transaction with taking the
     * link, so that of two uses at once exactly one succeeds. The person's id, or empty when the link was not valid.
     */
    Optional<Long> use(String token, String passwordHash, Instant now) {
        String hash = Tokens.hash(token);
        return db.write(c -> {
            if (Sql.update(c, "UPDATE password_reset SET used_at = ? WHERE token_hash = ? AND used_at IS NULL"
                    + " AND expires_at > ?", now, hash, now) != 1) {
                return Optional.<Long>empty();
            }
            long learner = Sql.one(c, "SELECT learner_id FROM password_reset WHERE token_hash = ?", rs -> rs.getLong(1),
                    hash).orElseThrow();
            Sql.update(c, "UPDATE learner SET password_hash = ? WHERE id = ?", passwordHash, learner);
            Sql.update(c, "UPDATE password_reset SET used_at = ? WHERE learner_id = ? AND used_at IS NULL", now, learner);
            Sql.update(c, "DELETE FROM session WHERE learner_id = ?", learner);
            return Optional.of(learner);
        });
    }
}
