package be.stek.learner;

import be.stek.store.Database;
import be.stek.store.Sql;
import be.stek.web.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Accounts in the database. */
public final class LearnerRepository {
    private final Database db;

    public LearnerRepository(Database db) {
        this.db = db;
    }

    static Learner map(ResultSet rs) throws SQLException {
        return new Learner(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                rs.getString("password_hash"), Role.parse(rs.getString("role")), rs.getString("language"),
                rs.getString("created_at"));
    }

    /** Creates an account and returns its id; a taken e-mail address is a {@link EmailTaken}. */
    public long create(String email, String name, String passwordHash, Role role, Instant now) {
        return db.write(c -> insert(c, email, name, passwordHash, role, now));
    }

    /**
     * Creates the first admin, in one transaction with the check that there is no admin yet; empty when there is one
     * (made meanwhile by the command line, for example). A taken e-mail address is a {@link EmailTaken}.
     */
    public Optional<Long> createFirstAdmin(String email, String name, String passwordHash, Instant now) {
        return db.write(c -> Sql.one(c, "SELECT 1 FROM learner WHERE role = 'admin' LIMIT 1", rs -> 1).isPresent()
                ? Optional.empty() : Optional.of(insert(c, email, name, passwordHash, Role.ADMIN, now)));
    }

    static long insert(java.sql.Connection c, String email, String name, String passwordHash, Role role, Instant now)
            throws SQLException {
        if (Sql.one(c, "SELECT 1 FROM learner WHERE email = ?", rs -> 1, email).isPresent()) {
            throw new EmailTaken();
        }
        return Sql.insert(c, """
                INSERT INTO learner (email, name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)
                """, email, name, passwordHash, role.key(), now);
    }

    public Optional<Learner> byEmail(String email) {
        return db.read(c -> Sql.one(c, "SELECT * FROM learner WHERE email = ?", LearnerRepository::map, email));
    }

    public Optional<Learner> byId(long id) {
        return db.read(c -> Sql.one(c, "SELECT * FROM learner WHERE id = ?", LearnerRepository::map, id));
    }

    public List<Learner> all() {
        return db.read(c -> Sql.list(c, "SELECT * FROM learner ORDER BY name COLLATE NOCASE", LearnerRepository::map));
    }

    public int countAdmins() {
        return db.read(c -> Sql.one(c, "SELECT count(*) FROM learner WHERE role = 'admin'", rs -> rs.getInt(1))
                .orElse(0));
    }

    public void setPassword(long id, String passwordHash) {
        db.write(c -> Sql.update(c, "UPDATE learner SET password_hash = ? WHERE id = ?", passwordHash, id));
    }

    public void setLanguage(long id, String language) {
        db.write(c -> Sql.update(c, "UPDATE learner SET language = ? WHERE id = ?", language, id));
    }

    public void setRole(long id, Role role) {
        db.write(c -> Sql.update(c, "UPDATE learner SET role = ? WHERE id = ?", role.key(), id));
    }

    /** Deletes an account and, through the foreign keys, everything stored about the person. */
    public void delete(long id) {
        db.write(c -> Sql.update(c, "DELETE FROM learner WHERE id = ?", id));
    }

    /** Thrown when an e-mail address already has an account. */
    public static final class EmailTaken extends RuntimeException {
        public EmailTaken() {
            super("e-mail address already registered");
        }
    }
}
