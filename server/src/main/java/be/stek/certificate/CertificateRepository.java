package be.stek.certificate;

import be.stek.store.Database;
import be.stek.store.Sql;
import be.stek.web.Tokens;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Issued certificates, one per learner and course. */
public final class CertificateRepository {
    private final Database db;

    public CertificateRepository(Database db) {
        this.db = db;
    }

    private static Certificate map(ResultSet rs) throws SQLException {
        return new Certificate(rs.getString("code"), rs.getLong("learner_id"), rs.getString("course"),
                rs.getString("course_title"), rs.getString("course_version"), rs.getString("learner_name"),
                rs.getString("completed_at"), rs.getInt("minutes"), rs.getString("issued_at"));
    }

    Optional<Certificate> byCode(String code) {
        return db.read(c -> Sql.one(c, "SELECT * FROM certificate WHERE code = ?", CertificateRepository::map, code));
    }

    Optional<Certificate> find(long learnerId, String course) {
        return db.read(c -> find(c, learnerId, course));
    }

    List<Certificate> all(long learnerId) {
        return db.read(c -> Sql.list(c, "SELECT * FROM certificate WHERE learner_id = ? ORDER BY issued_at, course",
                CertificateRepository::map, learnerId));
    }

    private static Optional<Certificate> find(Connection c, long learnerId, String course) throws SQLException {
        return Sql.one(c, "SELECT * FROM certificate WHERE learner_id = ? AND course = ?", CertificateRepository::map,
                learnerId, course);
    }

    /**
     * Stores the draft under a fresh random code, or returns the certificate already issued for this learner and
     * course: a double click issues one certificate. Runs in one transaction on the single writer.
     */
    Certificate issue(Certificate draft) {
        return db.write(c -> {
            Optional<Certificate> existing = find(c, draft.learnerId(), draft.course());
            if (existing.isPresent()) {
                return existing.get();
            }
            String code = freshCode(c);
            Sql.update(c, """
                    INSERT INTO certificate (code, learner_id, course, course_title, course_version, learner_name,
                                             completed_at, minutes, issued_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", code, draft.learnerId(), draft.course(),
                    draft.courseTitle(), draft.courseVersion(), draft.learnerName(), draft.completedAt(),
                    draft.minutes(), draft.issuedAt());
            return draft.withCode(code);
        });
    }

    private static String freshCode(Connection c) throws SQLException {
        while (true) {
            String code = Tokens.code(Certificate.CODE_LENGTH);
            if (Sql.one(c, "SELECT 1 FROM certificate WHERE code = ?", rs -> 1, code).isEmpty()) {
                return code;
            }
        }
    }

    /** Every finished, scored attempt of a learner in a course, for {@link CompletionDate}. */
    List<CompletionDate.Finished> finishedAttempts(long learnerId, String course) {
        return db.read(c -> Sql.list(c, """
                SELECT activity, score, finished_at FROM quiz_attempt
                WHERE learner_id = ? AND course = ? AND finished_at IS NOT NULL AND score IS NOT NULL""",
                rs -> new CompletionDate.Finished(rs.getString("activity"), rs.getDouble("score"),
                        rs.getString("finished_at")), learnerId, course));
    }
}
