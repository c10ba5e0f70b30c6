package be.stek.cohort;

import be.stek.progress.GroupAssignment;
import be.stek.store.Database;
import be.stek.store.Sql;
import be.stek.web.Tokens;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Cohorts, their members, invitation codes and assigned courses and SCORM packages. */
public final class CohortRepository {

    /** A member as the facilitator sees them. */
    public record Member(long id, String name, String email, String role, String joinedAt) {
    }

    /** An invitation code of a cohort. */
    public record Code(String code, String role, String expiresAt, Integer maxUses, int uses) {
    }

    /** A course assigned to a cohort, with an optional due date (YYYY-MM-DD). */
    public record Assignment(String course, String dueDate) {
    }

    private static final String COHORT = """
            SELECT c.id, c.name, c.created_at, (SELECT count(*) FROM cohort_member m WHERE m.cohort_id = c.id) AS n
            FROM cohort c""";

    private final Database db;

    public CohortRepository(Database db) {
        this.db = db;
    }

    private static Cohort map(ResultSet rs) throws SQLException {
        return new Cohort(rs.getLong("id"), rs.getString("name"), rs.getString("created_at"), rs.getInt("n"));
    }

    /** Creates a cohort; its creator becomes its facilitator. */
    public long create(String name, long creatorId, Instant now) {
        return db.write(c -> {
            long id = Sql.insert(c, "INSERT INTO cohort (name, created_by, created_at) VALUES (?, ?, ?)", name, creatorId, now);
            Sql.update(c, "INSERT INTO cohort_member (cohort_id, learner_id, role, joined_at) VALUES (?, ?, 'facilitator', ?)",
                    id, creatorId, now);
            return id;
        });
    }

    public Optional<Cohort> find(long id) {
        return db.read(c -> Sql.one(c, COHORT + " WHERE c.id = ?", CohortRepository::map, id));
    }

    public List<Cohort> all() {
        return db.read(c -> Sql.list(c, COHORT + " ORDER BY c.name COLLATE NOCASE", CohortRepository::map));
    }

    /** The cohorts a person belongs to with the given role. */
    public List<Cohort> of(long learnerId, String role) {
        return db.read(c -> Sql.list(c, COHORT + " " + """
                 WHERE c.id IN (SELECT cohort_id FROM cohort_member WHERE learner_id = ? AND role = ?)
                 ORDER BY c.name COLLATE NOCASE""", CohortRepository::map, learnerId, role));
    }

    public boolean isFacilitator(long cohortId, long learnerId) {
        return db.read(c -> Sql.one(c, "SELECT 1 FROM cohort_member WHERE cohort_id = ? AND learner_id = ? AND role = 'facilitator'",
                rs -> true, cohortId, learnerId)).isPresent();
    }

    public boolean isMember(long cohortId, long learnerId) {
        return db.read(c -> Sql.one(c, "SELECT 1 FROM cohort_member WHERE cohort_id = ? AND learner_id = ?",
                rs -> true, cohortId, learnerId)).isPresent();
    }

    /** True when the facilitator facilitates a cohort that the learner belongs to. */
    public boolean follows(long facilitatorId, long learnerId) {
        return db.read(c -> Sql.one(c, """
                SELECT 1 FROM cohort_member f JOIN cohort_member m ON m.cohort_id = f.cohort_id
                WHERE f.learner_id = ? AND f.role = 'facilitator' AND m.learner_id = ?""", rs -> true,
                facilitatorId, learnerId)).isPresent();
    }

    public List<Member> members(long cohortId) {
        return db.read(c -> Sql.list(c, """
                SELECT l.id, l.name, l.email, m.role, m.joined_at FROM cohort_member m JOIN learner l ON l.id = m.learner_id
                WHERE m.cohort_id = ? ORDER BY m.role DESC, l.name COLLATE NOCASE""",
                rs -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                cohortId));
    }

    /** Adds a person to a cohort (or changes their role in it). */
    public void addMember(long cohortId, long learnerId, String role, Instant now) {
        db.write(c -> Sql.update(c, """
                INSERT INTO cohort_member (cohort_id, learner_id, role, joined_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (cohort_id, learner_id) DO UPDATE SET role = excluded.role""", cohortId, learnerId, role, now));
    }

    public void removeMember(long cohortId, long learnerId) {
        db.write(c -> Sql.update(c, "DELETE FROM cohort_member WHERE cohort_id = ? AND learner_id = ?", cohortId, learnerId));
    }

    public String createCode(long cohortId, String role, Instant expiresAt, Integer maxUses, Instant now) {
        String code = Tokens.code(8);
        db.write(c -> Sql.update(c, """
                INSERT INTO invitation (code, cohort_id, role, expires_at, max_uses, created_at) VALUES (?, ?, ?, ?, ?, ?)""",
                code, cohortId, role, expiresAt, maxUses, now));
        return code;
    }

    public List<Code> codes(long cohortId) {
        return db.read(c -> Sql.list(c, "SELECT * FROM invitation WHERE cohort_id = ? ORDER BY created_at DESC",
                rs -> new Code(rs.getString("code"), rs.getString("role"), rs.getString("expires_at"),
                        rs.getObject("max_uses") == null ? null : rs.getInt("max_uses"), rs.getInt("uses")), cohortId));
    }

    public void deleteCode(long cohortId, String code) {
        db.write(c -> Sql.update(c, "DELETE FROM invitation WHERE cohort_id = ? AND code = ?", cohortId, code));
    }

    public List<Assignment> courses(long cohortId) {
        return db.read(c -> Sql.list(c, "SELECT course, due_date FROM cohort_course WHERE cohort_id = ? ORDER BY position, course",
                rs -> new Assignment(rs.getString(1), rs.getString(2)), cohortId));
    }

    /** Every course assigned to a group the learner belongs to, soonest due date first (none last). */
    public List<GroupAssignment> assignedTo(long learnerId) {
        return db.read(c -> Sql.list(c, """
                SELECT cc.course, cc.due_date, co.name FROM cohort_course cc
                JOIN cohort_member m ON m.cohort_id = cc.cohort_id AND m.learner_id = ?
                JOIN cohort co ON co.id = cc.cohort_id
                ORDER BY cc.due_date IS NULL, cc.due_date, co.name""",
                rs -> new GroupAssignment(rs.getString(1), rs.getString(2), rs.getString(3)), learnerId));
    }

    public void assign(long cohortId, String course, String dueDate) {
        db.write(c -> Sql.update(c, """
                INSERT INTO cohort_course (cohort_id, course, due_date, position)
                VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM cohort_course WHERE cohort_id = ?))
                ON CONFLICT (cohort_id, course) DO UPDATE SET due_date = excluded.due_date""", cohortId, course, dueDate,
                cohortId));
    }

    public void unassign(long cohortId, String course) {
        db.write(c -> Sql.update(c, "DELETE FROM cohort_course WHERE cohort_id = ? AND course = ?", cohortId, course));
    }

    /** The SCORM packages (by slug) assigned to a cohort, in the order they were assigned. */
    public List<Assignment> packages(long cohortId) {
        return db.read(c -> Sql.list(c,
                "SELECT package, due_date FROM cohort_package WHERE cohort_id = ? ORDER BY position",
                rs -> new Assignment(rs.getString(1), rs.getString(2)), cohortId));
    }

    /** Every package assigned to a group the learner belongs to ({@code course} holds the package's slug). */
    public List<GroupAssignment> packagesAssignedTo(long learnerId) {
        return db.read(c -> Sql.list(c, """
                SELECT cp.package, cp.due_date, co.name FROM cohort_package cp
                JOIN cohort_member m ON m.cohort_id = cp.cohort_id AND m.learner_id = ?
                JOIN cohort co ON co.id = cp.cohort_id
                ORDER BY cp.due_date IS NULL, cp.due_date, co.name""",
                rs -> new GroupAssignment(rs.getString(1), rs.getString(2), rs.getString(3)), learnerId));
    }

    public void assignPackage(long cohortId, String slug, String dueDate) {
        db.write(c -> Sql.update(c, """
                INSERT INTO cohort_package (cohort_id, package, due_date, position)
                VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM cohort_package WHERE cohort_id = ?))
                ON CONFLICT (cohort_id, package) DO UPDATE SET due_date = excluded.due_date""", cohortId, slug, dueDate,
                cohortId));
    }

    public void unassignPackage(long cohortId, String slug) {
        db.write(c -> Sql.update(c, "DELETE FROM cohort_package WHERE cohort_id = ? AND package = ?", cohortId, slug));
    }

    /** The member of the cohort with this id and the role learner, if there is one. */
    public Optional<Member> learner(long cohortId, long learnerId) {
        return db.read(c -> Sql.one(c, """
                SELECT l.id, l.name, l.email, m.role, m.joined_at
                FROM cohort_member m JOIN learner l ON l.id = m.learner_id
                WHERE m.cohort_id = ? AND m.learner_id = ? AND m.role = 'learner'""",
                rs -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                cohortId, learnerId));
    }

}
