package be.stek.learner;

import be.stek.store.Database;
import be.stek.store.Sql;
import be.stek.web.HttpError;
import be.stek.web.Role;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Invitation codes: each belongs to a cohort, may expire and may be limited in uses. A code is the only way into a
 * cohort for a learner (besides an admin's decision): the person uses it, so joining is their own choice. Checking
 * and counting a code happen in one write transaction with the joining, so a code with one use left admits one person.
 */
public final class Invitations {

    /** What a code gives access to. */
    public record Invitation(String code, long cohortId, String cohortName, Role role, String expiresAt,
                             Integer maxUses, int uses) {
        boolean usableAt(Instant now) {
            return (expiresAt == null || Instant.parse(expiresAt).isAfter(now)) && (maxUses == null || uses < maxUses);
        }
    }

    private final Database db;

    public Invitations(Database db) {
        this.db = db;
    }

    public Optional<Invitation> find(String code) {
        return db.read(c -> find(c, code));
    }

    private static Optional<Invitation> find(Connection c, String code) throws SQLException {
        return Sql.one(c, """
                SELECT i.*, co.name AS cohort_name FROM invitation i JOIN cohort co ON co.id = i.cohort_id
                WHERE i.code = ?""", rs -> new Invitation(rs.getString("code"), rs.getLong("cohort_id"),
                rs.getString("cohort_name"), Role.parse(rs.getString("role")), rs.getString("expires_at"),
                rs.getObject("max_uses") == null ? null : rs.getInt("max_uses"), rs.getInt("uses")),
                normalize(code));
    }

    /** The code, if it exists and can still be used; a 400 that says why not otherwise. */
    private static Invitation usable(Connection c, String code, Instant now) throws SQLException {
        Invitation inv = find(c, code).orElseThrow(() -> HttpError.badRequest("signup.code.unknown"));
        if (!inv.usableAt(now)) {
            throw HttpError.badRequest("signup.code.expired");
        }
        return inv;
    }

    /**
     * Signs up with a code, in one transaction: a new e-mail address gets an account in the code's cohort. An address
     * that already has an account changes nothing (its owner joins with {@link #join} once signed in), and the caller
     * answers the same way in both cases, so that the form does not tell whether an address has an account. An
     * unknown, expired or used-up code is a 400 and nothing is stored.
     */
    public void signUp(String code, String email, String name, String passwordHash, Instant now) {
        db.write(c -> {
            Invitation inv = usable(c, code, now);
            if (Sql.one(c, "SELECT 1 FROM learner WHERE email = ?", rs -> 1, email).isPresent()) {
                return false;
            }
            Role role = inv.role() == Role.FACILITATOR ? Role.FACILITATOR : Role.LEARNER;
            return join(c, inv, LearnerRepository.insert(c, email, name, passwordHash, role, now), now);
        });
    }

    /** A signed-in person joins the code's cohort with it (nothing changes when they are a member already). */
    public void join(String code, long learnerId, Instant now) {
        db.write(c -> join(c, usable(c, code, now), learnerId, now));
    }

    /**
     * Adds the person to the code's cohort and counts a use; nothing (and no use) when they are a member already. A
     * facilitator code makes a learner account a facilitator account, as it does for a new account.
     */
    private static boolean join(Connection c, Invitation inv, long learnerId, Instant now) throws SQLException {
        int added = Sql.update(c, """
                INSERT INTO cohort_member (cohort_id, learner_id, role, joined_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (cohort_id, learner_id) DO NOTHING""", inv.cohortId(), learnerId, inv.role().key(), now);
        if (added == 0) {
            return false;
        }
        Sql.update(c, "UPDATE invitation SET uses = uses + 1 WHERE code = ?", inv.code());
        if (inv.role() == Role.FACILITATOR) {
            Sql.update(c, "UPDATE learner SET role = 'facilitator' WHERE id = ? AND role = 'learner'", learnerId);
        }
        return true;
    }

    /** Codes are typed by people: case and surrounding spaces do not matter. */
    public static String normalize(String code) {
        return code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
