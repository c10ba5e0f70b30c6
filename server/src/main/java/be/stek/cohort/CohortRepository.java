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

    /** A cohort and whether this person facilitates it. */
    public record Facilitated(Cohort cohort, boolean facilitator) {
    }

    /** The cohort with whether this person facilitates it, in one read (every facilitator page starts with it). */
    public Optional<Facilitated> findFor(long id, long learnerId) {
        return db.read(c -> Sql.one(c, """
                SELECT c.id, c.name, c.created_at, (SELECT count(*) FROM cohort_member m WHERE m.cohort_id = c.id) AS n,
                       EXISTS (SELECT 1 FROM cohort_member f WHERE f.cohort_id = c.id AND f.learner_id = ?
                               AND f.role = 'facilitator') AS mine
                FROM cohort c WHERE c.id = ?""", rs -> new Facilitated(map(rs), rs.getBoolean("mine")), learnerId, id));
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

    /**
     * What a cohort assigns, with a due date and an order: modules ({@code cohort_course.course}) and SCORM packages
     * by slug ({@code cohort_package.package}). Table and column are these constants, never input.
     */
    private record Assignable(String table, String column) {
    }

    private static final Assignable MODULES = new Assignable("cohort_course", "course");
    private static final Assignable PACKAGES = new Assignable("cohort_package", "package");

    /** The courses assigned to a cohort, in their order. */
    public List<Assignment> courses(long cohortId) {
        return assignments(cohortId).courses();
    }

    /** Every course assigned to a group the learner belongs to, soonest due date first (none last). */
    public List<GroupAssignment> assignedTo(long learnerId) {
        return assignedTo(MODULES, learnerId);
    }

    public void assign(long cohortId, String course, String dueDate) {
        assign(MODULES, cohortId, course, dueDate);
    }

    public void unassign(long cohortId, String course) {
        unassign(MODULES, cohortId, course);
    }

    /** A cohort's assigned courses and packages. */
    public record Assignments(List<Assignment> courses, List<Assignment> packages) {
    }

    /** The courses and the SCORM packages assigned to a cohort, each in their order: one read. */
    public Assignments assignments(long cohortId) {
        List<Assignment> courses = new java.util.ArrayList<>();
        List<Assignment> packages = new java.util.ArrayList<>();
        db.read(c -> Sql.list(c, """
                SELECT 'course' AS kind, course AS name, due_date, position FROM cohort_course WHERE cohort_id = ?
                UNION ALL
                SELECT 'package', package, due_date, position FROM cohort_package WHERE cohort_id = ?
                ORDER BY 1, 4, 2""", rs -> (rs.getString(1).equals("course") ? courses : packages)
                .add(new Assignment(rs.getString(2), rs.getString(3))), cohortId, cohortId));
        return new Assignments(courses, packages);
    }

    /** Every package assigned to a group the learner belongs to ({@code course} holds the package's slug). */
    public List<GroupAssignment> packagesAssignedTo(long learnerId) {
        return assignedTo(PACKAGES, learnerId);
    }

    public void assignPackage(long cohortId, String slug, String dueDate) {
        assign(PACKAGES, cohortId, slug, dueDate);
    }

    public void unassignPackage(long cohortId, String slug) {
        unassign(PACKAGES, cohortId, slug);
    }

    private List<GroupAssignment> assignedTo(Assignable a, long learnerId) {
        return db.read(c -> Sql.list(c, "SELECT x." + a.column() + ", x.due_date, co.name FROM " + a.table() + " x"
                        + " JOIN cohort_member m ON m.cohort_id = x.cohort_id AND m.learner_id = ?"
                        + " JOIN cohort co ON co.id = x.cohort_id"
                        + " ORDER BY x.due_date IS NULL, x.due_date, co.name",
                rs -> new GroupAssignment(rs.getString(1), rs.getString(2), rs.getString(3)), learnerId));
    }

    private void assign(Assignable a, long cohortId, String key, String dueDate) {
        db.write(c -> Sql.update(c, "INSERT INTO " + a.table() + " (cohort_id, " + a.column() + ", due_date, position)"
                        + " VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM " + a.table()
                        + " WHERE cohort_id = ?))"
                        + " ON CONFLICT (cohort_id, " + a.column() + ") DO UPDATE SET due_date = excluded.due_date",
                cohortId, key, dueDate, cohortId));
    }

    private void unassign(Assignable a, long cohortId, String key) {
        db.write(c -> Sql.update(c, "DELETE FROM " + a.table() + " WHERE cohort_id = ? AND " + a.column() + " = ?",
                cohortId, key));
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
