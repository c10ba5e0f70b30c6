package be.stek.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.stek.learner.LearnerRepository;
import be.stek.testing.TestDatabases;
import be.stek.web.Role;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Versions kept in the database are read once per learner and request: the request's own writes (touch in the
 * transaction, bump after it, as the repositories do) are read again at once, another node's write from the next
 * request on (never later).
 */
class RequestVersionsTest {

    private static void raiseBehindTheBack(Database db, long learner) {
        db.write(c -> Sql.update(c, "UPDATE learner SET data_version = data_version + 1 WHERE id = ?", learner));
    }

    @Test
    void a_request_reads_a_learners_version_once_its_own_writes_again_and_the_next_request_afresh(@TempDir Path dir) {
        try (Database db = TestDatabases.open(dir)) {
            long an = new LearnerRepository(db).create("an@example.be", "An", "hash", Role.LEARNER, Instant.EPOCH);
            Versions versions = Versions.inDatabase(db);
            long first;
            RequestVersions.begin();
            try {
                first = versions.current(an);
                raiseBehindTheBack(db, an);
                assertEquals(first, versions.current(an), "read once within the request");
                db.write(c -> {
                    versions.touch(c, an);
                    return null;
                });
                versions.bump(an);
                assertEquals(first + 2, versions.current(an), "the request's own write is read at once");
            } finally {
                RequestVersions.end();
            }
            raiseBehindTheBack(db, an);
            RequestVersions.begin();
            try {
                assertEquals(first + 3, versions.current(an), "the next request reads afresh (another node's write)");
                RequestVersions.seen(an, first + 3);
                raiseBehindTheBack(db, an);
                assertEquals(first + 3, versions.current(an), "a version read with the session row counts as read");
            } finally {
                RequestVersions.end();
            }
            raiseBehindTheBack(db, an);
            assertEquals(first + 5, versions.current(an), "outside a request (sweeps, mail) every ask reads");
            assertEquals(first + 5, versions.current(an));
        }
    }
}
