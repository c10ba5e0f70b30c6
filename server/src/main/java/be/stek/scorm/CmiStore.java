package be.stek.scorm;

import be.stek.store.Database;
import be.stek.store.Sql;
import be.stek.web.Tokens;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The LMS side of the run-time: launches (which attempt, which entry) and commits, each one transaction through the
 * group-commit writer, so a commit is on disk before the SCO hears "true". A 2004 attempt ends when the SCO
 * terminates without {@code suspend}; the next launch starts a new one. 1.2 keeps one attempt.
 */
final class CmiStore {
    /**
     * Which launch a commit belongs to: the session id of the launch (named by its launch token), and the learner,
     * package and item it was opened for.
     */
    record SessionKey(String id, long learnerId, long packageId, String itemId, ScormVersion version) {
    }

    /**
     * What the player needs to start a SCO: nothing of it is stored until the SCO's first commit. {@code globals}
     * are the learner's global objectives of the package, which the item's objectives may read.
     */
    record Launch(SessionKey key, ScoAttempt attempt, String entry, Map<String, Objectives.Global> globals) {
        String sessionId() {
            return key.id();
        }
    }

    /** A stored session with what a commit needs to know about it. */
    record SessionInfo(SessionKey key, long attemptId, Manifest.LaunchValues values, long lastSequence,
                       int interactionBase, boolean closed, List<Manifest.Objective> objectives) {
        String id() {
            return key.id();
        }

        long learnerId() {
            return key.learnerId();
        }

        ScormVersion version() {
            return key.version();
        }
    }

    /** What became of a commit. */
    enum Outcome { APPLIED, DUPLICATE, CLOSED }

    private final Database db;
    private final StorageLimits limits;
    /** A learner's SCORM results count in the dashboards: every change raises the learner's version (see CohortCache). */
    private final be.stek.store.Versions versions;

    CmiStore(Database db) {
        this(db, StorageLimits.DEFAULT);
    }

    CmiStore(Database db, StorageLimits limits) {
        this.db = db;
        this.versions = db.versions();
        this.limits = limits;
    }

    /**
     * Prepares a launch without writing anything: the attempt the SCO will continue (or an empty one when it will
     * start a new attempt), its entry, and a fresh session id. Opening the player stores nothing; the first commit
     * creates the session and, if needed, the attempt ({@link #commit}).
     */
    Launch launch(long learnerId, ScormPackage pkg, String itemId) {
        return launch(learnerId, pkg, itemId, newSessionId(learnerId));
    }

    /** A fresh session id for a launch by {@code learnerId} (it starts with their id, for the logs). */
    static String newSessionId(long learnerId) {
        return learnerId + "." + Tokens.random();
    }

    /** The launch with the session id a launch token names. */
    Launch launch(long learnerId, ScormPackage pkg, String itemId, String sessionId) {
        return db.read(c -> {
            ScoAttempt open = current(c, learnerId, pkg.id(), itemId).filter(x -> x.endedAt() == null).orElse(null);
            boolean fresh = open == null || Sql.one(c,
                    "SELECT COUNT(*) FROM scorm_session WHERE attempt_id = ? AND commits > 0",
                    rs -> rs.getInt(1), open.id()).orElse(0) == 0;
            String entry = fresh ? "ab-initio" : "suspend".equals(open.exit()) ? "resume" : "";
            ScoAttempt attempt = open != null ? open : ScoAttempt.notStarted(learnerId, pkg.id(), itemId,
                    nextNumber(c, learnerId, pkg.id(), itemId));
            var key = new SessionKey(sessionId, learnerId, pkg.id(), itemId, pkg.version());
            return new Launch(key, attempt, entry, Objectives.globals(c, learnerId, pkg.id()));
        });
    }

    /** Creates the session of a launch at its first commit: on the learner's open attempt, or a new one. */
    private static void openSession(Connection c, SessionKey key, Instant now) throws SQLException {
        ScoAttempt a = current(c, key.learnerId(), key.packageId(), key.itemId()).filter(x -> x.endedAt() == null)
                .orElseGet(() -> start(c, key.learnerId(), key.packageId(), key.itemId(), now));
        int base = key.version() == ScormVersion.SCORM_12 ? Sql.one(c,
                "SELECT COALESCE(MAX(position) + 1, 0) FROM scorm_interaction WHERE attempt_id = ?",
                rs -> rs.getInt(1), a.id()).orElse(0) : 0;
        Sql.update(c, """
                INSERT INTO scorm_session (id, attempt_id, learner_id, interaction_base, started_at)
                VALUES (?, ?, ?, ?, ?)""", key.id(), a.id(), key.learnerId(), base, now);
    }

    /** Ends the learner's open attempt so that the next launch starts afresh ("start over"). */
    void endAttempt(long learnerId, long packageId, String itemId, Instant now) {
        db.write(c -> {
            versions.touch(c, learnerId);
            return Sql.update(c, """
                    UPDATE scorm_attempt SET ended_at = ? WHERE learner_id = ? AND package_id = ? AND item_id = ?
                    AND ended_at IS NULL""", now, learnerId, packageId, itemId);
        });
        versions.bump(learnerId);
    }

    private static ScoAttempt start(Connection c, long learnerId, long pkg, String item, Instant now) {
        try {
            int number = nextNumber(c, learnerId, pkg, item);
            long id = Sql.insert(c, """
                    INSERT INTO scorm_attempt (learner_id, package_id, item_id, number, started_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", learnerId, pkg, item, number, now, now);
            return Sql.one(c, "SELECT * FROM scorm_attempt WHERE id = ?", CmiStore::attempt, id).orElseThrow();
        } catch (SQLException e) {
            throw new be.stek.store.StoreException(e);
        }
    }

    private static int nextNumber(Connection c, long learnerId, long pkg, String item) throws SQLException {
        return Sql.one(c, """
                SELECT COALESCE(MAX(number), 0) + 1 FROM scorm_attempt
                WHERE learner_id = ? AND package_id = ? AND item_id = ?""", rs -> rs.getInt(1), learnerId, pkg, item)
                .orElse(1);
    }

    Optional<SessionInfo> session(String sessionId) {
        return db.read(c -> session(c, sessionId));
    }

    private static Optional<SessionInfo> session(Connection c, String sessionId) throws SQLException {
        return Sql.one(c, """
                SELECT s.*, p.version, i.* FROM scorm_session s JOIN scorm_attempt a ON a.id = s.attempt_id
                JOIN scorm_package p ON p.id = a.package_id
                JOIN scorm_item i ON i.package_id = a.package_id AND i.item_id = a.item_id WHERE s.id = ?""",
                CmiStore::session, sessionId);
    }

    /**
     * Applies a commit in one transaction, creating the launch's session (and attempt) first when this is its first
     * commit; a resent, late or post-terminate commit is acknowledged, not applied. Throws {@link StorageFull} (and
     * stores nothing) when the commit would go past the {@link StorageLimits}.
     */
    Outcome commit(SessionKey key, CommitParser.Commit commit, boolean last, Instant now) {
        Outcome outcome = db.write(c -> {
            Optional<SessionInfo> known = session(c, key.id());
            if (known.isEmpty()) {
                openSession(c, key, now);
            }
            SessionInfo s = known.isPresent() ? known.get() : session(c, key.id()).orElseThrow();
            if (s.closed()) {
                return Outcome.CLOSED;
            }
            if (commit.sequence() != null && commit.sequence() <= s.lastSequence()) {
                return Outcome.DUPLICATE;
            }
            ScoAttempt before = Sql.one(c, "SELECT * FROM scorm_attempt WHERE id = ?", CmiStore::attempt,
                    s.attemptId()).orElseThrow();
            CommitWriter.apply(c, s, before, commit, last && !commit.abandon(), now, limits);
            versions.touch(c, key.learnerId());
            return Outcome.APPLIED;
        });
        if (outcome == Outcome.APPLIED) {
            versions.bump(key.learnerId());
        }
        return outcome;
    }

    Optional<ScoAttempt> current(long learnerId, long packageId, String itemId) {
        return db.read(c -> current(c, learnerId, packageId, itemId));
    }

    private static Optional<ScoAttempt> current(Connection c, long learnerId, long pkg, String item)
            throws SQLException {
        return Sql.one(c, """
                SELECT * FROM scorm_attempt WHERE learner_id = ? AND package_id = ? AND item_id = ?
                ORDER BY number DESC LIMIT 1""", CmiStore::attempt, learnerId, pkg, item);
    }

    /** Every attempt of a learner at a package, newest first. */
    List<ScoAttempt> attempts(long learnerId, long packageId) {
        return attempts(learnerId, List.of(packageId));
    }

    /**
     * Every attempt of a learner at the given versions of a package (the current one and those it replaced), newest
     * version first: attempts at earlier versions stay with them, and count for the same item of the current one.
     */
    List<ScoAttempt> attempts(long learnerId, List<Long> versions) {
        return db.read(c -> {
            List<ScoAttempt> out = new java.util.ArrayList<>();
            for (long version : versions) {
                out.addAll(Sql.list(c, """
                        SELECT * FROM scorm_attempt WHERE learner_id = ? AND package_id = ?
                        ORDER BY item_id, number DESC""", CmiStore::attempt, learnerId, version));
            }
            return out;
        });
    }

    List<CmiState.Interaction> interactions(long attemptId) {
        return db.read(c -> Sql.list(c, "SELECT * FROM scorm_interaction WHERE attempt_id = ? ORDER BY position",
                rs -> new CmiState.Interaction(rs.getInt("position"), rs.getString("interaction_id"),
                        rs.getString("type"), rs.getString("description"), rs.getString("learner_response"),
                        rs.getString("correct_pattern"), rs.getString("result"), rs.getString("weighting"),
                        rs.getString("latency"), rs.getString("stamp")), attemptId));
    }

    /** The objectives of each attempt, by attempt id. */
    Map<Long, List<Objectives.Reported>> objectives(List<ScoAttempt> attempts) {
        return db.read(c -> {
            Map<Long, List<Objectives.Reported>> out = new java.util.HashMap<>();
            for (ScoAttempt a : attempts) {
                List<Objectives.Reported> list = Objectives.of(c, a.id());
                if (!list.isEmpty()) {
                    out.put(a.id(), list);
                }
            }
            return out;
        });
    }

    static ScoAttempt attempt(ResultSet rs) throws SQLException {
        return new ScoAttempt(rs.getLong("id"), rs.getLong("learner_id"), rs.getLong("package_id"),
                rs.getString("item_id"), rs.getInt("number"), rs.getString("completion_status"),
                rs.getString("success_status"), rs.getString("status_reason"), rs.getString("lesson_status"),
                Sql.doubleOrNull(rs, "score_raw"), Sql.doubleOrNull(rs, "score_min"), Sql.doubleOrNull(rs, "score_max"),
                Sql.doubleOrNull(rs, "score_scaled"), Sql.doubleOrNull(rs, "progress_measure"),
                rs.getString("location"), rs.getString("suspend_data"), rs.getString("exit_mode"),
                rs.getDouble("total_seconds"), rs.getString("cmi"), rs.getString("started_at"),
                rs.getString("updated_at"), rs.getString("ended_at"));
    }

    private static SessionInfo session(ResultSet rs) throws SQLException {
        var values = new Manifest.LaunchValues(Sql.doubleOrNull(rs, "mastery_score"),
                Sql.doubleOrNull(rs, "scaled_passing_score"), Sql.doubleOrNull(rs, "completion_threshold"),
                rs.getString("launch_data"), rs.getString("max_time_allowed"), rs.getString("time_limit_action"));
        var key = new SessionKey(rs.getString("id"), rs.getLong("learner_id"), rs.getLong("package_id"),
                rs.getString("item_id"), ScormVersion.of(rs.getString("version")));
        return new SessionInfo(key, rs.getLong("attempt_id"), values, rs.getLong("last_sequence"),
                rs.getInt("interaction_base"), rs.getString("closed_at") != null,
                Objectives.fromJson(rs.getString("objectives")));
    }
}
