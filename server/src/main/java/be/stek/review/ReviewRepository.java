package be.stek.review;

import be.stek.store.Database;
import be.stek.store.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The review schedule, paused modules and review sessions. Recording a review answer and moving its question on in
 * the schedule happen in one transaction; nothing here touches attempts, so scores and certificates stay as they are.
 */
final class ReviewRepository {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A scheduled question that is due. */
    record Due(String course, String activity, String question, String dueAt) {
    }

    /** A review session; {@code finishedAt} is set when its last question is answered. */
    record Session(long id, long learnerId, ReviewPlan plan, String startedAt, String finishedAt) {
    }

    /** An answer given in a review session, with the texts as shown (like an answer in an attempt). */
    record Given(int position, String course, String activity, String question, String questionText, String version,
                 String optionsJson, List<String> chosen, String chosenText, double score, String answeredAt,
                 long timeMs) {
    }

    private final Database db;
    private final ReviewSchedule rule;

    ReviewRepository(Database db, ReviewSchedule rule) {
        this.db = db;
        this.rule = rule;
    }

    /** Schedules (or reschedules) a question after the learner answered it in the module. */
    void scheduleModuleAnswer(long learnerId, String course, String activity, String question, double score) {
        db.write(c -> {
            var slot = rule.afterModuleAnswer(slot(c, learnerId, course, activity, question).orElse(null), score);
            save(c, learnerId, course, activity, question, slot, score, false);
            return null;
        });
    }

    private static Optional<ReviewSchedule.Slot> slot(Connection c, long learnerId, String course, String activity,
                                                      String question) throws SQLException {
        return Sql.one(c, """
                SELECT stage, due_at FROM review_item WHERE learner_id = ? AND course = ? AND activity = ? AND question = ?""",
                rs -> new ReviewSchedule.Slot(rs.getInt(1),
                        rs.getString(2) == null ? null : Instant.parse(rs.getString(2))),
                learnerId, course, activity, question);
    }

    private void save(Connection c, long learnerId, String course, String activity, String question,
                      ReviewSchedule.Slot slot, double score, boolean review) throws SQLException {
        Sql.update(c, """
                INSERT INTO review_item (learner_id, course, activity, question, stage, due_at, last_score, reviews,
                                         updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (learner_id, course, activity, question) DO UPDATE SET stage = excluded.stage,
                    due_at = excluded.due_at, last_score = excluded.last_score,
                    reviews = review_item.reviews + excluded.reviews, updated_at = excluded.updated_at""",
                learnerId, course, activity, question, slot.stage(), slot.due(), score, review ? 1 : 0, rule.now());
    }

    /** What the dashboard's review block needs: the questions due now, the next due time, the open session. */
    record Outlook(List<Due> due, String nextDue, Long openSession) {
    }

    /**
     * The questions due now (as {@link #due}), when the next one not yet due comes back (paused modules left out) and
     * the open session (as {@link #openSession}), in one read: the learner's dashboard shows all three on every visit.
     */
    Outlook outlook(long learnerId, Instant now) {
        List<Due> due = new java.util.ArrayList<>();
        String[] next = new String[1];
        Long[] open = new Long[1];
        db.read(c -> Sql.list(c, """
                SELECT 'due' AS kind, course, activity, question, due_at FROM review_item i
                WHERE learner_id = ? AND due_at IS NOT NULL AND due_at <= ?
                  AND course NOT IN (SELECT course FROM review_pause p WHERE p.learner_id = i.learner_id)
                UNION ALL
                SELECT 'next', NULL, NULL, NULL, min(due_at) FROM review_item i WHERE learner_id = ? AND due_at > ?
                  AND course NOT IN (SELECT course FROM review_pause p WHERE p.learner_id = i.learner_id)
                UNION ALL
                SELECT 'open', CAST(max(id) AS TEXT), NULL, NULL, NULL FROM review_session
                WHERE learner_id = ? AND finished_at IS NULL
                ORDER BY kind, due_at, course, activity, question""", rs -> {
                    switch (rs.getString(1)) {
                        case "due" -> due.add(new Due(rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5)));
                        case "next" -> next[0] = rs.getString(5);
                        default -> open[0] = rs.getString(2) == null ? null : Long.valueOf(rs.getString(2));
                    }
                    return null;
                }, learnerId, now, learnerId, now, learnerId));
        return new Outlook(due, next[0], open[0]);
    }

    /** The questions due now, oldest first, leaving out modules the learner paused. */
    List<Due> due(long learnerId, Instant now) {
        return db.read(c -> Sql.list(c, """
                SELECT course, activity, question, due_at FROM review_item i
                WHERE learner_id = ? AND due_at IS NOT NULL AND due_at <= ?
                  AND course NOT IN (SELECT course FROM review_pause p WHERE p.learner_id = i.learner_id)
                ORDER BY due_at, course, activity, question""",
                rs -> new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), learnerId, now));
    }

    /** The modules with anything scheduled, with the number of questions still to come back in each. */
    List<Scheduled> scheduled(long learnerId) {
        return db.read(c -> Sql.list(c, """
                SELECT course, count(due_at) AS open FROM review_item WHERE learner_id = ? GROUP BY course ORDER BY course""",
                rs -> new Scheduled(rs.getString(1), rs.getInt(2)), learnerId));
    }

    /** A module in the learner's schedule and how many of its questions will still come back. */
    record Scheduled(String course, int open) {
    }

    Set<String> paused(long learnerId) {
        return new HashSet<>(db.read(c -> Sql.list(c, "SELECT course FROM review_pause WHERE learner_id = ?",
                rs -> rs.getString(1), learnerId)));
    }

    void setPaused(long learnerId, String course, boolean paused, Instant now) {
        db.write(c -> paused
                ? Sql.update(c, "INSERT INTO review_pause (learner_id, course, paused_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                        learnerId, course, now)
                : Sql.update(c, "DELETE FROM review_pause WHERE learner_id = ? AND course = ?", learnerId, course));
    }

    private static Session mapSession(ResultSet rs) throws SQLException {
        return new Session(rs.getLong("id"), rs.getLong("learner_id"), ReviewPlan.fromJson(rs.getString("plan")),
                rs.getString("started_at"), rs.getString("finished_at"));
    }

    Optional<Session> session(long id) {
        return db.read(c -> Sql.one(c, "SELECT * FROM review_session WHERE id = ?", ReviewRepository::mapSession, id));
    }

    Optional<Session> openSession(long learnerId) {
        return db.read(c -> Sql.one(c, """
                SELECT * FROM review_session WHERE learner_id = ? AND finished_at IS NULL ORDER BY id DESC LIMIT 1""",
                ReviewRepository::mapSession, learnerId));
    }

    /** Starts a session with this plan, or returns the learner's open one (a double click starts one session). */
    long startSession(long learnerId, ReviewPlan plan, Instant now) {
        return db.write(c -> {
            Optional<Long> open = Sql.one(c, "SELECT id FROM review_session WHERE learner_id = ? AND finished_at IS NULL",
                    rs -> rs.getLong(1), learnerId);
            return open.isPresent() ? open.get() : Sql.insert(c,
                    "INSERT INTO review_session (learner_id, plan, started_at) VALUES (?, ?, ?)",
                    learnerId, plan.toJson(), now);
        });
    }

    /** Closes a session whose remaining questions left the course. */
    void finish(long sessionId, Instant now) {
        db.write(c -> Sql.update(c, "UPDATE review_session SET finished_at = ? WHERE id = ? AND finished_at IS NULL",
                now, sessionId));
    }

    List<Given> answers(long sessionId) {
        return db.read(c -> Sql.list(c, "SELECT * FROM review_answer WHERE session_id = ? ORDER BY position",
                rs -> new Given(rs.getInt("position"), rs.getString("course"), rs.getString("activity"),
                        rs.getString("question"), rs.getString("question_text"), rs.getString("version"),
                        rs.getString("options"), chosen(rs.getString("chosen")), rs.getString("chosen_text"),
                        rs.getDouble("score"), rs.getString("answered_at"), rs.getLong("time_ms")), sessionId));
    }

    /**
     * Stores a review answer, moves its question on in the schedule and, with the session's last answer, closes the
     * session: one transaction. Returns false when that position was already answered (a resent form).
     */
    boolean record(Session session, Given a) {
        return db.write(c -> {
            if (Sql.one(c, "SELECT 1 FROM review_answer WHERE session_id = ? AND position = ?", rs -> 1,
                    session.id(), a.position()).isPresent()) {
                return false;
            }
            Sql.update(c, """
                    INSERT INTO review_answer (session_id, position, course, activity, question, question_text, version,
                                               options, chosen, chosen_text, score, answered_at, time_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", session.id(), a.position(), a.course(),
                    a.activity(), a.question(), a.questionText(), a.version(), a.optionsJson(), toJson(a.chosen()),
                    a.chosenText(), a.score(), a.answeredAt(), a.timeMs());
            var current = slot(c, session.learnerId(), a.course(), a.activity(), a.question())
                    .orElse(new ReviewSchedule.Slot(0, null));
            save(c, session.learnerId(), a.course(), a.activity(), a.question(), rule.afterReview(current, a.score()),
                    a.score(), true);
            int answered = Sql.one(c, "SELECT count(*) FROM review_answer WHERE session_id = ?", rs -> rs.getInt(1),
                    session.id()).orElse(0);
            if (answered >= session.plan().items().size()) {
                Sql.update(c, "UPDATE review_session SET finished_at = ? WHERE id = ?", a.answeredAt(), session.id());
            }
            return true;
        });
    }

    static List<String> chosen(String json) throws SQLException {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new SQLException("stored review answer is not JSON", e);
        }
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
