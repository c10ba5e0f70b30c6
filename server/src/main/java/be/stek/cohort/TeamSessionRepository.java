package be.stek.cohort;

import be.stek.store.Database;
import be.stek.store.GroupsStamp;
import be.stek.store.Sql;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Team sessions and their answers. Answers are read back without the person who gave them. */
public final class TeamSessionRepository {

    /** A session on one vignette question ({@code question} set) or one reflection prompt. */
    public record Session(long id, long cohortId, String cohortName, String course, String activity, String question,
                          int minAnswers, String openedAt, String closedAt, String joinCode) {
        public boolean open() {
            return closedAt == null;
        }

        /** The join code as people read it ({@code ACD-EFH}); null for sessions opened before there were codes. */
        public String code() {
            return JoinCode.display(joinCode);
        }
    }

    /** One anonymous answer: a choice (option ids, comma-separated) or a text. */
    public record TeamAnswer(String choice, String body) {
    }

    private static final String SELECT = """
            SELECT s.*, c.name AS cohort_name FROM team_session s JOIN cohort c ON c.id = s.cohort_id""";

    /** How many closed sessions a member sees listed. */
    static final int CLOSED_LISTED = 10;

    private final Database db;
    private final RandomGenerator random = new SecureRandom();
    /** Per learner, the open sessions of their groups, kept while the learner's {@link GroupsStamp} is the same. */
    private final GroupsStamp.Kept<List<Session>> open = new GroupsStamp.Kept<>();

    public TeamSessionRepository(Database db) {
        this.db = db;
    }

    private static Session map(ResultSet rs) throws SQLException {
        return new Session(rs.getLong("id"), rs.getLong("cohort_id"), rs.getString("cohort_name"), rs.getString("course"),
                rs.getString("activity"), rs.getString("question"), rs.getInt("min_answers"), rs.getString("opened_at"),
                rs.getString("closed_at"), rs.getString("join_code"));
    }

    /**
     * Opens a session with a join code that no other open session has, drawn in the same transaction as the insert
     * (the partial unique index backs it; on PostgreSQL a concurrent draw of the same code conflicts and is retried).
     */
    public long open(long cohortId, long facilitatorId, String course, String activity, String question, int minAnswers,
                     Instant now) {
        return db.write(c -> {
            String code = JoinCode.random(random);
            while (Sql.one(c, "SELECT 1 FROM team_session WHERE join_code = ? AND closed_at IS NULL", rs -> 1, code)
                    .isPresent()) {
                code = JoinCode.random(random);
            }
            return Sql.insert(c, """
                    INSERT INTO team_session (cohort_id, facilitator_id, course, activity, question, min_answers,
                                              opened_at, join_code)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", cohortId, facilitatorId, course, activity, question, minAnswers,
                    now, code);
        });
    }

    /** The open session with this join code (as {@link JoinCode#read} returns it). */
    public Optional<Session> findOpen(String joinCode) {
        return db.read(c -> Sql.one(c, SELECT + " WHERE s.join_code = ? AND s.closed_at IS NULL",
                TeamSessionRepository::map, joinCode));
    }

    public Optional<Session> find(long id) {
        return db.read(c -> Sql.one(c, SELECT + " WHERE s.id = ?", TeamSessionRepository::map, id));
    }

    public List<Session> forCohort(long cohortId) {
        return db.read(c -> Sql.list(c, SELECT + " WHERE s.cohort_id = ? ORDER BY s.opened_at DESC",
                TeamSessionRepository::map, cohortId));
    }

    /** Open sessions in the cohorts a person belongs to. */
    public List<Session> openFor(long learnerId) {
        return open.get(db, learnerId, () -> List.copyOf(db.read(c -> Sql.list(c, SELECT + " " + """
                 WHERE s.closed_at IS NULL AND s.cohort_id IN (SELECT cohort_id FROM cohort_member WHERE learner_id = ?)
                 ORDER BY s.opened_at DESC""", TeamSessionRepository::map, learnerId))));
    }

    /** The most recently closed sessions in the cohorts a person belongs to, where they can see the result. */
    public List<Session> closedFor(long learnerId) {
        return db.read(c -> Sql.list(c, SELECT + " " + """
                 WHERE s.closed_at IS NOT NULL
                   AND s.cohort_id IN (SELECT cohort_id FROM cohort_member WHERE learner_id = ?)
                 ORDER BY s.closed_at DESC LIMIT ?""", TeamSessionRepository::map, learnerId, CLOSED_LISTED));
    }

    /**
     * Stores (or replaces) a member's answer while the session is open, in one transaction with that check: one
     * answer per member and session, however many arrive at once (the primary key backs it). False when the session
     * closed, or the person left the cohort, meanwhile.
     */
    public boolean answer(long sessionId, long learnerId, String choice, String body, Instant now) {
        return db.write(c -> {
            if (Sql.one(c, """
                    SELECT 1 FROM team_session s JOIN cohort_member m ON m.cohort_id = s.cohort_id AND m.learner_id = ?
                    WHERE s.id = ? AND s.closed_at IS NULL""", rs -> 1, learnerId, sessionId).isEmpty()) {
                return false;
            }
            Sql.update(c, """
                    INSERT INTO team_answer (session_id, learner_id, choice, body, answered_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (session_id, learner_id) DO UPDATE SET choice = excluded.choice, body = excluded.body,
                                                                       answered_at = excluded.answered_at""",
                    sessionId, learnerId, choice, body, now);
            return true;
        });
    }

    public boolean hasAnswered(long sessionId, long learnerId) {
        return db.read(c -> Sql.one(c, "SELECT 1 FROM team_answer WHERE session_id = ? AND learner_id = ?", rs -> 1,
                sessionId, learnerId)).isPresent();
    }

    /** The answers, without names, in an order that does not follow who answered first. */
    public List<TeamAnswer> answers(long sessionId) {
        return db.read(c -> Sql.list(c, """
                SELECT choice, body FROM team_answer WHERE session_id = ? ORDER BY coalesce(body, choice), answered_at""",
                rs -> new TeamAnswer(rs.getString(1), rs.getString(2)), sessionId));
    }

    public void close(long sessionId, Instant now) {
        db.write(c -> Sql.update(c, "UPDATE team_session SET closed_at = ? WHERE id = ? AND closed_at IS NULL", now, sessionId));
    }
}
