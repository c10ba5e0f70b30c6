package be.stek.learner;

import be.stek.store.Database;
import be.stek.store.Sql;
import be.stek.web.SessionLookup;
import be.stek.web.Tokens;
import be.stek.web.Visitor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-in sessions. The cookie holds a random token; the database holds only its hash, so sessions survive a
 * restart. On SQLite (one process) looked-up sessions are cached in memory, so a page view does not cost a database
 * read. When several nodes share the database every request reads its session (one indexed read, with the account):
 * a sign-out, password change, role change or deletion on one node then counts on every node at once.
 */
public final class Sessions implements SessionLookup {
    static final Duration LIFETIME = Duration.ofDays(14);

    private record Cached(Visitor visitor, Instant expiresAt) {
    }

    private final Database db;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final boolean caching;

    public Sessions(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.caching = !db.shared();
    }

    /**
     * Starts a session and returns the token for the cookie. Expired sessions are swept out here, at sign-in, so
     * that neither the table nor the cache grows with sessions nobody comes back to.
     */
    public String start(long learnerId) {
        String token = Tokens.random();
        Instant now = clock.instant();
        db.write(c -> {
            Sql.update(c, "DELETE FROM session WHERE expires_at < ?", now);
            return Sql.update(c, "INSERT INTO session (token_hash, learner_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                    Tokens.hash(token), learnerId, now, now.plus(LIFETIME));
        });
        cache.values().removeIf(cached -> cached.expiresAt().isBefore(now));
        return token;
    }

    /**
     * The visitor of a session (by the token's hash) with the versions their cached pages check: run on every request
     * where sessions are not cached (several nodes).
     */
    public static final String VISITOR = """
            SELECT l.*, s.expires_at,
                   coalesce((SELECT v.version FROM shared_version v WHERE v.name = 'packages'), 0) AS packages,
                   """ + be.stek.store.GroupsStamp.SETTINGS_SQL + """
                    AS groups_settings
            FROM session s JOIN learner l ON l.id = s.learner_id
            WHERE s.token_hash = ?""";

    @Override
    public Optional<Visitor> visitor(String token) {
        // The cache is keyed by the token itself (memory only); the database only ever sees its hash.
        Instant now = clock.instant();
        Cached cached = cache.get(token);
        if (cached == null) {
            String hash = Tokens.hash(token);
            cached = db.read(c -> Sql.one(c, VISITOR,
                    rs -> {
                        // The visitor's data version, the package catalogue's and their groups' come with their
                        // row: their cached pages need no read of any.
                        be.stek.store.RequestVersions.seen(rs.getLong("id"), rs.getLong("data_version"));
                        be.stek.store.RequestVersions.seenShared("packages", rs.getLong("packages"));
                        be.stek.store.GroupsStamp.seen(rs.getLong("id"), rs.getLong("groups_version"),
                                rs.getLong("groups_settings"));
                        return new Cached(LearnerRepository.map(rs).visitor(), Instant.parse(rs.getString("expires_at")));
                    }, hash)).orElse(null);
            if (cached == null) {
                return Optional.empty();
            }
            if (caching) {
                cache.put(token, cached);
            }
        }
        if (cached.expiresAt().isBefore(now)) {
            end(token);
            return Optional.empty();
        }
        return Optional.of(cached.visitor());
    }

    public void end(String token) {
        String hash = Tokens.hash(token);
        cache.remove(token);
        db.write(c -> Sql.update(c, "DELETE FROM session WHERE token_hash = ?", hash));
    }

    /** Ends every session of a person (after a password reset or account deletion). */
    public void endAll(long learnerId) {
        cache.values().removeIf(c -> c.visitor().id() == learnerId);
        db.write(c -> Sql.update(c, "DELETE FROM session WHERE learner_id = ?", learnerId));
    }

    /**
     * Ends every session of a person except the one with {@code keepToken} (after they changed their password: a
     * device someone else signed in on with the old password is signed out, the person stays signed in here).
     */
    public void endOthers(long learnerId, String keepToken) {
        String keep = Tokens.hash(keepToken);
        cache.entrySet().removeIf(e -> e.getValue().visitor().id() == learnerId && !e.getKey().equals(keepToken));
        db.write(c -> Sql.update(c, "DELETE FROM session WHERE learner_id = ? AND token_hash <> ?", learnerId, keep));
    }

    /** Forgets cached sessions of a person whose name, role or language changed. */
    public void refresh(long learnerId) {
        cache.values().removeIf(c -> c.visitor().id() == learnerId);
    }
}
