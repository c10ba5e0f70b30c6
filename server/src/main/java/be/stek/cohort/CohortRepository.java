package be.stek.cohort;

import be.stek.progress.GroupAssignment;
import be.stek.store.Database;
import be.stek.store.GroupsStamp;
import be.stek.store.Sql;
import be.stek.web.Tokens;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

    /**
     * A cohort and whether this person facilitates it, with the versions of what the facilitator pages keep about it
     * ({@link Stamp}).
     */
    public record Facilitated(Cohort cohort, boolean facilitator, Stamp stamp) {
    }

    /**
     * What a cohort's kept data depends on, as of one read: {@code members} (its {@code members_version}), {@code data}
     * (the sum of its stripe counters in {@code cohort_data_version}; 0 where learners' versions live in memory),
     * {@code settings} (its {@code settings_version}: assignments) and {@code packages} (the package catalogue's).
     */
    public record Stamp(long members, long data, long settings, long packages) {
    }

    /** Member counts per cohort with the {@code members_version} they were counted at. */
    private final Map<Long, long[]> counts = new ConcurrentHashMap<>();
    /** Assignments per cohort with the {@code settings_version} they were read at. */
    private final Map<Long, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(long settings, Assignments assignments) {
    }

    /** Per learner: what their groups assign, modules and packages by table. */
    private final GroupsStamp.Kept<Map<String, List<GroupAssignment>>> assignedToLearners =
            new GroupsStamp.Kept<>();

    /** The cohort row of {@link #findFor}: parameters the members_version counted at, the visitor, the cohort. */
    public static final String FIND_FOR = """
            SELECT c.id, c.name, c.created_at, c.members_version, c.settings_version,
                   CASE WHEN c.members_version = ? THEN -1
                        ELSE (SELECT count(*) FROM cohort_member m WHERE m.cohort_id = c.id) END AS n,
                   EXISTS (SELECT 1 FROM cohort_member f WHERE f.cohort_id = c.id AND f.learner_id = ?
                           AND f.role = 'facilitator') AS mine,
                   coalesce((SELECT sum(d.version) FROM cohort_data_version d WHERE d.cohort_id = c.id), 0) AS data,
                   coalesce((SELECT v.version FROM shared_version v WHERE v.name = 'packages'), 0) AS packages
            FROM cohort c WHERE c.id = ?""";

    /**
     * The cohort with whether this person facilitates it and its {@link Stamp}, in one read (every facilitator page
     * starts with it). The members are counted only when the membership moved since this node last counted them.
     */
    public Optional<Facilitated> findFor(long id, long learnerId) {
        long[] known = counts.get(id);
        Optional<Facilitated> found = db.read(c -> Sql.one(c, FIND_FOR, rs -> {
                    long members = rs.getLong("members_version");
                    long n = rs.getLong("n");
                    if (n < 0) {
                        n = known[1];
                    } else {
                        counts.put(id, new long[] {members, n});
                    }
                    Stamp stamp = new Stamp(members, rs.getLong("data"), rs.getLong("settings_version"),
                            rs.getLong("packages"));
                    be.stek.store.RequestVersions.seenShared("packages", stamp.packages());
                    return new Facilitated(new Cohort(rs.getLong("id"), rs.getString("name"),
                            rs.getString("created_at"), (int) n), rs.getBoolean("mine"), stamp);
                }, known == null ? -1 : known[0], learnerId, id));
        if (counts.size() > 10_000) {
            counts.clear();
        }
        return found;
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

    /**
     * The courses and the SCORM packages assigned to a cohort, as kept by this node while the cohort's {@code
     * settings_version} is {@code settings} (read before, with the cohort: {@link Stamp#settings()}); else one read.
     */
    public Assignments assignments(long cohortId, long settings) {
        Kept k = kept.get(cohortId);
        if (k != null && k.settings() == settings) {
            return k.assignments();
        }
        Assignments read = assignments(cohortId);
        if (kept.size() > 10_000) {
            kept.clear();
        }
        kept.put(cohortId, new Kept(settings, read));
        return read;
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
        return new Assignments(List.copyOf(courses), List.copyOf(packages));
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

    /**
     * What the learner's groups assign, modules or packages: both kinds read in one query (the learner's dashboard
     * shows both) and kept while the learner's {@link GroupsStamp} stays the same.
     */
    private List<GroupAssignment> assignedTo(Assignable a, long learnerId) {
        Map<String, List<GroupAssignment>> both = assignedToLearners.get(db, learnerId, () -> {
            Map<String, List<GroupAssignment>> out = Map.of(MODULES.table(), new java.util.ArrayList<>(),
                    PACKAGES.table(), new java.util.ArrayList<>());
            db.read(c -> Sql.list(c, """
                    SELECT kind, name, due_date, cohort FROM (
                        SELECT 'cohort_course' AS kind, x.course AS name, x.due_date, co.name AS cohort
                        FROM cohort_course x JOIN cohort_member m ON m.cohort_id = x.cohort_id AND m.learner_id = ?
                        JOIN cohort co ON co.id = x.cohort_id
                        UNION ALL
                        SELECT 'cohort_package', x.package, x.due_date, co.name
                        FROM cohort_package x JOIN cohort_member m ON m.cohort_id = x.cohort_id AND m.learner_id = ?
                        JOIN cohort co ON co.id = x.cohort_id) a
                    ORDER BY kind, due_date IS NULL, due_date, cohort""", rs -> out.get(rs.getString(1))
                    .add(new GroupAssignment(rs.getString(2), rs.getString(3), rs.getString(4))),
                    learnerId, learnerId));
            return out;
        });
        return List.copyOf(both.get(a.table()));
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
