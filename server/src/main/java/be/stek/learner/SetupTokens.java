package be.stek.learner;

import be.stek.store.Database;
import be.stek.store.Sql;
import be.stek.web.Tokens;
import java.time.Clock;

/**
 * The one-time link for the first admin, kept in the database (only its hash) so that every node accepts it,
 * whichever node printed it and whichever node the request lands on. Printing a new link (a start) retires the
 * old ones; using it retires it.
 */
final class SetupTokens {
    private final Database db;
    private final Clock clock;

    SetupTokens(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A new token; every earlier one stops working. */
    String issue() {
        String token = Tokens.random();
        db.write(c -> {
            Sql.update(c, "DELETE FROM setup_token");
            return Sql.update(c, "INSERT INTO setup_token (token_hash, created_at) VALUES (?, ?)", Tokens.hash(token),
                    clock.instant());
        });
        return token;
    }

    boolean valid(String token) {
        return token != null && db.read(c -> Sql.one(c, "SELECT 1 FROM setup_token WHERE token_hash = ?", rs -> 1,
                Tokens.hash(token))).isPresent();
    }

    /** Takes the token for one use: true for exactly one of several requests that use it at once. */
    boolean use(String token) {
        return token != null && db.write(c -> Sql.update(c, "DELETE FROM setup_token WHERE token_hash = ?",
                Tokens.hash(token))) == 1;
    }

    /** Puts a used token back (its use failed before anything was made). */
    void restore(String token) {
        db.write(c -> Sql.update(c, """
                INSERT INTO setup_token (token_hash, created_at) VALUES (?, ?) ON CONFLICT (token_hash) DO NOTHING""",
                Tokens.hash(token), clock.instant()));
    }

    void clear() {
        db.write(c -> Sql.update(c, "DELETE FROM setup_token"));
    }
}
