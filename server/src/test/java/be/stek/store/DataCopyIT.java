package be.stek.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.demo.DemoData;
import be.stek.learner.LearnerRepository;
import be.stek.learner.Passwords;
import be.stek.testing.Http;
import be.stek.testing.LargeCohort;
import be.stek.testing.TestDatabases;
import be.stek.testing.TestServer;
import be.stek.web.Role;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stek copy-data}: a SQLite database filled with demonstration data is copied into the store the tests run on
 * (PostgreSQL with STEK_TEST_DATABASE, otherwise another SQLite file) and from there back into a new SQLite file;
 * every table has the same rows, a learner sees the same dashboard, new rows get new ids, and a full target is refused.
 */
class DataCopyIT {

    @Test
    void a_copied_database_has_every_row_and_shows_a_learner_the_same_dashboard(@TempDir Path src, @TempDir Path dst,
                                                                                @TempDir Path back) throws Exception {
        DatabaseUrl source = DatabaseUrl.sqlite(src.resolve("stek.db"));
        String learner;
        String before;
        try (TestServer server = TestServer.start(src, c -> c.withDatabase(source))) {
            new DemoData(server.db(), LargeCohort.fixtureCourses(), Passwords.hash(TestServer.PASSWORD))
                    .fill(24, 2, false, Instant.now(), 3);
            learner = server.db().read(c -> Sql.one(c, """
                    SELECT l.email FROM learner l JOIN quiz_attempt a ON a.learner_id = l.id
                    GROUP BY l.email ORDER BY count(*) DESC, l.email LIMIT 1""", rs -> rs.getString(1))).orElseThrow();
            before = withoutTokens(new Http(server).signIn(learner).get("/me").body());
        }

        Map<String, Long> expected;
        try (Database from = Database.open(source); Database to = TestDatabases.open(dst)) {
            expected = counts(from);
            List<DataCopy.Copied> copied = DataCopy.copy(from, to);
            assertEquals(expected.keySet().size(), copied.size(), "every table");
            assertEquals(expected, counts(to));
            assertTrue(expected.get("answer") > 0 && expected.get("reflection") > 0, expected.toString());
            DataCopy.TargetNotEmpty refused = assertThrows(DataCopy.TargetNotEmpty.class, () -> DataCopy.copy(from, to));
            assertTrue(refused.getMessage().contains("not empty"), refused.getMessage());
            assertEquals(expected, counts(to), "a refused copy adds nothing");
        }

        try (TestServer server = TestServer.start(dst)) {
            String after = withoutTokens(new Http(server).signIn(learner).get("/me").body());
            assertEquals(before, after, "the learner's dashboard is the same after the copy");
            long max = server.count("SELECT max(id) FROM learner");
            long added = new LearnerRepository(server.db()).create("nieuw@example.org", "Nieuw", "-", Role.LEARNER,
                    Instant.now());
            assertTrue(added > max, "a new account gets a new id: " + added + " > " + max);
        }

        try (Database from = TestDatabases.open(dst); Database to = Database.open(back.resolve("stek.db"))) {
            DataCopy.copy(from, to);
            Map<String, Long> there = counts(from);
            assertNotEquals(expected, there, "one account was added on the copy");
            assertEquals(there, counts(to), "and the copy back has every row");
        }
    }

    private static Map<String, Long> counts(Database db) {
        return db.read(c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            for (String table : DataCopy.tables(c).stream().sorted().toList()) {
                out.put(table, DataCopy.count(c, table));
            }
            return out;
        });
    }

    /** The page without what differs per request (the CSRF token). */
    private static String withoutTokens(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }
}
