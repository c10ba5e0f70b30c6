package be.stek.learner;

import be.stek.store.Database;
import be.stek.store.Sql;
import be.stek.web.HttpError;
import be.stek.web.Role;
import java.time.Instant;
import java.util.Optional;

/** Invitation codes: each belongs to a cohort, may expire and may be limited in uses. */
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

    private static Optional<Invitation> find(java.sql.Connection c, String code) throws java.sql.SQLException {
        return Sql.one(c, """
                SELECT i.*, co.name AS cohort_name FROM invitation i JOIN cohort co ON co.id = i.cohort_id
                WHERE i.code = ?""", rs -> new Invitation(rs.getString("code"), rs.getLong("cohort_id"),
                rs.getString("cohort_name"), Role.parse(rs.getString("role")), rs.getString("expires_at"),
                rs.getObject("max_uses") == null ? null : rs.getInt("max_uses"), rs.getInt("uses")),
                normalize(code));
    }

    /**
     * Creates an account with a code, in one transaction: the code is checked and counted, the person joins the
     * code's cohort. An unknown, expired or used-up code is a 400 and nothing is stored.
     */
    public long signUp(String code, String email, String name, String passwordHash, Instant now) {
        return db.write(c -> {
            Invitation inv = find(c, code).orElseThrow(() -> HttpError.badRequest("signup.code.unknown"));
            if (!inv.usableAt(now)) {
                throw HttpError.badRequest("signup.code.expired");
            }
            Role role = inv.role() == Role.FACILITATOR ? Role.FACILITATOR : Role.LEARNER;
            long id = LearnerRepository.insert(c, email, name, passwordHash, role, now);
            Sql.update(c, "INSERT INTO cohort_member (cohort_id, learner_id, role, joined_at) VALUES (?, ?, ?, ?)",
                    inv.cohortId(), id, inv.role().key(), now);
            Sql.update(c, "UPDATE invitation SET uses = uses + 1 WHERE code = ?", inv.code());
            return id;
        });
    }

    /** Codes are typed by people: case and surrounding spaces do not matter. */
    public static String normalize(String code) {
        return code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
