package be.stek.learner;

import be.stek.testing.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.store.Database;
import be.stek.store.Sql;
import be.stek.web.Role;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsTest {

    @Test
    void a_session_lasts_its_lifetime_and_expired_ones_are_swept_at_the_next_sign_in(@TempDir Path dir) {
        LoginThrottleTest.Hand clock = new LoginThrottleTest.Hand();
        try (Database db = TestDatabases.open(dir)) {
            long an = new LearnerRepository(db).create("an@example.be", "An", "h", Role.LEARNER, clock.now);
            Sessions sessions = new Sessions(db, clock);
            String old = sessions.start(an);
            assertEquals("An", sessions.visitor(old).orElseThrow().name());

            clock.now = clock.now.plus(Sessions.LIFETIME).plusSeconds(1);
            String fresh = sessions.start(an);
            int rows = db.read(c -> Sql.one(c, "SELECT count(*) FROM session", rs -> rs.getInt(1)).orElseThrow());
            assertEquals(1, rows,
                    "the expired session row is gone");
            assertTrue(sessions.visitor(old).isEmpty(), "and it no longer signs anyone in");
            assertEquals("An", sessions.visitor(fresh).orElseThrow().name());
        }
    }
}
