package be.stek.review;

import be.stek.store.Database;
import be.stek.store.Sql;
import java.util.Collections;
import java.util.List;

/**
 * What a facilitator sees of a cohort's reviews: how many were done per module, and which questions are still
 * missed after review, as counts of learners. Never who answered what.
 */
public final class ReviewReport {

    /** Reviews done in one module: answers given, by how many learners, how many with full marks. */
    public record Done(String course, int answers, int learners, int fullMarks) {
    }

    /**
     * A question some learners still miss: of the {@code reviewed} learners who reviewed it, {@code missed} got less
     * than full marks the last time they did.
     */
    public record Missed(String course, String activity, String question, String text, int reviewed, int missed) {
    }

    private final Database db;

    public ReviewReport(Database db) {
        this.db = db;
    }

    public List<Done> done(List<Long> learnerIds) {
        if (learnerIds.isEmpty()) {
            return List.of();
        }
        return db.read(c -> Sql.list(c, """
                SELECT a.course, count(*), count(DISTINCT s.learner_id), sum(CASE WHEN a.score >= 0.999 THEN 1 ELSE 0 END)
                FROM review_answer a JOIN review_session s ON s.id = a.session_id
                WHERE s.learner_id IN (%s) GROUP BY a.course ORDER BY a.course""".formatted(marks(learnerIds)),
                rs -> new Done(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)), learnerIds.toArray()));
    }

    /** Questions whose latest review by some learner was below full marks, most missed first. */
    public List<Missed> stillMissed(List<Long> learnerIds) {
        if (learnerIds.isEmpty()) {
            return List.of();
        }
        return db.read(c -> Sql.list(c, """
                SELECT a.course, a.activity, a.question, max(a.question_text), count(*) AS reviewed,
                       sum(CASE WHEN a.score < 0.999 THEN 1 ELSE 0 END) AS missed
                FROM review_answer a JOIN review_session s ON s.id = a.session_id
                WHERE s.learner_id IN (%s)
                  AND a.id = (SELECT max(b.id) FROM review_answer b JOIN review_session t ON t.id = b.session_id
                              WHERE t.learner_id = s.learner_id AND b.course = a.course AND b.activity = a.activity
                                AND b.question = a.question)
                GROUP BY a.course, a.activity, a.question HAVING sum(CASE WHEN a.score < 0.999 THEN 1 ELSE 0 END) > 0
                ORDER BY missed DESC, a.course, a.activity, a.question""".formatted(marks(learnerIds)),
                rs -> new Missed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getInt(6)), learnerIds.toArray()));
    }

    private static String marks(List<Long> ids) {
        return String.join(",", Collections.nCopies(ids.size(), "?"));
    }
}
