package be.stek.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.store.Database;
import be.stek.store.Sql;
import be.stek.testing.Concurrently;
import be.stek.testing.TestDatabases;
import be.stek.web.Role;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reset link works once (also when used twice at the same moment) and only within its hour. */
class PasswordResetsTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void two_uses_of_one_link_at_once_set_the_password_once(@TempDir Path dir) throws Exception {
        try (Database db = TestDatabases.open(dir)) {
            new LearnerRepository(db).create("an@example.be", "An", "old", Role.LEARNER, NOW);
            PasswordResets resets = new PasswordResets(db);
            String token = resets.request("AN@example.be", NOW).orElseThrow().token();
            assertEquals(PasswordResets.State.VALID, resets.state(token, NOW));

            List<Callable<Optional<Long>>> both = List.of(() -> resets.use(token, "first", NOW),
                    () -> resets.use(token, "second", NOW));
            List<Optional<Long>> results = Concurrently.run(2, both);

            assertEquals(1, results.stream().filter(Optional::isPresent).count(), "exactly one use succeeds");
            String hash = db.read(c -> Sql.one(c, "SELECT password_hash FROM learner", rs -> rs.getString(1)))
                    .orElseThrow();
            assertTrue(hash.equals("first") || hash.equals("second"), hash);
            assertEquals(PasswordResets.State.USED, resets.state(token, NOW));
        }
    }

    @Test
    void a_link_expires_after_an_hour_and_an_unknown_address_gets_no_link(@TempDir Path dir) {
        try (Database db = TestDatabases.open(dir)) {
            new LearnerRepository(db).create("an@example.be", "An", "old", Role.LEARNER, NOW);
            PasswordResets resets = new PasswordResets(db);
            String token = resets.request("an@example.be", NOW).orElseThrow().token();
            Instant later = NOW.plus(PasswordResets.LIFETIME).plusSeconds(1);

            assertEquals(PasswordResets.State.EXPIRED, resets.state(token, later));
            assertTrue(resets.use(token, "new", later).isEmpty());
            assertTrue(resets.request("niemand@example.be", NOW).isEmpty());
            assertEquals(PasswordResets.State.UNKNOWN, resets.state("x".repeat(43), NOW));
        }
    }
}
