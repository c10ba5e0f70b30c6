package be.stek.learner;

import be.stek.testing.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.stek.store.Database;
import be.stek.store.Sql;
import be.stek.web.HttpError;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvitationsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private static void aCode(Database db, String code, Instant expires, Integer maxUses) {
        db.write(c -> {
            long cohort = Sql.insert(c, "INSERT INTO cohort (name, created_at) VALUES ('Team De Linde', ?)", NOW);
            return Sql.update(c, "INSERT INTO invitation (code, cohort_id, expires_at, max_uses, created_at) VALUES (?, ?, ?, ?, ?)",
                    code, cohort, expires, maxUses, NOW);
        });
    }

    private static long count(Database db, String sql) {
        return db.read(c -> Sql.one(c, sql, rs -> rs.getLong(1)).orElseThrow());
    }

    @Test
    void a_valid_code_creates_the_account_and_joins_its_cohort(@TempDir Path dir) {
        try (Database db = TestDatabases.open(dir)) {
            aCode(db, "LINDE2026", null, null);
            new Invitations(db).signUp(" linde2026 ", "sara@example.be", "Sara", "hash", NOW);
            assertEquals(1, count(db, "SELECT count(*) FROM cohort_member m JOIN learner l ON l.id = m.learner_id"
                    + " WHERE l.email = 'sara@example.be'"));
            assertEquals(1, count(db, "SELECT uses FROM invitation"));
        }
    }

    @Test
    void an_expired_or_used_up_code_stores_nothing(@TempDir Path dir) {
        try (Database db = TestDatabases.open(dir)) {
            aCode(db, "OUD", NOW.minusSeconds(1), null);
            aCode(db, "EENMALIG", null, 1);
            Invitations invitations = new Invitations(db);
            HttpError expired = assertThrows(HttpError.class, () -> invitations.signUp("OUD", "a@example.be", "A", "h", NOW));
            assertEquals("signup.code.expired", expired.messageKey());
            invitations.signUp("EENMALIG", "b@example.be", "B", "h", NOW);
            assertThrows(HttpError.class, () -> invitations.signUp("EENMALIG", "c@example.be", "C", "h", NOW));
            assertEquals(1, count(db, "SELECT count(*) FROM learner"));
        }
    }

    @Test
    void a_taken_address_changes_nothing_and_its_owner_joins_once_signed_in(@TempDir Path dir) {
        try (Database db = TestDatabases.open(dir)) {
            aCode(db, "EERSTE", null, 5);
            aCode(db, "TWEEDE", null, 5);
            Invitations invitations = new Invitations(db);
            invitations.signUp("EERSTE", "sara@example.be", "Sara", "h", NOW);
            long sara = count(db, "SELECT id FROM learner");
            invitations.signUp("TWEEDE", "SARA@example.be", "Iemand anders", "h2", NOW);
            assertEquals(1, count(db, "SELECT count(*) FROM learner"), "no second account");
            assertEquals(1, count(db, "SELECT count(*) FROM learner WHERE name = 'Sara' AND password_hash = 'h'"),
                    "the account itself is unchanged");
            assertEquals(1, count(db, "SELECT count(*) FROM cohort_member"), "nobody can put Sara in a cohort");
            assertEquals(0, count(db, "SELECT uses FROM invitation WHERE code = 'TWEEDE'"), "no use counted");
            invitations.join("TWEEDE", sara, NOW);
            invitations.join("tweede", sara, NOW);
            assertEquals(2, count(db, "SELECT count(*) FROM cohort_member WHERE learner_id = " + sara));
            assertEquals(1, count(db, "SELECT uses FROM invitation WHERE code = 'TWEEDE'"), "joining twice counts once");
        }
    }
}
